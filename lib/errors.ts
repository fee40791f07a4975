/**
 * The one error family of pixiv-rx. Every error a stream or a call can emit is a {@link PixivError}
 * (or a `TypeError` for bad arguments, raised before anything is sent).
 *
 * Errors are built from redacted data only: they never hold an access token, a refresh token, a
 * password, a client secret or an `AxiosError` (whose `config` carries the `Authorization` header
 * and the token form), not even as a hidden `cause`.
 */

/** Stable machine-readable kind of a {@link PixivError}. */
export type PixivErrorCode =
  | 'PIXIV_ERROR'
  | 'LOGIN_FAILED'
  | 'AUTHENTICATION_REQUIRED'
  | 'BAD_API_RESPONSE'
  | 'API_ERROR'
  | 'RATE_LIMITED'
  | 'NETWORK_ERROR'
  | 'DOWNLOAD_FAILED';

/** Where a failed request went: the method and the URL with secret query values removed. */
export interface RequestTarget {
  readonly method: string;
  readonly url: string;
}

export interface PixivErrorOptions {
  readonly request?: RequestTarget;
  /** Another PixivError that led to this one (never a transport error object). */
  readonly cause?: PixivError;
}

const SECRET_PARAMS = new Set([
  'access_token',
  'refresh_token',
  'code',
  'code_verifier',
  'password',
  'client_secret',
  'token',
]);

/** Returns `url` with the values of query parameters that may hold secrets replaced by `REDACTED`. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const hash = url.indexOf('#', query);
  const end = hash < 0 ? url.length : hash;
  const params = url
    .slice(query + 1, end)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let key = pair.slice(0, eq);
      try {
        key = decodeURIComponent(key);
      } catch {
        // keep the raw key
      }
      return SECRET_PARAMS.has(key.toLowerCase()) ? `${pair.slice(0, eq)}=REDACTED` : pair;
    });
  return `${url.slice(0, query)}?${params.join('&')}`;
}

const MAX_URL_IN_MESSAGE = 300;

function describeTarget(request: RequestTarget | undefined): string {
  if (!request) return '';
  const url =
    request.url.length > MAX_URL_IN_MESSAGE ? `${request.url.slice(0, MAX_URL_IN_MESSAGE)}…` : request.url;
  return ` (${request.method} ${url})`;
}

/** Base class of every error pixiv-rx emits. */
export class PixivError extends Error {
  override readonly name: string = 'PixivError';
  readonly code: PixivErrorCode = 'PIXIV_ERROR';
  /** The request that failed, with secrets removed from its URL. */
  readonly request: RequestTarget | undefined;
  override readonly cause: PixivError | undefined;

  constructor(message: string, options: PixivErrorOptions = {}) {
    const request = options.request && {
      method: options.request.method.toUpperCase(),
      url: redactUrl(options.request.url),
    };
    super(`${message}${describeTarget(request)}`);
    this.request = request;
    this.cause = options.cause;
    Object.setPrototypeOf(this, new.target.prototype);
  }

  /** The safe, serialisable view of the error (what `JSON.stringify` prints). */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined && key !== 'cause') json[key] = value;
    }
    if (this.cause) json.cause = this.cause.toJSON();
    return json;
  }
}

/** The token endpoint refused a login, a refresh token or an authorization code. */
export class LoginError extends PixivError {
  override readonly name = 'LoginError';
  override readonly code = 'LOGIN_FAILED';
  /** HTTP status of the token endpoint's answer, when there was one. */
  readonly status: number | undefined;
  /** What the server said, e.g. `Invalid refresh token`. */
  readonly serverMessage: string | undefined;
  /** The OAuth `error` field, e.g. `invalid_grant`. */
  readonly oauthError: string | undefined;

  constructor(
    message: string,
    options: PixivErrorOptions & { status?: number; serverMessage?: string; oauthError?: string } = {},
  ) {
    super(message, options);
    this.status = options.status;
    this.serverMessage = options.serverMessage;
    this.oauthError = options.oauthError;
  }
}

