import { BehaviorSubject, Observable, catchError, defer, finalize, map, of, shareReplay, tap, throwError } from 'rxjs';
import { AuthenticationRequired, BadApiResponse, LoginError, PixivError, RequestTarget } from '../errors';
import type { HttpContext } from '../http/context';
import { appHeaders } from '../http/headers';
import { errorFromResponse } from '../http/map-error';
import { Params, requestJson } from '../http/request';
import { retryWithPolicy } from '../http/retry';
import { Account, AuthTokens, TokenBody, decode, toAuthTokens } from '../models';
import { clientHashHeaders } from './client-hash';

/** The session as `auth$` shows it; every field is `undefined` before authentication. */
export interface AuthState {
  readonly account: Account | undefined;
  readonly accessToken: string | undefined;
  readonly refreshToken: string | undefined;
  /** When the access token expires, by the token response's `expires_in`. */
  readonly expiresAt: Date | undefined;
}

const SIGNED_OUT: AuthState = {
  account: undefined,
  accessToken: undefined,
  refreshToken: undefined,
  expiresAt: undefined,
};

export interface AuthConfig {
  readonly oauthBaseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly language: string;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly now: () => number;
}

/** What PKCE logins must name as their redirect. */
export const PKCE_REDIRECT_URI = 'https://app-api.pixiv.net/web/v1/users/auth/pixiv/callback';

/** Refresh this long before `expires_in` runs out (at most half the token's lifetime). */
const REFRESH_MARGIN_MS = 60_000;

interface OAuthErrorShape {
  error?: unknown;
  errors?: { system?: { message?: unknown; code?: unknown } };
}

function oauthError(status: number, body: unknown, headers: unknown, target: RequestTarget): PixivError {
  const shape = (body && typeof body === 'object' ? body : {}) as OAuthErrorShape;
  const serverMessage = typeof shape.errors?.system?.message === 'string' ? shape.errors.system.message : undefined;
  const oauth = typeof shape.error === 'string' ? shape.error : undefined;
  if (status >= 500 || status === 429) {
    // not a verdict on the credentials: let the retry policy see it as a server error
    return errorFromResponse(status, body, headers, target);
  }
  const said = serverMessage ?? oauth ?? 'no reason given';
  return new LoginError(`Pixiv refused the token request (HTTP ${status}): ${said}`, {
    status,
    serverMessage,
    oauthError: oauth,
    request: target,
  });
}

/**
 * Decodes a token response. Its values are tokens: a decode error names the bad field but never
 * shows what was found there.
 */
function decodeTokenBody(body: unknown) {
  try {
    return decode(TokenBody, body);
  } catch (error) {
    const path = error instanceof BadApiResponse ? error.path : '';
    throw new BadApiResponse(`The token endpoint answered with an unexpected body${path ? ` at ${path}` : ''}`, {
      path,
    });
  }
}

/**
 * The one auth session of a client: its state lives in a BehaviorSubject, and an expired access
 * token is refreshed once however many requests need it at the same time.
 */
export class AuthSession {
  private readonly state = new BehaviorSubject<AuthState>(SIGNED_OUT);
  /** The refresh token given to the client's constructor, used on first need. */
  private pendingRefreshToken: string | undefined;
  /** An access token the API has called expired before `expires_in` said so. */
  private staleAccessToken: string | undefined;
  private refreshing: Observable<string> | undefined;
  /** Bumped by logout() so that a grant already in flight cannot sign the session back in. */
  private generation = 0;
  /** Lifetime of the current access token, from `expires_in`. */
  private lifetimeMs = 3_600_000;

  readonly state$: Observable<AuthState> = this.state.asObservable();

  constructor(
    private readonly http: HttpContext,
    private readonly config: AuthConfig,
    refreshToken?: string,
  ) {
    this.pendingRefreshToken = refreshToken;
  }

  get current(): AuthState {
    return this.state.value;
  }

  /** Password grant. Pixiv has refused it since 2021-02-08; the LoginError carries its answer. */
  login(username: string, password: string): Observable<Account> {
    return this.grant({ grant_type: 'password', username, password }, false).pipe(
      catchError((error: unknown) => {
        if (error instanceof LoginError && error.serverMessage?.startsWith('Invalid grant_type')) {
          return throwError(
            () =>
              new LoginError(
                `${error.message}. Pixiv no longer accepts password logins (since February 2021): ` +
                  'log in with PKCE (createPkce, loginUrl, exchangeCode) or authenticate(refreshToken)',
                { status: error.status, serverMessage: error.serverMessage, oauthError: error.oauthError },
              ),
          );
        }
        return throwError(() => error);
      }),
    );
  }

