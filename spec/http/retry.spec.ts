import { Observable, defer, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { LoginError, NetworkError, PixivApiError, RateLimitError } from '../../lib/errors';
import {
  RETRY_DEFAULTS,
  RetryEvent,
  backoffDelay,
  isRetryable,
  parseRetryAfter,
  resolveRetryPolicy,
  retryWithPolicy,
} from '../../lib/http/retry';

const target = { method: 'GET', url: 'https://app-api.pixiv.net/v1/illust/detail?illust_id=1' };
const serverError = (status = 503) => new PixivApiError(`HTTP ${status}`, { status, request: target });
const rateLimited = (retryAfterMs?: number) =>
  new RateLimitError('rate limited', { status: 429, request: target, retryAfterMs });
const reset = () => new NetworkError('reset', { kind: 'reset', reachedServer: true, request: target });
const refused = () => new NetworkError('refused', { kind: 'refused', reachedServer: false, request: target });

/** A source that fails with the given errors in turn, then emits 'ok'. */
function failing(errors: Error[]): { source: Observable<string>; attempts: () => number } {
  let attempt = 0;
  const source = defer(() => {
    const error = errors[attempt++];
    return error ? throwError(() => error) : new Observable<string>((s) => { s.next('ok'); s.complete(); });
  });
  return { source, attempts: () => attempt };
}

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('retry policy', () => {
  it('has its defaults in one place', () => {
    expect(resolveRetryPolicy(undefined)).toEqual(RETRY_DEFAULTS);
    expect(resolveRetryPolicy({ maxRetries: 1 })).toEqual({ ...RETRY_DEFAULTS, maxRetries: 1 });
    expect(resolveRetryPolicy(false)).toBe(false);
  });

  it('rejects nonsense options with a TypeError', () => {
    expect(() => resolveRetryPolicy({ maxRetries: -1 })).toThrow(TypeError);
    expect(() => resolveRetryPolicy({ baseDelayMs: Number.NaN })).toThrow(TypeError);
    expect(() => resolveRetryPolicy({ maxRetries: 1.5 })).toThrow(TypeError);
  });

  it('retries network errors, 5xx and rate limits; not other 4xx or login failures', () => {
    expect(isRetryable(reset())).toBe(true);
    expect(isRetryable(serverError(500))).toBe(true);
    expect(isRetryable(rateLimited())).toBe(true);
    expect(isRetryable(new PixivApiError('nope', { status: 404 }))).toBe(false);
    expect(isRetryable(new LoginError('nope'))).toBe(false);
    expect(isRetryable(new TypeError('bad'))).toBe(false);
  });

  it('retries a non-idempotent request only when it surely never reached the server', () => {
    expect(isRetryable(refused(), false)).toBe(true);
    expect(isRetryable(reset(), false)).toBe(false);
    expect(isRetryable(serverError(), false)).toBe(false);
    expect(isRetryable(rateLimited(), false)).toBe(false);
  });

  it('backs off exponentially with full jitter, capped at maxDelayMs', () => {
    const policy = { ...RETRY_DEFAULTS, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(policy, 1, () => 0.999)).toBe(99);
    expect(backoffDelay(policy, 2, () => 0.5)).toBe(100);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(200);
    expect(backoffDelay(policy, 10, () => 0.999)).toBe(999);
    expect(backoffDelay(policy, 10, () => 0)).toBe(0);
  });

  it('waits the backoff between attempts (marbles)', () => {
    scheduler().run(({ expectObservable }) => {
      const { source } = failing([serverError(), serverError()]);
      const policy = resolveRetryPolicy({ maxRetries: 3, baseDelayMs: 10, maxDelayMs: 1000 });
      // random() = 0.5: first retry after 5 ms, second after 10 ms
      const result = source.pipe(retryWithPolicy(policy, { random: () => 0.5 }));
      expectObservable(result).toBe('15ms (a|)', { a: 'ok' });
    });
  });

  it('honours Retry-After instead of the backoff (marbles)', () => {
    const events: RetryEvent[] = [];
    scheduler().run(({ expectObservable }) => {
      const { source } = failing([rateLimited(40)]);
      const result = source.pipe(
        retryWithPolicy(resolveRetryPolicy({ baseDelayMs: 1 }), { onRetry: (e) => events.push(e) }),
      );
      expectObservable(result).toBe('40ms (a|)', { a: 'ok' });
    });
    expect(events.map((e) => [e.attempt, e.delayMs])).toEqual([[1, 40]]);
  });

  it('fails at once when Retry-After is above maxRetryAfterMs', () => {
    scheduler().run(({ expectObservable }) => {
      const error = rateLimited(120_000);
      const { source } = failing([error]);
      const result = source.pipe(retryWithPolicy(resolveRetryPolicy({ maxRetryAfterMs: 60_000 })));
      expectObservable(result).toBe('#', undefined, error);
    });
  });

  it('ends exhausted rate limits in the last RateLimitError and server errors in the last PixivApiError', () => {
    scheduler().run(({ expectObservable }) => {
      const errors = [rateLimited(1), rateLimited(1), rateLimited(1)];
      const { source } = failing(errors);
      const result = source.pipe(retryWithPolicy(resolveRetryPolicy({ maxRetries: 2 })));
      expectObservable(result).toBe('2ms #', undefined, errors[2]);
    });
    scheduler().run(({ expectObservable }) => {
      const errors = [serverError(502), serverError(503)];
      const { source } = failing(errors);
      const result = source.pipe(retryWithPolicy(resolveRetryPolicy({ maxRetries: 1 }), { random: () => 0 }));
      expectObservable(result).toBe('#', undefined, errors[1]);
    });
  });

  it('does not retry a 404', () => {
    const error = new PixivApiError('gone', { status: 404 });
    const { source, attempts } = failing([error]);
    scheduler().run(({ expectObservable }) => {
      expectObservable(source.pipe(retryWithPolicy(resolveRetryPolicy({})))).toBe('#', undefined, error);
    });
    expect(attempts()).toBe(1);
  });

  it('sends once with retry: false', () => {
    scheduler().run(({ expectObservable }) => {
      const error = serverError();
      const { source } = failing([error]);
      expectObservable(source.pipe(retryWithPolicy(false))).toBe('#', undefined, error);
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(2)).toBe(2000);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 09:59:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
