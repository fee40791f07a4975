import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of, scan, startWith, switchMap } from 'rxjs';
import type { Illustration } from 'pixiv-rx';
import { APP_SETTINGS } from './app-settings';
import { ArtistWorksService } from './artist-works.service';

interface View {
  readonly works: readonly Illustration[];
  readonly loading: boolean;
  /** Fewer works came than were asked for: the listing has ended. */
  readonly complete: boolean;
  readonly error: string | null;
}

const PAGE = 30;
const INITIAL: View = { works: [], loading: true, complete: false, error: null };

/**
 * Lists an artist's works, 30 more on each "Load more". Each click asks for the first `n + 30`
 * works with `take`; `switchMap` drops a listing still in flight, and `toSignal` unsubscribes when
 * the component is destroyed, which aborts the request the client has in flight.
 */
@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Works of artist {{ userId }}</h1>
    @if (view().error; as error) {
      <p class="error" role="alert">{{ error }}</p>
    }
    <ol class="works" [attr.data-loading]="view().loading">
      @for (work of view().works; track work.id) {
        <li class="work">
          <img class="thumbnail" [src]="thumbnailUrl(work)" [alt]="work.title" width="120" height="120" />
          <span class="work-title">{{ work.title }}</span>
        </li>
      }
    </ol>
    @if (!view().complete) {
      <button type="button" class="load-more" (click)="loadMore()" [disabled]="view().loading">
        {{ view().loading ? 'Loading…' : 'Load more' }}
      </button>
    }
  `,
})
export class ArtistWorksComponent {
  private readonly service = inject(ArtistWorksService);
  protected readonly userId = inject(APP_SETTINGS).userId;
  private readonly wanted = signal(PAGE);

  protected readonly view = toSignal(
    toObservable(this.wanted).pipe(
      switchMap((count) =>
        this.service.firstWorks$(this.userId, count).pipe(
          map((works): Partial<View> => ({ works, loading: false, complete: works.length < count, error: null })),
          startWith<Partial<View>>({ loading: true }),
          catchError((error: unknown) => of<Partial<View>>({ loading: false, error: error instanceof Error ? error.message : String(error) })),
        ),
      ),
      scan((view: View, change: Partial<View>) => ({ ...view, ...change }), INITIAL),
    ),
    { initialValue: INITIAL },
  );

  protected loadMore(): void {
    this.wanted.update((count) => count + PAGE);
  }

  protected thumbnailUrl(work: Illustration): string {
    return this.service.thumbnailUrl(work);
  }
}