/** An endpoint was called with no session, no credentials and no refresh token. Nothing was sent. */
export class AuthenticationRequired extends PixivError {
  override readonly name = 'AuthenticationRequired';
  override readonly code = 'AUTHENTICATION_REQUIRED';

  constructor(
    message = 'Not authenticated: call authenticate(refreshToken), exchangeCode(code, verifier) or pass refreshToken to the PixivClient',
    options: PixivErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** A body that is not JSON or does not have the shape the endpoint promises. */
export class BadApiResponse extends PixivError {
  override readonly name = 'BadApiResponse';
  override readonly code = 'BAD_API_RESPONSE';
  /** Decode path of the first bad field, e.g. `illusts.3.image_urls.medium` (`''` for the body itself). */
  readonly path: string;
  readonly status: number | undefined;

  constructor(message: string, options: PixivErrorOptions & { path?: string; status?: number } = {}) {
    super(message, options);
    this.path = options.path ?? '';
    this.status = options.status;
  }
}

/** Pixiv answered with an error status; `message`/`userMessage` are what its error envelope said. */
export class PixivApiError extends PixivError {
  override readonly name: string = 'PixivApiError';
  override readonly code: PixivErrorCode = 'API_ERROR';
  /** HTTP status. */
  readonly status: number;
  /** The envelope's `error.message` (developer-facing), `''` when absent. */
  readonly apiMessage: string;
  /** The envelope's `error.user_message` (shown to people), `''` when absent. */
  readonly userMessage: string;
  /** The envelope's `error.reason`, `''` when absent. */
  readonly reason: string;

  constructor(
    message: string,
    options: PixivErrorOptions & { status: number; apiMessage?: string; userMessage?: string; reason?: string },
  ) {
    super(message, options);
    this.status = options.status;
    this.apiMessage = options.apiMessage ?? '';
    this.userMessage = options.userMessage ?? '';
    this.reason = options.reason ?? '';
  }
}

/** Pixiv rate-limited the client (HTTP 429, or a "Rate Limit" envelope) and retries did not help. */
export class RateLimitError extends PixivApiError {
  override readonly name = 'RateLimitError';
  override readonly code = 'RATE_LIMITED';
  /** How long the server asked to wait (`Retry-After`), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    options: PixivErrorOptions & {
      status: number;
      apiMessage?: string;
      userMessage?: string;
      reason?: string;
      retryAfterMs?: number;
    },
  ) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Why a request never got a complete answer. */
export type NetworkErrorKind = 'reset' | 'timeout' | 'refused' | 'dns' | 'other';

/** The request failed below HTTP: connection refused or reset, timeout, DNS. */
export class NetworkError extends PixivError {
  override readonly name = 'NetworkError';
  override readonly code = 'NETWORK_ERROR';
  readonly kind: NetworkErrorKind;
  /**
   * `false` when the request surely never reached the server (refused, DNS), so that even a
   * non-idempotent request may be sent again.
   */
  readonly reachedServer: boolean;

  constructor(message: string, options: PixivErrorOptions & { kind: NetworkErrorKind; reachedServer: boolean }) {
    super(message, options);
    this.kind = options.kind;
    this.reachedServer = options.reachedServer;
  }
}

/** A file download failed for good; `url` is the image and `path` the file that was not written. */
export class DownloadError extends PixivError {
  override readonly name = 'DownloadError';
  override readonly code = 'DOWNLOAD_FAILED';
  readonly url: string;
  readonly path: string;

  constructor(message: string, options: PixivErrorOptions & { url: string; path: string }) {
    super(`${message}: ${redactUrl(options.url)} → ${options.path}`, options);
    this.url = redactUrl(options.url);
    this.path = options.path;
  }
}

/** Type guard for the whole family. */
export function isPixivError(value: unknown): value is PixivError {
  return value instanceof PixivError;
}
