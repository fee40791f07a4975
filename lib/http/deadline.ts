import { NetworkError, RequestTarget } from '../errors';

/** A timer that ends a request which has not finished in time. */
export interface Deadline {
  /** Whether the time ran out (and `onExpire` ran). */
  readonly expired: boolean;
  clear(): void;
}

/** Calls `onExpire` after `ms` milliseconds unless cleared first; `ms` of 0 sets no deadline. */
export function startDeadline(ms: number, onExpire: () => void): Deadline {
  let expired = false;
  const timer =
    ms > 0
      ? setTimeout(() => {
          expired = true;
          onExpire();
        }, ms)
      : undefined;
  return {
    get expired() {
      return expired;
    },
    clear: () => clearTimeout(timer),
  };
}

/** The error of a request whose deadline ran out. */
export function timeoutError(message: string, target: RequestTarget): NetworkError {
  return new NetworkError(message, { kind: 'timeout', reachedServer: true, request: target });
}
