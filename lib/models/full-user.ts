import * as t from 'io-ts';
import { NullableString } from './codecs';
import { RawUser, User, toUser } from './user';

/** `user` of `/v1/user/detail`: a user with the profile comment. */
export const RawDetailUser = t.intersection(
  [
    RawUser,
    t.type({ comment: t.string }, 'DetailUserFields'),
    t.partial({ is_access_blocking_user: t.boolean }, 'OptionalDetailUserFields'),
  ],
  'DetailUser',
);
export type RawDetailUser = t.TypeOf<typeof RawDetailUser>;

// `profile`, `profile_publicity` and `workspace` are informational bags whose keys have changed
// over the years (and the pixivts snapshot omits two counters): every key is optional, but a key
// that is present must have the right type.

export const RawUserProfile = t.partial(
  {
    webpage: NullableString,
    gender: t.string,
    birth: t.string,
    birth_day: t.string,
    birth_year: t.number,
    region: t.string,
    address_id: t.number,
    country_code: t.string,
    job: t.string,
    job_id: t.number,
    total_follow_users: t.number,
    total_mypixiv_users: t.number,
    total_illusts: t.number,
    total_manga: t.number,
    total_novels: t.number,
    total_illust_bookmarks_public: t.number,
    total_illust_series: t.number,
    total_novel_series: t.number,
    background_image_url: NullableString,
    twitter_account: t.string,
    twitter_url: NullableString,
    pawoo_url: NullableString,
    is_premium: t.boolean,
    is_using_custom_profile_image: t.boolean,
  },
  'UserProfile',
);
export type RawUserProfile = t.TypeOf<typeof RawUserProfile>;

export const RawProfilePublicity = t.partial(
  {
    gender: t.string,
    region: t.string,
    birth_day: t.string,
    birth_year: t.string,
    job: t.string,
    pawoo: t.boolean,
  },
  'ProfilePublicity',
);
export type RawProfilePublicity = t.TypeOf<typeof RawProfilePublicity>;

export const RawWorkspace = t.partial(
  {
    pc: t.string,
    monitor: t.string,
    tool: t.string,
    scanner: t.string,
    tablet: t.string,
    mouse: t.string,
    printer: t.string,
    desktop: t.string,
    music: t.string,
    desk: t.string,
    chair: t.string,
    comment: t.string,
    workspace_image_url: NullableString,
  },
  'Workspace',
);
export type RawWorkspace = t.TypeOf<typeof RawWorkspace>;

/** Converts a snake_case key to camelCase: `total_illust_bookmarks_public` → `totalIllustBookmarksPublic`. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** An object type with its keys in camelCase. */
export type Camelized<T> = { readonly [K in keyof T as K extends string ? CamelCase<K> : K]: T[K] };

/** The profile of a user (`user$`): counts, region, birthday, links, premium…, in camelCase. */
export type UserProfile = Camelized<RawUserProfile>;
/** Which parts of the profile the user shows, in camelCase. */
export type ProfilePublicity = Camelized<RawProfilePublicity>;
/** The tools and desk a user lists, in camelCase. */
export type Workspace = Camelized<RawWorkspace>;

/** A user with profile, profile publicity and workspace, as `user$` emits it. */
export interface FullUser extends User {
  /** The profile text. */
  readonly comment: string;
  readonly profile: UserProfile;
  /** Which profile fields are `public` or `private`. */
  readonly profilePublicity: ProfilePublicity;
  readonly workspace: Workspace;
  readonly isAccessBlockingUser?: boolean;
}

/** The parts of `/v1/user/detail` a {@link FullUser} is made from. */
export interface RawFullUser {
  readonly user: RawDetailUser;
  readonly profile: RawUserProfile;
  readonly profile_publicity: RawProfilePublicity;
  readonly workspace: RawWorkspace;
}

export function toFullUser(raw: RawFullUser): FullUser {
  // onto toUser's fresh object (see eslint.config.mjs on literals that start with a spread)
  return Object.assign(toUser(raw.user), {
    comment: raw.user.comment,
    profile: camelizeKeys(raw.profile),
    profilePublicity: camelizeKeys(raw.profile_publicity),
    workspace: camelizeKeys(raw.workspace),
    isAccessBlockingUser: raw.user.is_access_blocking_user,
  });
}

const SNAKE = /_([a-z0-9])/g;

function camelKey(key: string): string {
  return key.replace(SNAKE, (_, letter: string) => letter.toUpperCase());
}

/**
 * A shallow copy with camelCase keys. Keys unknown to the codec are kept when their value is a
 * scalar; unknown objects and arrays are left out, since nothing has checked their shape (a
 * hostile body could nest them deeper than JSON.stringify can go).
 */
export function camelizeKeys<T extends object>(raw: T): Camelized<T> {
  const result: Record<string, unknown> = {};
  for (const key in raw) {
    if (!Object.prototype.hasOwnProperty.call(raw, key)) continue;
    const value: unknown = raw[key];
    if (value === null || typeof value !== 'object') result[camelKey(key)] = value;
  }
  return result as Camelized<T>;
}
