import {
  ContentType,
  IllustrationsBody,
  UserDetailBody,
  UserPreviewsBody,
  Visibility,
  toFullUser,
  toIllustration,
  toUserPreview,
} from '../models';
import { queryNumber } from '../pagination';
import { FOR_IOS, ResumeOptions, callEndpoint, listEndpoint } from './endpoint';
import * as check from './validate';

/** Options of `userIllustrations$`. */
export interface UserIllustrationsOptions extends ResumeOptions {
  /** Illustrations (ugoira included) or manga. @default ContentType.ILLUSTRATION */
  readonly contentType?: ContentType.ILLUSTRATION | ContentType.MANGA;
  readonly offset?: number;
}

/** Options of `following$`. */
export interface FollowingOptions extends ResumeOptions {
  /** @default Visibility.PUBLIC */
  readonly visibility?: Visibility;
  readonly offset?: number;
}

/** Options of the user listings that page by offset alone (`followers$`, `mypixiv$`, …). */
export interface FollowersOptions extends ResumeOptions {
  readonly offset?: number;
}

const offsetCursor = queryNumber('offset');

export const user = callEndpoint({
  method: 'GET',
  path: '/v1/user/detail',
  params: (userId: number) => ({ user_id: check.id('userId', userId), filter: FOR_IOS }),
  body: UserDetailBody,
  result: toFullUser,
});

export const userIllustrations = listEndpoint({
  path: '/v1/user/illusts',
  query: (userId: number, options: UserIllustrationsOptions = {}) => {
    const type = check.oneOf('contentType', ContentType, options.contentType ?? ContentType.ILLUSTRATION);
    if (type !== ContentType.ILLUSTRATION && type !== ContentType.MANGA) {
      throw new TypeError(`contentType must be illust or manga for a user's works, got "${type}"`);
    }
    return { user_id: check.id('userId', userId), type, filter: FOR_IOS, offset: check.offset(options.offset) };
  },
  body: IllustrationsBody,
  items: (body) => body.illusts.map(toIllustration),
  next: offsetCursor,
});

export const following = listEndpoint({
  path: '/v1/user/following',
  query: (userId: number, options: FollowingOptions = {}) => ({
    user_id: check.id('userId', userId),
    restrict: check.oneOf('visibility', Visibility, options.visibility ?? Visibility.PUBLIC),
    offset: check.offset(options.offset),
  }),
  body: UserPreviewsBody,
  items: (body) => body.user_previews.map(toUserPreview),
  next: offsetCursor,
});

/** Followers of the authenticated account. */
export const followers = listEndpoint({
  path: '/v1/user/follower',
  accountParam: 'user_id',
  query: (options: FollowersOptions = {}) => ({
    filter: FOR_IOS,
    offset: check.offset(options.offset),
  }),
  body: UserPreviewsBody,
  items: (body) => body.user_previews.map(toUserPreview),
  next: offsetCursor,
});

export const relatedUsers = listEndpoint({
  path: '/v1/user/related',
  // pixivpy sends seed_user_id last
  query: (userId: number, options: FollowersOptions = {}) => ({
    filter: FOR_IOS,
    offset: check.offset(options.offset),
    seed_user_id: check.id('userId', userId),
  }),
  body: UserPreviewsBody,
  items: (body) => body.user_previews.map(toUserPreview),
  next: offsetCursor,
});

export const recommendedUsers = listEndpoint({
  path: '/v1/user/recommended',
  query: (options: FollowersOptions = {}) => ({ filter: FOR_IOS, offset: check.offset(options.offset) }),
  body: UserPreviewsBody,
  items: (body) => body.user_previews.map(toUserPreview),
  next: offsetCursor,
});

export const mypixiv = listEndpoint({
  path: '/v1/user/mypixiv',
  query: (userId: number, options: FollowersOptions = {}) => ({
    user_id: check.id('userId', userId),
    offset: check.offset(options.offset),
  }),
  body: UserPreviewsBody,
  items: (body) => body.user_previews.map(toUserPreview),
  next: offsetCursor,
});
