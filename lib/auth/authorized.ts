import { Observable, catchError, defer, map, mergeMap, throwError } from 'rxjs';
import { PixivApiError, PixivError } from '../errors';
import type { HttpContext } from '../http/context';
import { appHeaders } from '../http/headers';
import type { RequestLimiter } from '../http/limiter';
import { RequestSpec, requestJson, withHeaders } from '../http/request';
import { retryWithPolicy } from '../http/retry';
import type { AuthSession } from './session';

/**
 * An expired or unknown access token comes back as HTTP 400 (not 401) with the OAuth-process
 * message ending in `invalid_grant`.
 */
export function isExpiredAccessToken(error: unknown): boolean {
  return (
    error instanceof PixivApiError &&
    // 400 is what Pixiv sends; a 401 with the same message is read the same way
    (error.status === 400 || error.status === 401) &&
    /OAuth process/i.test(error.apiMessage) &&
    /invalid_grant/.test(error.apiMessage)
  );
}

/**
 * A path and query that `new URL()` gives back unchanged under any origin: the path without dots or
 * percent signs (so without dot segments, plain or escaped), the query without what the parser
 * escapes or strips (spaces, quotes, `<`, `>`, backslashes, controls, non-ASCII) and no fragment.
 */
const CANONICAL_PATH_AND_QUERY = /^\/[A-Za-z0-9\-_~/]*(?:\?[A-Za-z0-9\-._~%&=+,:;@/?!$*()[\]]*)?$/;

/** Where Pixiv's own bodies point their `next_url`s. */
const PIXIV_API_ORIGIN = 'https://app-api.pixiv.net';

export interface ApiCallOptions {
  /** See RetryContext.idempotent. @default true */
  readonly idempotent?: boolean;
}

/**
 * Sends API requests with the app headers and the session's bearer token, through the client's
 * concurrency limit and retry policy. A request that meets an expired token waits for the one
 * shared refresh and is replayed once.
 */
export class AuthorizedCaller {
  readonly apiOrigin: string;

  constructor(
    private readonly http: HttpContext,
    private readonly session: AuthSession,
    private readonly limiter: RequestLimiter,
    private readonly apiBaseUrl: string,
    private readonly language: string,
  ) {
    this.apiOrigin = new URL(apiBaseUrl).origin;
  }

  /** Emits the parsed body of one API request. `spec.url` must be on the API origin. */
  call(spec: RequestSpec, options: ApiCallOptions = {}): Observable<unknown> {
    const { idempotent = true } = options;
    if (!this.isApiUrl(spec.url)) {
      return throwError(
        () => new PixivError('Refusing to send the access token outside the API origin', { request: spec }),
      );
    }
    const send = (token: string, replayed: boolean): Observable<unknown> => {
      // a fresh object of the app headers, the request's own over them, the token over both
      const headers = Object.assign(appHeaders(this.language), spec.headers);
      headers.Authorization = `Bearer ${token}`;
      return this.limiter
        .run(requestJson(this.http, withHeaders(spec, headers)))
        .pipe(
          map((response) => response.body),
          retryWithPolicy(this.http.retry, { idempotent, onRetry: this.http.onRetry }),
          catchError((error: unknown) => {
            if (replayed || !isExpiredAccessToken(error)) return throwError(() => error);
            this.session.invalidate(token);
            return attempt(true);
          }),
        );
    };
    // the token is read at subscription; only a token that needs refreshing waits for one
    const attempt = (replayed: boolean): Observable<unknown> =>
      defer(() => {
        const token = this.session.freshAccessToken();
        return token === undefined ? this.session.accessToken$().pipe(mergeMap((refreshed) => send(refreshed, replayed))) : send(token, replayed);
      });
    return attempt(false);
  }

  /** Whether `url` is on the API origin (the only place the bearer token may go). */
  isApiUrl(url: string): boolean {
    // what the client sends itself starts with the origin and a slash, which no spelling of
    // another origin does: that case needs no parse
    if (url.startsWith(this.apiOrigin) && url.charCodeAt(this.apiOrigin.length) === 0x2f) return true;
    try {
      return new URL(url).origin === this.apiOrigin;
    } catch {
      return false;
    }
  }

  /**
   * Whether `url` is on the API origin and written exactly as the URL parser would write it back
   * (what Pixiv's own `next_url`s are), so that it can be sent as it is without a parse: a path of
   * letters, digits, `-`, `_`, `~` and slashes (no dot segment, no escape that could hide one), and
   * a query of characters the parser keeps as they are. Anything else goes through {@link toApiUrl}.
   */
  isCanonicalApiUrl(url: string): boolean {
    return url.startsWith(this.apiOrigin) && CANONICAL_PATH_AND_QUERY.test(url.slice(this.apiOrigin.length));
  }

  /**
   * The URL to send for a `next_url` (or a `resumeFrom`), parsed: itself when it is on the API
   * origin; the same path and query on `apiBaseUrl` when it is on Pixiv's own API origin and
   * `apiBaseUrl` is another (a proxy or a test server writes Pixiv's URLs into its bodies); `null`
   * for anything else, which is never sent.
   */
  toApiUrl(url: URL): string | null {
    if (url.origin === this.apiOrigin) return url.href;
    if (url.origin !== PIXIV_API_ORIGIN) return null;
    return `${this.apiBaseUrl}${url.pathname}${url.search}`;
  }
}
