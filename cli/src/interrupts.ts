/**
 * Ctrl-C, as the commands see it. A command that can stop cleanly (a download) registers a
 * handler; without one, or at a second Ctrl-C, `fallback` runs (the process exits with 130).
 */
export class Interrupts {
  private readonly handlers: (() => void)[] = [];
  private interrupted = false;

  constructor(private readonly fallback: () => void) {}

  /** Calls `handler` at the next Ctrl-C instead of exiting; returns the function that removes it. */
  onInterrupt(handler: () => void): () => void {
    this.handlers.push(handler);
    return () => {
      const index = this.handlers.indexOf(handler);
      if (index >= 0) this.handlers.splice(index, 1);
    };
  }

  /** What SIGINT calls. */
  trigger(): void {
    const handler = this.handlers.pop();
    if (handler && !this.interrupted) {
      this.interrupted = true;
      handler();
    } else {
      this.fallback();
    }
  }
}
