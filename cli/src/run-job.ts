import type { Observable } from 'rxjs';
import type { Interrupts } from './interrupts';

export type JobOutcome =
  | { readonly kind: 'complete' }
  /** Ctrl-C: the subscription was dropped, which aborts every request and transfer in flight. */
  | { readonly kind: 'interrupted' }
  | { readonly kind: 'failed'; readonly error: unknown };

/** Subscribes to `job` until it completes, fails, or Ctrl-C unsubscribes from it. */
export function runJob<T>(job: Observable<T>, next: (value: T) => void, interrupts: Interrupts): Promise<JobOutcome> {
  return new Promise((resolve) => {
    let removeHandler = (): void => undefined;
    const settle = (outcome: JobOutcome): void => {
      removeHandler();
      resolve(outcome);
    };
    const subscription = job.subscribe({
      next,
      error: (error: unknown) => settle({ kind: 'failed', error }),
      complete: () => settle({ kind: 'complete' }),
    });
    if (subscription.closed) return;
    removeHandler = interrupts.onInterrupt(() => {
      subscription.unsubscribe();
      settle({ kind: 'interrupted' });
    });
  });
}
