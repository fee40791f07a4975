import {
  BookmarkDetailBody,
  BookmarkTagsBody,
  IllustrationsBody,
  Visibility,
  toBookmarkDetail,
  toBookmarkTag,
  toIllustration,
} from '../models';
import { queryNumber } from '../pagination';
import { NoContent, ResumeOptions, callEndpoint, listEndpoint } from './endpoint';
import * as check from './validate';

/** Options of `addBookmark`. */
export interface AddBookmarkOptions {
  /** @default Visibility.PUBLIC */
  readonly visibility?: Visibility;
  /** Bookmark tags to attach. */
  readonly tags?: readonly string[];
}

/** Options of `userBookmarks$`. */
export interface UserBookmarksOptions extends ResumeOptions {
  /** Public or private bookmarks (private ones only of the authenticated account). @default Visibility.PUBLIC */
  readonly visibility?: Visibility;
  /** Start below this bookmark id (the cursor Pixiv pages with). */
  readonly maxBookmarkId?: number;
  /** Only bookmarks with this bookmark tag. */
  readonly tag?: string;
}

/** Options of `userBookmarkTags$`. */
export interface UserBookmarkTagsOptions extends ResumeOptions {
  /** @default Visibility.PUBLIC */
  readonly visibility?: Visibility;
  readonly offset?: number;
}

export const bookmark = callEndpoint({
  method: 'GET',
  path: '/v2/illust/bookmark/detail',
  params: (illustrationId: number) => ({ illust_id: check.id('illustrationId', illustrationId) }),
  body: BookmarkDetailBody,
  result: (body) => toBookmarkDetail(body.bookmark_detail),
});

export const addBookmark = callEndpoint({
  method: 'POST',
  path: '/v2/illust/bookmark/add',
  params: (illustrationId: number, options: AddBookmarkOptions = {}) => ({
    illust_id: check.id('illustrationId', illustrationId),
    restrict: check.oneOf('visibility', Visibility, options.visibility ?? Visibility.PUBLIC),
    tags: check.words('tags', options.tags),
  }),
  body: NoContent,
  result: (): void => undefined,
});

export const deleteBookmark = callEndpoint({
  method: 'POST',
  path: '/v1/illust/bookmark/delete',
  params: (illustrationId: number) => ({ illust_id: check.id('illustrationId', illustrationId) }),
  body: NoContent,
  result: (): void => undefined,
});

export const userBookmarks = listEndpoint({
  path: '/v1/user/bookmarks/illust',
  query: (userId: number, options: UserBookmarksOptions = {}) => ({
    user_id: check.id('userId', userId),
    restrict: check.oneOf('visibility', Visibility, options.visibility ?? Visibility.PUBLIC),
    max_bookmark_id: check.optionalId('maxBookmarkId', options.maxBookmarkId),
    tag: check.optionalWord('tag', options.tag),
  }),
  body: IllustrationsBody,
  items: (body) => body.illusts.map(toIllustration),
  next: queryNumber('max_bookmark_id'),
});

export const userBookmarkTags = listEndpoint({
  path: '/v1/user/bookmark-tags/illust',
  query: (userId: number, options: UserBookmarkTagsOptions = {}) => ({
    user_id: check.id('userId', userId),
    restrict: check.oneOf('visibility', Visibility, options.visibility ?? Visibility.PUBLIC),
    offset: check.offset(options.offset),
  }),
  body: BookmarkTagsBody,
  items: (body) => body.bookmark_tags.map(toBookmarkTag),
  next: queryNumber('offset'),
});
