import {
  BookmarkDetailBody,
  BookmarkTagsBody,
  CommentsBody,
  NovelDetailBody,
  NovelSeriesBody,
  NovelTextPage,
  NovelsBody,
  RankingMode,
  RecommendedNovelsBody,
  TrendingTagsBody,
  Visibility,
  toBookmarkDetail,
  toBookmarkTag,
  toComment,
  toNovel,
  toNovelSeriesDetail,
  toNovelText,
  toTrendingTag,
} from '../models';
import { queryNumber } from '../pagination';
import { FOR_IOS, NoContent, ResumeOptions, callEndpoint, listEndpoint } from './endpoint';
import * as check from './validate';

const offsetCursor = queryNumber('offset');

/** Options of the novel listings that page by offset alone (`userNovels$`, `novelComments$`). */
export interface NovelOffsetOptions extends ResumeOptions {
  /** Start at this item. */
  readonly offset?: number;
}

/** Options of `novelSeries$`. */
export interface NovelSeriesOptions extends ResumeOptions {
  /** Start after the novel at this position of the series (the cursor Pixiv pages with). */
  readonly lastOrder?: number;
}

/** Options of `recommendedNovels$`. */
export interface RecommendedNovelsOptions extends ResumeOptions {
  /** Also return `rankingNovels` on the first page. @default true */
  readonly includeRankingNovels?: boolean;
  readonly offset?: number;
}

/** The cursor of the recommended novels' `next_url`. */
export interface RecommendedNovelsCursor {
  readonly offset: number | null;
  readonly maxBookmarkIdForRecommend: number | null;
}

/** Options of `newNovels$`. */
export interface NewNovelsOptions extends ResumeOptions {
  /** Start below this novel id (the cursor Pixiv pages with). */
  readonly maxNovelId?: number;
}

/** Options of `followingNovels$`. */
export interface FollowingNovelsOptions extends ResumeOptions {
  /** Novels of the authors followed publicly or privately. @default Visibility.PUBLIC */
  readonly visibility?: Visibility;
  readonly offset?: number;
}

/** Options of `rankingNovels$`. */
export interface RankingNovelsOptions extends ResumeOptions {
  /** @default RankingMode.DAY */
  readonly mode?: RankingMode;
  /** The ranking of this day (`YYYY-MM-DD`, or a Date taken by its UTC day); the latest by default. */
  readonly date?: string | Date;
  readonly offset?: number;
}

/** Options of `userNovelBookmarks$`. */
export interface UserNovelBookmarksOptions extends ResumeOptions {
  /** Public or private bookmarks (private ones only of the authenticated account). @default Visibility.PUBLIC */
  readonly visibility?: Visibility;
  /** Start below this bookmark id (the cursor Pixiv pages with). */
  readonly maxBookmarkId?: number;
  /** Only bookmarks with this bookmark tag. */
  readonly tag?: string;
}

/** Options of `userNovelBookmarkTags$`. */
export interface UserNovelBookmarkTagsOptions extends ResumeOptions {
  /** @default Visibility.PUBLIC */
  readonly visibility?: Visibility;
  readonly offset?: number;
}

/** Options of `addNovelBookmark`. */
export interface AddNovelBookmarkOptions {
  /** @default Visibility.PUBLIC */
  readonly visibility?: Visibility;
  /** Bookmark tags to attach. */
  readonly tags?: readonly string[];
}

/** A position in a series, as `last_order` counts: an integer ≥ 0. */
function lastOrder(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`lastOrder must be an integer ≥ 0, got ${typeof value === 'number' ? value : typeof value}`);
  }
  return value;
}

const visibility = (value: unknown): Visibility => check.oneOf('visibility', Visibility, value ?? Visibility.PUBLIC);

/** `novel$`: a novel's details. */
export const novel = callEndpoint({
  method: 'GET',
  path: '/v2/novel/detail',
  params: (novelId: number) => ({ novel_id: check.id('novelId', novelId) }),
  body: NovelDetailBody,
  result: (body) => toNovel(body.novel),
});

/**
 * `novelText$`: the text of a novel. `/v1/novel/text` is gone ("Specified end-point doesn't exist" since
 * 2024-02); the apps read the novel viewer's HTML, which embeds the novel as JSON.
 */
export const novelText = callEndpoint({
  method: 'GET',
  path: '/webview/v2/novel',
  responseType: 'text',
  params: (novelId: number) => ({ id: check.id('novelId', novelId), viewer_version: '20221031_ai' }),
  body: NovelTextPage,
  result: toNovelText,
});

/** `userNovels$`: a user's novels, by offset. */
export const userNovels = listEndpoint({
  path: '/v1/user/novels',
  query: (userId: number, options: NovelOffsetOptions = {}) => ({
    user_id: check.id('userId', userId),
    filter: FOR_IOS,
    offset: check.offset(options.offset),
  }),
  body: NovelsBody,
  items: (body) => body.novels.map(toNovel),
  next: offsetCursor,
});

/** `novelSeries$`: the novels of a series with its header, by `last_order`. */
export const novelSeries = listEndpoint({
  path: '/v2/novel/series',
  query: (seriesId: number, options: NovelSeriesOptions = {}) => ({
    series_id: check.id('seriesId', seriesId),
    filter: FOR_IOS,
    last_order: lastOrder(options.lastOrder),
  }),
  body: NovelSeriesBody,
  items: (body) => body.novels.map(toNovel),
  next: queryNumber('last_order'),
  extras: (body) => ({
    seriesDetail: toNovelSeriesDetail(body.novel_series_detail),
    firstNovel: body.novel_series_first_novel ? toNovel(body.novel_series_first_novel) : null,
    latestNovel: body.novel_series_latest_novel ? toNovel(body.novel_series_latest_novel) : null,
  }),
});

