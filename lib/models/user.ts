import * as t from 'io-ts';
import { UrlRecord } from './codecs';

/** A user as works, comments and previews embed it. */
export const RawUser = t.intersection(
  [
    t.type({ id: t.number, name: t.string, account: t.string, profile_image_urls: UrlRecord }, 'UserFields'),
    // Missing from comment authors and from the users of restricted placeholders.
    t.partial({ is_followed: t.boolean }, 'OptionalUserFields'),
  ],
  'User',
);
export type RawUser = t.TypeOf<typeof RawUser>;

/** A user as works and lists carry them. */
export interface User {
  readonly id: number;
  /** The login name (`pixiv.net/users/…` shows the id, the account is the handle). */
  readonly account: string;
  /** The display name. */
  readonly name: string;
  /** Size name (usually `medium`) → URL. */
  readonly profileImageUrls: Readonly<Record<string, string>>;
  /** Whether the authenticated account follows this user; `null` where the endpoint does not say. */
  readonly isFollowed: boolean | null;
}

export function toUser(raw: RawUser): User {
  return {
    id: raw.id,
    account: raw.account,
    name: raw.name,
    profileImageUrls: raw.profile_image_urls,
    isFollowed: raw.is_followed ?? null,
  };
}
