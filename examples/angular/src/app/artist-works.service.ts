import { Injectable, inject } from '@angular/core';
import { Observable, take, toArray } from 'rxjs';
import { Size, proxiedImageUrl, type Illustration } from 'pixiv-rx';
import { injectPixivClient } from 'pixiv-rx/angular';
import { APP_SETTINGS } from './app-settings';

/** An artist's works, read through the app's one `PixivClient`. */
@Injectable({ providedIn: 'root' })
export class ArtistWorksService {
  private readonly pixiv = injectPixivClient();
  private readonly settings = inject(APP_SETTINGS);

  /**
   * The artist's first `count` works, newest first, as one list. `take` ends the listing as soon
   * as `count` works have arrived: the client asks for no page beyond them.
   */
  firstWorks$(userId: number, count: number): Observable<Illustration[]> {
    return this.pixiv.userIllustrations$(userId).pipe(take(count), toArray());
  }

  /** The work's square thumbnail, through the proxy (a page cannot send the Referer it needs). */
  thumbnailUrl(work: Illustration): string {
    return proxiedImageUrl(this.settings.proxyUrl, work.imageUrls[Size.SQUARE_MEDIUM] ?? '');
  }
}
