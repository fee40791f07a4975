import {
  CommentsBody,
  ContentType,
  IllustrationDetailBody,
  IllustrationSeriesBody,
  IllustrationsBody,
  RankingMode,
  RecommendedBody,
  TrendingTagsBody,
  UgoiraMetadataBody,
  toComment,
  toIllustration,
  toIllustrationSeriesDetail,
  toTrendingTag,
  toUgoiraMetadata,
  Visibility,
} from '../models';
import { queryNumber } from '../pagination';
import { FOR_IOS, ResumeOptions, callEndpoint, listEndpoint } from './endpoint';
import * as check from './validate';

const offsetCursor = queryNumber('offset');

/** Options of `illustrationComments$`. */
export interface IllustrationCommentsOptions extends ResumeOptions {
  /** Start at this comment. */
  readonly offset?: number;
  /** Ask for `total_comments` on the page. @default false */
  readonly includeTotalComments?: boolean;
}

/** Options of the listings that page by offset alone. */
export interface OffsetOptions extends ResumeOptions {
  /** Start at this item. */
  readonly offset?: number;
}

/** Options of `followingIllustrations$`. */
export interface FollowingIllustrationsOptions extends OffsetOptions {
  /** Works of the artists followed publicly or privately. @default Visibility.PUBLIC */
  readonly visibility?: Visibility;
}

/** Options of `recommendedIllustrations$`. */
export interface RecommendedIllustrationsOptions extends OffsetOptions {
  /** @default ContentType.ILLUSTRATION */
  readonly contentType?: ContentType.ILLUSTRATION | ContentType.MANGA;
  /** Also return `rankingIllustrations` on the first page. @default true */
  readonly includeRankingIllustrations?: boolean;
  readonly maxBookmarkIdForRecommend?: number;
  readonly minBookmarkIdForRecentIllustrations?: number;
  /** Recommend works like these. */
  readonly bookmarkIllustIds?: readonly number[];
  /** @default true */
  readonly includeRankingLabel?: boolean;
}

/** Options of `rankingIllustrations$`. */
export interface RankingIllustrationsOptions extends OffsetOptions {
  /** @default RankingMode.DAY */
  readonly mode?: RankingMode;
  /** The ranking of this day (`YYYY-MM-DD`, or a Date taken by its UTC day); the latest by default. */
  readonly date?: string | Date;
}

/** The cursor of the recommended feed's `next_url`. */
export interface RecommendedCursor {
  readonly minBookmarkIdForRecentIllustrations: number | null;
  readonly maxBookmarkIdForRecommend: number | null;
  readonly offset: number | null;
}

/** Options of `newIllustrations$`. */
export interface NewIllustrationsOptions extends ResumeOptions {
  /** @default ContentType.ILLUSTRATION */
  readonly contentType?: ContentType.ILLUSTRATION | ContentType.MANGA;
  /** Start below this illustration id (the cursor Pixiv pages with). */
  readonly maxIllustId?: number;
}

/** Options of `recommendedManga$`. */
export interface RecommendedMangaOptions extends OffsetOptions {
  /** Also return `rankingIllustrations` on the first page. @default true */
  readonly includeRankingIllustrations?: boolean;
}

const minRecent = queryNumber('min_bookmark_id_for_recent_illust');
const maxRecommend = queryNumber('max_bookmark_id_for_recommend');

/** `illust` or `manga`: the only kinds a listing of works by kind takes. */
function illustOrManga(value: unknown): ContentType.ILLUSTRATION | ContentType.MANGA {
  const contentType = check.oneOf('contentType', ContentType, value);
  if (contentType !== ContentType.ILLUSTRATION && contentType !== ContentType.MANGA) {
    throw new TypeError(`contentType must be illust or manga here, got "${contentType}"`);
  }
  return contentType;
}

export const illustration = callEndpoint({
  method: 'GET',
  path: '/v1/illust/detail',
  params: (illustrationId: number) => ({ illust_id: check.id('illustrationId', illustrationId) }),
  body: IllustrationDetailBody,
  result: (body) => toIllustration(body.illust),
});

// /v1/illust/comments answers 404 today; the apps read comments from v3.
export const illustrationComments = listEndpoint({
  path: '/v3/illust/comments',
  query: (illustrationId: number, options: IllustrationCommentsOptions = {}) => ({
    illust_id: check.id('illustrationId', illustrationId),
    offset: check.offset(options.offset),
    include_total_comments:
      options.includeTotalComments === undefined
        ? undefined
        : check.flag('includeTotalComments', options.includeTotalComments),
  }),
  body: CommentsBody,
  items: (body) => body.comments.map(toComment),
  next: offsetCursor,
  extras: (body) => ({ totalComments: body.total_comments ?? null }),
});

export const relatedIllustrations = listEndpoint({
  path: '/v2/illust/related',
  query: (illustrationId: number, options: OffsetOptions = {}) => ({
    illust_id: check.id('illustrationId', illustrationId),
    filter: FOR_IOS,
    offset: check.offset(options.offset),
  }),
  body: IllustrationsBody,
  items: (body) => body.illusts.map(toIllustration),
  next: offsetCursor,
});