/** `novelComments$`: a novel's comments, read from v3 as those of illustrations are. */
export const novelComments = listEndpoint({
  path: '/v3/novel/comments',
  query: (novelId: number, options: NovelOffsetOptions = {}) => ({
    novel_id: check.id('novelId', novelId),
    offset: check.offset(options.offset),
  }),
  body: CommentsBody,
  items: (body) => body.comments.map(toComment),
  next: offsetCursor,
  extras: (body) => ({ totalComments: body.total_comments ?? null }),
});

const maxRecommend = queryNumber('max_bookmark_id_for_recommend');

/** `recommendedNovels$`: novels recommended to the account, with the ranking on the first page. */
export const recommendedNovels = listEndpoint({
  path: '/v1/novel/recommended',
  query: (options: RecommendedNovelsOptions = {}) => ({
    include_ranking_label: true,
    filter: FOR_IOS,
    include_ranking_novels: check.flag('includeRankingNovels', options.includeRankingNovels ?? true),
    offset: check.offset(options.offset),
  }),
  body: RecommendedNovelsBody,
  items: (body) => body.novels.map(toNovel),
  next: (nextUrl): RecommendedNovelsCursor | null =>
    nextUrl === null ? null : { offset: offsetCursor(nextUrl), maxBookmarkIdForRecommend: maxRecommend(nextUrl) },
  extras: (body) => ({ rankingNovels: (body.ranking_novels ?? []).map(toNovel) }),
});

/** `newNovels$`: the newest novels, by `max_novel_id`. */
export const newNovels = listEndpoint({
  path: '/v1/novel/new',
  query: (options: NewNovelsOptions = {}) => ({
    filter: FOR_IOS,
    max_novel_id: check.optionalId('maxNovelId', options.maxNovelId),
  }),
  body: NovelsBody,
  items: (body) => body.novels.map(toNovel),
  next: queryNumber('max_novel_id'),
});

/** `followingNovels$`: new novels of the authors the account follows. */
export const followingNovels = listEndpoint({
  path: '/v1/novel/follow',
  query: (options: FollowingNovelsOptions = {}) => ({
    restrict: visibility(options.visibility),
    offset: check.offset(options.offset),
  }),
  body: NovelsBody,
  items: (body) => body.novels.map(toNovel),
  next: offsetCursor,
});

/** `rankingNovels$`: a novel ranking, by offset. */
export const rankingNovels = listEndpoint({
  path: '/v1/novel/ranking',
  query: (options: RankingNovelsOptions = {}) => ({
    mode: check.oneOf('mode', RankingMode, options.mode ?? RankingMode.DAY),
    date: check.date('date', options.date),
    filter: FOR_IOS,
    offset: check.offset(options.offset),
  }),
  body: NovelsBody,
  items: (body) => body.novels.map(toNovel),
  next: offsetCursor,
});

/** `userNovelBookmarks$`: a user's bookmarked novels, by `max_bookmark_id`. */
export const userNovelBookmarks = listEndpoint({
  path: '/v1/user/bookmarks/novel',
  query: (userId: number, options: UserNovelBookmarksOptions = {}) => ({
    user_id: check.id('userId', userId),
    restrict: visibility(options.visibility),
    tag: check.optionalWord('tag', options.tag),
    max_bookmark_id: check.optionalId('maxBookmarkId', options.maxBookmarkId),
  }),
  body: NovelsBody,
  items: (body) => body.novels.map(toNovel),
  next: queryNumber('max_bookmark_id'),
});

/** `userNovelBookmarkTags$`: the tags of a user's novel bookmarks. */
export const userNovelBookmarkTags = listEndpoint({
  path: '/v1/user/bookmark-tags/novel',
  query: (userId: number, options: UserNovelBookmarkTagsOptions = {}) => ({
    user_id: check.id('userId', userId),
    restrict: visibility(options.visibility),
    offset: check.offset(options.offset),
  }),
  body: BookmarkTagsBody,
  items: (body) => body.bookmark_tags.map(toBookmarkTag),
  next: offsetCursor,
});

/** `novelBookmark$`: whether the account bookmarked a novel, and with which tags. */
export const novelBookmark = callEndpoint({
  method: 'GET',
  path: '/v2/novel/bookmark/detail',
  params: (novelId: number) => ({ novel_id: check.id('novelId', novelId) }),
  body: BookmarkDetailBody,
  result: (body) => toBookmarkDetail(body.bookmark_detail),
});

/** `addNovelBookmark`: bookmarks a novel (`tags[]` once per tag). */
export const addNovelBookmark = callEndpoint({
  method: 'POST',
  path: '/v2/novel/bookmark/add',
  params: (novelId: number, options: AddNovelBookmarkOptions = {}) => ({
    novel_id: check.id('novelId', novelId),
    restrict: visibility(options.visibility),
    tags: check.words('tags', options.tags),
  }),
  body: NoContent,
  result: (): void => undefined,
});

/** `deleteNovelBookmark`: removes a novel bookmark. */
export const deleteNovelBookmark = callEndpoint({
  method: 'POST',
  path: '/v1/novel/bookmark/delete',
  params: (novelId: number) => ({ novel_id: check.id('novelId', novelId) }),
  body: NoContent,
  result: (): void => undefined,
});

/** `trendingNovelTags$`: each tag comes with an illustration, as the illustration ones do. */
export const trendingNovelTags = callEndpoint({
  method: 'GET',
  path: '/v1/trending-tags/novel',
  params: () => ({ filter: FOR_IOS }),
  body: TrendingTagsBody,
  result: (body) => body.trend_tags.map(toTrendingTag),
});
