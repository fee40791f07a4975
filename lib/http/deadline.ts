import { NetworkError, RequestTarget } from '../errors';

/** A timer that ends a request which has not finished in time. */
export interface Deadline {
  /** Whether the time ran out (and `onExpire` ran). */
  readonly expired: boolean;
  clear(): void;
}

/**
 * Calls `onExpire` after `ms` milliseconds unless cleared first; `ms` of 0 sets no deadline.
 *
 * An instance of a class, never an object literal with a getter: such a literal gets a hidden
 * class of its own at every call (its accessor is a new function each time), and hidden classes
 * live in the old generation, so every request's objects, reachable from it through `onExpire`,
 * would outlive the young-generation collections and pile up until a full one.
 */
export function startDeadline(ms: number, onExpire: () => void): Deadline {
  return new RequestDeadline(ms, onExpire);
}

class RequestDeadline implements Deadline {
  expired = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(ms: number, onExpire: () => void) {
    this.timer = ms > 0 ? setTimeout(() => this.expire(onExpire), ms) : undefined;
  }

  clear(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private expire(onExpire: () => void): void {
    this.timer = undefined;
    this.expired = true;
    onExpire();
  }
}

/** The error of a request whose deadline ran out. */
export function timeoutError(message: string, target: RequestTarget): NetworkError {
  return new NetworkError(message, { kind: 'timeout', reachedServer: true, request: target });
}
