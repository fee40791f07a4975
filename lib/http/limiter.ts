import { Observable, Subscription } from 'rxjs';

/**
 * Bounds how many requests of one client are in flight at once, across every stream. Waiting
 * requests start in the order they asked (first come, first served), and a slot is released when a
 * request completes, errors or is unsubscribed.
 */
export class RequestLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private peakActive = 0;

  constructor(readonly limit: number) {
    if (!(limit >= 1) || !(Number.isInteger(limit) || limit === Infinity)) {
      throw new TypeError(`maxConcurrentRequests must be an integer ≥ 1 or Infinity, got ${String(limit)}`);
    }
  }

  /** Highest number of requests seen in flight at once. */
  get peak(): number {
    return this.peakActive;
  }

  /** Subscribes to `source` once a slot is free; the slot is held until `source` ends. */
  run<T>(source: Observable<T>): Observable<T> {
    if (this.limit === Infinity) return source;
    return new Observable<T>((subscriber) => {
      let inner: Subscription | undefined;
      let holding = false;
      let cancelled = false;
      const release = (): void => {
        if (!holding) return;
        holding = false;
        this.active--;
        const next = this.waiting.shift();
        if (next) next();
      };
      const start = (): void => {
        if (cancelled) {
          this.waiting.shift()?.();
          return;
        }
        holding = true;
        this.active++;
        if (this.active > this.peakActive) this.peakActive = this.active;
        inner = source.subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            release();
            subscriber.error(error);
          },
          complete: () => {
            release();
            subscriber.complete();
          },
        });
      };
      if (this.active < this.limit) start();
      else this.waiting.push(start);
      return () => {
        cancelled = true;
        inner?.unsubscribe();
        if (holding) release();
        else {
          const index = this.waiting.indexOf(start);
          if (index >= 0) this.waiting.splice(index, 1);
        }
      };
    });
  }
}
