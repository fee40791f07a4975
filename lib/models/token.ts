import * as t from 'io-ts';
import { Account, RawAccount, toAccount } from './account';
import { withFastPath } from './codecs';

/** The token fields, at the top level of a current body and inside `response`. */
export const RawTokenFields = t.type(
  { access_token: t.string, refresh_token: t.string, expires_in: t.number, user: RawAccount },
  'TokenFields',
);
export type RawTokenFields = t.TypeOf<typeof RawTokenFields>;

const LegacyTokenBody = t.type({ response: RawTokenFields }, 'LegacyTokenBody');

/** Whether a token body has the 2018 shape, with its fields only inside `response`. */
function hasLegacyShape(u: unknown): boolean {
  return typeof u === 'object' && u !== null && !('access_token' in u) && 'response' in u;
}

/**
 * The body of `POST /auth/token`. Since late 2020 every field is at the top level and again inside
 * `response` (the top level is read); 2018 bodies have only `response`. Decoding picks the shape
 * first, so an error points into the shape the body has.
 */
export const TokenBody = withFastPath(
  new t.Type<RawTokenFields | t.TypeOf<typeof LegacyTokenBody>, unknown, unknown>(
    'TokenBody',
    (u): u is RawTokenFields | t.TypeOf<typeof LegacyTokenBody> =>
      hasLegacyShape(u) ? LegacyTokenBody.is(u) : RawTokenFields.is(u),
    (u, c) => (hasLegacyShape(u) ? LegacyTokenBody.validate(u, c) : RawTokenFields.validate(u, c)),
    t.identity,
  ),
);
export type TokenBody = t.TypeOf<typeof TokenBody>;

/** What a successful grant yields. */
export interface AuthTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Lifetime of the access token in seconds (3600). */
  readonly expiresIn: number;
  readonly account: Account;
}

export function toAuthTokens(raw: TokenBody): AuthTokens {
  const fields = 'access_token' in raw ? raw : raw.response;
  return {
    accessToken: fields.access_token,
    refreshToken: fields.refresh_token,
    expiresIn: fields.expires_in,
    account: toAccount(fields.user),
  };
}
