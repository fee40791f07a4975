/**
 * How one API exchange is called off (unsubscribing, or the client's `timeoutMs`), told to the
 * transport that sends it. Lighter than an `AbortController` and its signal, which Node would
 * also have to watch from every request: the node:http transport destroys its request from the
 * one listener, and only the axios transport makes a signal, for axios.
 */
export class Cancellation {
  private cancelledNow = false;
  private listener: (() => void) | undefined;

  /** Whether the exchange was called off. */
  get cancelled(): boolean {
    return this.cancelledNow;
  }

  /**
   * Calls `listener` once when the exchange is called off, at once if it already is. One transport
   * sends an exchange, so there is one listener: a second replaces the first.
   */
  onCancel(listener: () => void): void {
    if (this.cancelledNow) listener();
    else this.listener = listener;
  }

  /** Calls the exchange off (again: nothing). */
  cancel(): void {
    if (this.cancelledNow) return;
    this.cancelledNow = true;
    const listener = this.listener;
    this.listener = undefined;
    listener?.();
  }

  /** An `AbortSignal` that aborts with this cancellation, for APIs that take one (axios). */
  toSignal(): AbortSignal {
    const controller = new AbortController();
    this.onCancel(() => controller.abort());
    return controller.signal;
  }
}
