/**
 * Bounds how many image transfers run at once. A transfer asks for its slot as soon as it is
 * subscribed (before its file checks) and gives it back only once it has settled (its file
 * closed), so even an aborted transfer holds its slot until its socket is gone. Waiters are served
 * first come, first served: slots go out in the order the transfers were subscribed, which for
 * `downloadIllustrations` is source order, work by work and page by page.
 */
export class TransferLimiter {
  private active = 0;
  private peakActive = 0;
  private readonly waiting = new Set<() => void>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new TypeError(`concurrency must be an integer ≥ 1, got ${String(limit)}`);
    }
  }

  /** Transfers running now. */
  get running(): number {
    return this.active;
  }

  /** Highest number of transfers seen running at once. */
  get peak(): number {
    return this.peakActive;
  }

  /**
   * Resolves with the function that gives the slot back (idempotent) once one is free; rejects
   * with the signal's reason if `signal` aborts first.
   */
  acquire(signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    if (this.active < this.limit) return Promise.resolve(this.take());
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        signal.removeEventListener('abort', cancel);
        resolve(this.take());
      };
      const cancel = (): void => {
        this.waiting.delete(grant);
        reject(abortReason(signal));
      };
      this.waiting.add(grant);
      signal.addEventListener('abort', cancel, { once: true });
    });
  }

  private take(): () => void {
    this.active++;
    if (this.active > this.peakActive) this.peakActive = this.active;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      const next = this.waiting.values().next();
      if (!next.done) {
        this.waiting.delete(next.value);
        next.value();
      }
    };
  }
}

export function abortReason(signal: AbortSignal): Error {
  // an AbortController aborted without a reason gets an AbortError DOMException, as fetch does
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError');
}