export const followingIllustrations = listEndpoint({
  path: '/v2/illust/follow',
  query: (options: FollowingIllustrationsOptions = {}) => ({
    restrict: check.oneOf('visibility', Visibility, options.visibility ?? Visibility.PUBLIC),
    offset: check.offset(options.offset),
  }),
  body: IllustrationsBody,
  items: (body) => body.illusts.map(toIllustration),
  next: offsetCursor,
});

export const recommendedIllustrations = listEndpoint({
  path: '/v1/illust/recommended',
  query: (options: RecommendedIllustrationsOptions = {}) => {
    const contentType = check.oneOf('contentType', ContentType, options.contentType ?? ContentType.ILLUSTRATION);
    if (contentType !== ContentType.ILLUSTRATION && contentType !== ContentType.MANGA) {
      throw new TypeError(`contentType must be illust or manga for recommendations, got "${contentType}"`);
    }
    const bookmarkIllustIds = check.ids('bookmarkIllustIds', options.bookmarkIllustIds);
    return {
      content_type: contentType,
      include_ranking_label: check.flag('includeRankingLabel', options.includeRankingLabel ?? true),
      filter: FOR_IOS,
      include_ranking_illusts: check.flag('includeRankingIllustrations', options.includeRankingIllustrations ?? true),
      max_bookmark_id_for_recommend: check.optionalId('maxBookmarkIdForRecommend', options.maxBookmarkIdForRecommend),
      min_bookmark_id_for_recent_illust: check.optionalId(
        'minBookmarkIdForRecentIllustrations',
        options.minBookmarkIdForRecentIllustrations,
      ),
      offset: check.offset(options.offset),
      bookmark_illust_ids: bookmarkIllustIds?.join(','),
    };
  },
  body: RecommendedBody,
  items: (body) => body.illusts.map(toIllustration),
  next: (nextUrl): RecommendedCursor | null =>
    nextUrl === null
      ? null
      : {
          minBookmarkIdForRecentIllustrations: minRecent(nextUrl),
          maxBookmarkIdForRecommend: maxRecommend(nextUrl),
          offset: offsetCursor(nextUrl),
        },
  extras: (body) => ({
    rankingIllustrations: (body.ranking_illusts ?? []).map(toIllustration),
    contestExists: body.contest_exists ?? false,
  }),
});

export const rankingIllustrations = listEndpoint({
  path: '/v1/illust/ranking',
  query: (options: RankingIllustrationsOptions = {}) => ({
    mode: check.oneOf('mode', RankingMode, options.mode ?? RankingMode.DAY),
    filter: FOR_IOS,
    date: check.date('date', options.date),
    offset: check.offset(options.offset),
  }),
  body: IllustrationsBody,
  items: (body) => body.illusts.map(toIllustration),
  next: offsetCursor,
});

export const trendingTags = callEndpoint({
  method: 'GET',
  path: '/v1/trending-tags/illust',
  params: () => ({ filter: FOR_IOS }),
  body: TrendingTagsBody,
  result: (body) => body.trend_tags.map(toTrendingTag),
});

export const ugoiraMetadata = callEndpoint({
  method: 'GET',
  path: '/v1/ugoira/metadata',
  params: (illustrationId: number) => ({ illust_id: check.id('illustrationId', illustrationId) }),
  body: UgoiraMetadataBody,
  result: (body) => toUgoiraMetadata(body.ugoira_metadata),
});

export const newIllustrations = listEndpoint({
  path: '/v1/illust/new',
  query: (options: NewIllustrationsOptions = {}) => ({
    content_type: illustOrManga(options.contentType ?? ContentType.ILLUSTRATION),
    filter: FOR_IOS,
    max_illust_id: check.optionalId('maxIllustId', options.maxIllustId),
  }),
  body: IllustrationsBody,
  items: (body) => body.illusts.map(toIllustration),
  next: queryNumber('max_illust_id'),
});

export const illustrationSeries = listEndpoint({
  path: '/v1/illust/series',
  query: (seriesId: number, options: OffsetOptions = {}) => ({
    illust_series_id: check.id('seriesId', seriesId),
    filter: FOR_IOS,
    offset: check.offset(options.offset),
  }),
  body: IllustrationSeriesBody,
  items: (body) => body.illusts.map(toIllustration),
  next: offsetCursor,
  extras: (body) => ({
    seriesDetail: toIllustrationSeriesDetail(body.illust_series_detail),
    firstIllustration: body.illust_series_first_illust ? toIllustration(body.illust_series_first_illust) : null,
  }),
});

export const recommendedManga = listEndpoint({
  path: '/v1/manga/recommended',
  query: (options: RecommendedMangaOptions = {}) => ({
    filter: FOR_IOS,
    include_ranking_label: true,
    include_ranking_illusts: check.flag('includeRankingIllustrations', options.includeRankingIllustrations ?? true),
    offset: check.offset(options.offset),
  }),
  body: RecommendedBody,
  items: (body) => body.illusts.map(toIllustration),
  next: offsetCursor,
  extras: (body) => ({ rankingIllustrations: (body.ranking_illusts ?? []).map(toIllustration) }),
});