  authenticate(refreshToken: string): Observable<Account> {
    return this.grant({ grant_type: 'refresh_token', refresh_token: refreshToken }, true);
  }

  exchangeCode(code: string, codeVerifier: string): Observable<Account> {
    return this.grant(
      { grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: PKCE_REDIRECT_URI },
      false,
    );
  }

  logout(): void {
    this.generation++;
    this.pendingRefreshToken = undefined;
    this.staleAccessToken = undefined;
    this.refreshing = undefined;
    this.state.next(SIGNED_OUT);
  }

  /**
   * A valid access token: the current one while `expires_in` allows it, else one shared refresh.
   * Fails with AuthenticationRequired, without sending anything, when there is nothing to refresh with.
   */
  accessToken$(): Observable<string> {
    return defer(() => {
      const fresh = this.freshAccessToken();
      if (fresh !== undefined) return of(fresh);
      const token = this.state.value.refreshToken ?? this.pendingRefreshToken;
      if (!token) return throwError(() => new AuthenticationRequired());
      return this.refresh(token);
    });
  }

  /**
   * The current access token while `expires_in` allows it and the API has not refused it; else
   * `undefined`, and `accessToken$()` refreshes.
   */
  freshAccessToken(): string | undefined {
    const { accessToken, expiresAt } = this.state.value;
    return accessToken && accessToken !== this.staleAccessToken && expiresAt && this.fresh(expiresAt) ? accessToken : undefined;
  }

  /** The API said `accessToken` is expired (400 invalid_grant): the next accessToken$() refreshes. */
  invalidate(accessToken: string): void {
    if (this.state.value.accessToken === accessToken) this.staleAccessToken = accessToken;
  }

  private fresh(expiresAt: Date): boolean {
    const now = this.config.now();
    const lifetimeLeft = expiresAt.getTime() - now;
    return lifetimeLeft > Math.min(REFRESH_MARGIN_MS, this.lifetimeMs / 2);
  }

  private refresh(refreshToken: string): Observable<string> {
    if (!this.refreshing) {
      this.refreshing = this.authenticate(refreshToken).pipe(
        map(() => {
          const token = this.state.value.accessToken;
          // logout() while the refresh was in flight: the new token was not taken
          if (!token) throw new AuthenticationRequired();
          return token;
        }),
        finalize(() => {
          this.refreshing = undefined;
        }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    }
    return this.refreshing;
  }

  private grant(fields: Params, idempotent: boolean): Observable<Account> {
    return defer(() => {
      const generation = this.generation;
      const { oauthBaseUrl, clientId, clientSecret, language, now } = this.config;
      return requestJson(this.http, {
        method: 'POST',
        url: `${oauthBaseUrl}/auth/token`,
        headers: { ...appHeaders(language), ...clientHashHeaders(new Date(now())) },
        form: {
          client_id: clientId,
          client_secret: clientSecret,
          get_secure_url: 1,
          include_policy: 'true',
          ...fields,
        },
        mapError: oauthError,
      }).pipe(
        retryWithPolicy(this.http.retry, { idempotent, onRetry: this.http.onRetry }),
        map(({ body }) => toAuthTokens(decodeTokenBody(body))),
        catchError((error: unknown) => {
          if (error instanceof LoginError) return throwError(() => error);
          const cause = error instanceof PixivError ? error : undefined;
          return throwError(
            () => new LoginError(`The token request failed: ${cause?.message ?? 'unknown error'}`, { cause }),
          );
        }),
        tap((tokens: AuthTokens) => {
          if (generation !== this.generation) return;
          this.accept(tokens);
        }),
        map((tokens) => tokens.account),
      );
    });
  }

  private accept(tokens: AuthTokens): void {
    this.pendingRefreshToken = undefined;
    this.staleAccessToken = undefined;
    this.lifetimeMs = tokens.expiresIn * 1000;
    this.state.next({
      account: tokens.account,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: new Date(this.config.now() + tokens.expiresIn * 1000),
    });
  }
}
