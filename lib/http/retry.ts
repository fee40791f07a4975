import { MonoTypeOperatorFunction, Observable, SchedulerLike, asyncScheduler, retry, throwError, timer } from 'rxjs';
import { NetworkError, PixivApiError, PixivError, RateLimitError } from '../errors';
import { definedOptions } from '../defined-options';

/** How failed requests (API calls and image downloads alike) are sent again. */
export interface RetryOptions {
  /**
   * Retries after the first attempt.
   * @default 3
   */
  readonly maxRetries?: number;
  /**
   * Backoff base: the n-th retry waits a random time in `[0, min(maxDelayMs, baseDelayMs * 2^n))`
   * (exponential backoff with full jitter).
   * @default 500
   */
  readonly baseDelayMs?: number;
  /**
   * Upper bound of one backoff delay.
   * @default 30000
   */
  readonly maxDelayMs?: number;
  /**
   * A `Retry-After` longer than this fails at once with a `RateLimitError` carrying `retryAfterMs`,
   * instead of waiting.
   * @default 60000
   */
  readonly maxRetryAfterMs?: number;
}

/** The retry defaults, in one place. */
export const RETRY_DEFAULTS = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
} as const satisfies Required<RetryOptions>;

/** A resolved policy; `false` sends every request once. */
export type RetryPolicy = Readonly<Required<RetryOptions>> | false;

/** Fills in the defaults and checks the numbers. */
export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return false;
  const policy = Object.assign({}, RETRY_DEFAULTS, definedOptions(options ?? {}));
  for (const [key, value] of Object.entries(policy)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new TypeError(`retry.${key} must be a finite number ≥ 0, got ${String(value)}`);
    }
  }
  if (!Number.isInteger(policy.maxRetries)) throw new TypeError('retry.maxRetries must be an integer');
  return policy;
}

/** One retry about to happen. */
export interface RetryEvent {
  /** 1 for the first retry. */
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: PixivError;
}

export interface RetryContext {
  /**
   * Whether sending the request twice is harmless. Non-idempotent requests (bookmark POSTs) are
   * retried only when the failure proves the request never reached the server.
   * @default true
   */
  readonly idempotent?: boolean;
  /** Told of every retry before its delay starts. */
  readonly onRetry?: (event: RetryEvent) => void;
  readonly scheduler?: SchedulerLike;
  /** Source of jitter in `[0, 1)`. @default Math.random */
  readonly random?: () => number;
}

/** Whether `error` is worth another attempt, judged by its kind alone. */
export function isRetryable(error: unknown, idempotent = true): error is PixivError {
  if (error instanceof NetworkError) return idempotent || !error.reachedServer;
  if (!idempotent) return false;
  if (error instanceof RateLimitError) return true;
  return error instanceof PixivApiError && error.status >= 500;
}

/** Backoff for the n-th retry (1-based), full jitter, capped. */
export function backoffDelay(policy: Required<RetryOptions>, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Resubscribes to the source on retryable failures, per the policy: exponential backoff with full
 * jitter, `Retry-After` honoured, a too-long `Retry-After` failing at once. When retries run out,
 * the last error goes through unchanged (a `RateLimitError` for rate limits, a `PixivApiError`
 * with the last status for server errors).
 */
export function retryWithPolicy<T>(policy: RetryPolicy, context: RetryContext = {}): MonoTypeOperatorFunction<T> {
  if (policy === false || policy.maxRetries === 0) return (source) => source;
  const { idempotent = true, onRetry, scheduler = asyncScheduler, random = Math.random } = context;
  return retry<T>({
    count: policy.maxRetries,
    delay: (error: unknown, attempt: number): Observable<unknown> => {
      if (!isRetryable(error, idempotent)) return throwError(() => error);
      let delayMs: number;
      if (error instanceof RateLimitError && error.retryAfterMs !== undefined) {
        if (error.retryAfterMs > policy.maxRetryAfterMs) return throwError(() => error);
        delayMs = error.retryAfterMs;
      } else {
        delayMs = backoffDelay(policy, attempt, random);
      }
      onRetry?.({ attempt, delayMs, error });
      return timer(delayMs, scheduler);
    },
  });
}

/**
 * Parses a `Retry-After` header (delta-seconds or an HTTP date) into milliseconds from `now`.
 * Returns `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
