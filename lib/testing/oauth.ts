import { createHash, randomBytes } from 'node:crypto';
import { ENVELOPES } from './envelopes';
import type { ResolvedOptions } from './options';
import { first } from './params';
import { json, type FakeRequest, type Reply } from './reply';
import type { GrantType, RequestLog } from './request-log';
import type { Serializer } from './serialize';
import type { FakeUser, FakeWorld } from './world';

/** The Android app's client pair (what PKCE tokens belong to). */
export const ANDROID_CLIENT = { id: 'MOBrBDS8blbauoSck0ZfDbtuzpyT', secret: 'lsACyCD94FhDUtGTXi3QzcFE2uU1hqtDaKeqrdwj' } as const;
/** The iOS app's client pair (the older library's default). */
export const IOS_CLIENT = { id: 'KzEZED7aC0vird8jWyHM38mXjNTY', secret: 'W9JZoJe00qPvJsiyCGT3CCtC6ZUtdpKpzMbNlUGP' } as const;
/** `X-Client-Hash` = md5(`X-Client-Time` + this), lowercase hex. */
export const CLIENT_HASH_SECRET = '28c1fdd170a5204386cb1313c7077b34f83e4aaf4aa829ce78c231e05b0bae2c';
/** The `redirect_uri` the authorization_code grant must carry. */
export const REDIRECT_URI = 'https://app-api.pixiv.net/web/v1/users/auth/pixiv/callback';

const CLIENTS = new Map<string, string>([
  [ANDROID_CLIENT.id, ANDROID_CLIENT.secret],
  [IOS_CLIENT.id, IOS_CLIENT.secret],
]);
/** RFC 3339 with whole seconds and an offset: `2019-09-02T20:51:57+00:00`. */
const CLIENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;

/** Why an API call's Bearer token was refused. */
export type BearerFailure = 'invalid_request' | 'invalid_grant';

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens, codes and the `/auth/token` endpoint. */
export class TokenService {
  private readonly accessTokens = new Map<string, { userId: number; expiresAt: number }>();
  private readonly refreshTokens = new Map<string, { userId: number; revoked: boolean }>();
  private readonly codes = new Map<string, { challenge: string; userId: number; expiresAt: number; used: boolean }>();

  constructor(
    private readonly world: FakeWorld,
    private readonly serializer: Serializer,
    private readonly options: ResolvedOptions,
    private readonly log: RequestLog,
  ) {}

  issueRefreshToken(userId: number, token = newToken()): string {
    this.requireUser(userId);
    this.refreshTokens.set(token, { userId, revoked: false });
    return token;
  }

  issueAccessToken(userId: number): string {
    this.requireUser(userId);
    const token = newToken();
    this.accessTokens.set(token, { userId, expiresAt: Date.now() + this.options.expiresIn * 1000 });
    return token;
  }

  expireAccessTokens(): void {
    const now = Date.now();
    for (const entry of this.accessTokens.values()) entry.expiresAt = Math.min(entry.expiresAt, now - 1);
  }

  revokeRefreshToken(token: string): void {
    const entry = this.refreshTokens.get(token);
    if (entry) entry.revoked = true;
  }

  issueAuthorizationCode(codeChallenge: string, userId: number): string {
    if (!/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) {
      throw new TypeError('codeChallenge must be base64url(sha256(verifier)) without padding (43 characters)');
    }
    this.requireUser(userId);
    const code = newToken();
    this.codes.set(code, {
      challenge: codeChallenge,
      userId,
      expiresAt: Date.now() + this.options.authorizationCodeTtlMs,
      used: false,
    });
    return code;
  }

  /** The user of an `Authorization` header, or why it is refused. */
  authenticate(authorization: string | undefined): { userId: number } | { failure: BearerFailure } {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return { failure: 'invalid_request' };
    const entry = this.accessTokens.get(match[1]);
    if (!entry || entry.expiresAt <= Date.now()) return { failure: 'invalid_grant' };
    return { userId: entry.userId };
  }

  /** `POST /auth/token`. */
  handle(request: FakeRequest): Reply {
    this.log.tokenRequests++;
    const { form, headers } = request;
    const clientId = first(form, 'client_id') ?? '';
    if (CLIENTS.get(clientId) !== first(form, 'client_secret')) return json(400, ENVELOPES.invalidClient());
    if (this.options.checkClientHash) {
      const time = headers['x-client-time'];
      const given = headers['x-client-hash'];
      if (
        typeof time !== 'string' ||
        typeof given !== 'string' ||
        !CLIENT_TIME.test(time) ||
        createHash('md5').update(time + CLIENT_HASH_SECRET).digest('hex') !== given
      ) {
        return json(400, ENVELOPES.accessDenied());
      }
    }
    const grant = first(form, 'grant_type');
    switch (grant) {
      case 'refresh_token': {
        const token = first(form, 'refresh_token');
        const entry = token === undefined ? undefined : this.refreshTokens.get(token);
        if (!token) return json(400, ENVELOPES.invalidGrantType());
        if (!entry || entry.revoked) return json(400, ENVELOPES.invalidRefreshToken());
        return this.grant('refresh_token', entry.userId, token);
      }
      case 'authorization_code': {
        const code = first(form, 'code');
        const verifier = first(form, 'code_verifier');
        if (!code || !verifier || first(form, 'redirect_uri') !== REDIRECT_URI) return json(400, ENVELOPES.invalidGrantType());
        const entry = this.codes.get(code);
        if (!entry || entry.used) return json(400, ENVELOPES.invalidCode());
        if (entry.expiresAt <= Date.now()) return json(400, ENVELOPES.codeExpired());
        if (createHash('sha256').update(verifier).digest('base64url') !== entry.challenge) {
          return json(400, ENVELOPES.invalidCodeVerifier());
        }
        entry.used = true;
        return this.grant('authorization_code', entry.userId, this.issueRefreshToken(entry.userId));
      }
      case 'password': {
        // refused by Pixiv since 2021-02-08 with exactly this body
        if (!this.options.allowPasswordGrant) return json(400, ENVELOPES.invalidGrantType());
        const account = this.world.user(this.world.accountId) as FakeUser;
        const username = first(form, 'username');
        if (!username || first(form, 'password') === undefined) return json(400, ENVELOPES.invalidGrantType());
        if (
          (username !== account.account && username !== account.mailAddress) ||
          first(form, 'password') !== this.options.password
        ) {
          return json(400, ENVELOPES.wrongPassword());
        }
        return this.grant('password', account.id, this.issueRefreshToken(account.id));
      }
      default:
        return json(400, ENVELOPES.invalidGrantType());
    }
  }

  private grant(type: GrantType, userId: number, refreshToken: string): Reply {
    this.log.tokenGrants[type]++;
    const user = this.world.user(userId) as FakeUser;
    const shape = this.options.tokenShape;
    const core = {
      access_token: this.issueAccessToken(userId),
      expires_in: this.options.expiresIn,
      token_type: 'bearer',
      scope: '',
      refresh_token: refreshToken,
      user: this.serializer.tokenUser(user, shape),
    };
    if (shape === 'response-only') {
      return json(200, { response: { ...core, device_token: randomBytes(16).toString('hex') } });
    }
    return json(200, { ...core, response: { ...core } });
  }

  private requireUser(userId: number): void {
    if (!this.world.user(userId)) throw new RangeError(`the fake world has no user ${userId}`);
  }
}
