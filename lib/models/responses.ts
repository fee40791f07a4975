/**
 * The response bodies of the endpoints, one codec each. Every codec is open (unknown fields are
 * kept, not rejected) and checks a valid body without allocating (see `withFastPath`). The items
 * are mapped with the mapper named next to each codec.
 */
import * as t from 'io-ts';
import { RawBookmarkDetail } from './bookmark-detail';
import { RawBookmarkTag } from './bookmark-tag';
import { withFastPath } from './codecs';
import { RawComment } from './comment';
import { RawDetailUser, RawProfilePublicity, RawUserProfile, RawWorkspace } from './full-user';
import { RawIllustration } from './illustration';
import { RawNovel } from './novel';
import { RawNovelSeriesDetail } from './novel-series';
import { RawAiShowSettings } from './ai-show-settings';
import { RawFollowDetail } from './follow-detail';
import { RawIllustrationSeriesDetail } from './illustration-series-detail';
import { RawSpotlightArticle } from './spotlight-article';
import { RawTag } from './tag';
import { RawWatchlistSeries } from './watchlist-series';
import { RawTrendingTag } from './trending-tag';
import { RawUgoiraMetadata } from './ugoira';
import { RawUserPreview } from './user-preview';

/** `next_url`: the absolute URL of the next page, `null` on the last one. */
const NextUrl = t.union([t.string, t.null], 'string | null');

const Illustrations = t.array(RawIllustration, 'Array<Illustration>');

/**
 * User illustrations, the follow feed, related works, rankings and user bookmarks:
 * `{ illusts, next_url }`. Items: `toIllustration`.
 */
export const IllustrationsBody = withFastPath(t.type({ illusts: Illustrations, next_url: NextUrl }, 'IllustrationsBody'));
export type IllustrationsBody = t.TypeOf<typeof IllustrationsBody>;

/** `/v1/search/illust`: `{ illusts, next_url, search_span_limit }`. Items: `toIllustration`. */
export const SearchIllustrationsBody = withFastPath(
  t.intersection(
    [
      t.type({ illusts: Illustrations, next_url: NextUrl }, 'SearchIllustrationsFields'),
      // Seconds the search reaches back (31536000: a year).
      t.partial({ search_span_limit: t.number }, 'OptionalSearchIllustrationsFields'),
    ],
    'SearchIllustrationsBody',
  ),
);
export type SearchIllustrationsBody = t.TypeOf<typeof SearchIllustrationsBody>;

/** `/v1/illust/recommended`. Items (`illusts` and `ranking_illusts`): `toIllustration`. */
export const RecommendedBody = withFastPath(
  t.intersection(
    [
      t.type(
        { illusts: Illustrations, next_url: NextUrl },
        'RecommendedFields',
      ),
      // Every recorded body has the ranking and the contest flag; a page without them still
      // carries its works. `privacy_policy` (`{}` or a policy to agree to) is not read.
      t.partial(
        { ranking_illusts: Illustrations, contest_exists: t.boolean, privacy_policy: t.unknown },
        'OptionalRecommendedFields',
      ),
    ],
    'RecommendedBody',
  ),
);
export type RecommendedBody = t.TypeOf<typeof RecommendedBody>;

/** `/v1/illust/detail`: `{ illust }`. Map with `toIllustration`. */
export const IllustrationDetailBody = withFastPath(t.type({ illust: RawIllustration }, 'IllustrationDetailBody'));
export type IllustrationDetailBody = t.TypeOf<typeof IllustrationDetailBody>;

/** Comments and comment replies, v1 and v3. Items: `toComment`. */
export const CommentsBody = withFastPath(
  t.intersection(
    [
      t.type({ comments: t.array(RawComment, 'Array<Comment>'), next_url: NextUrl }, 'CommentsFields'),
      t.partial({ total_comments: t.number, comment_access_control: t.number }, 'OptionalCommentsFields'),
    ],
    'CommentsBody',
  ),
);
export type CommentsBody = t.TypeOf<typeof CommentsBody>;

/** `/v1/trending-tags/illust`: `{ trend_tags }`. Items: `toTrendingTag`. */
export const TrendingTagsBody = withFastPath(
  t.type({ trend_tags: t.array(RawTrendingTag, 'Array<TrendingTag>') }, 'TrendingTagsBody'),
);
export type TrendingTagsBody = t.TypeOf<typeof TrendingTagsBody>;

/** `/v2/illust/bookmark/detail`: `{ bookmark_detail }`. Map with `toBookmarkDetail`. */
export const BookmarkDetailBody = withFastPath(t.type({ bookmark_detail: RawBookmarkDetail }, 'BookmarkDetailBody'));
export type BookmarkDetailBody = t.TypeOf<typeof BookmarkDetailBody>;

/** `/v1/user/detail`: `{ user, profile, profile_publicity, workspace }`. Map the body with `toFullUser`. */
export const UserDetailBody = withFastPath(
  t.type(
    { user: RawDetailUser, profile: RawUserProfile, profile_publicity: RawProfilePublicity, workspace: RawWorkspace },
    'UserDetailBody',
  ),
);
export type UserDetailBody = t.TypeOf<typeof UserDetailBody>;

/** `/v1/user/bookmark-tags/illust`: `{ bookmark_tags, next_url }`. Items: `toBookmarkTag`. */
export const BookmarkTagsBody = withFastPath(
  t.type({ bookmark_tags: t.array(RawBookmarkTag, 'Array<BookmarkTag>'), next_url: NextUrl }, 'BookmarkTagsBody'),
);
export type BookmarkTagsBody = t.TypeOf<typeof BookmarkTagsBody>;

/** `/v1/user/following` and `/v1/user/follower`: `{ user_previews, next_url }`. Items: `toUserPreview`. */
export const UserPreviewsBody = withFastPath(
  t.type({ user_previews: t.array(RawUserPreview, 'Array<UserPreview>'), next_url: NextUrl }, 'UserPreviewsBody'),
);
export type UserPreviewsBody = t.TypeOf<typeof UserPreviewsBody>;

/** `/v1/ugoira/metadata`: `{ ugoira_metadata }`. Map with `toUgoiraMetadata`. */
export const UgoiraMetadataBody = withFastPath(t.type({ ugoira_metadata: RawUgoiraMetadata }, 'UgoiraMetadataBody'));
export type UgoiraMetadataBody = t.TypeOf<typeof UgoiraMetadataBody>;

/** `/v2/novel/detail`: `{ novel }`. Map with `toNovel`. */
export const NovelDetailBody = withFastPath(t.type({ novel: RawNovel }, 'NovelDetailBody'));
export type NovelDetailBody = t.TypeOf<typeof NovelDetailBody>;

/** `/v1/search/novel`: `{ novels, next_url, search_span_limit, show_ai }`. Items: `toNovel`. */
export const SearchNovelsBody = withFastPath(
  t.intersection(
    [
      t.type({ novels: t.array(RawNovel, 'Array<Novel>'), next_url: NextUrl }, 'SearchNovelsFields'),
      t.partial({ search_span_limit: t.number, show_ai: t.boolean }, 'OptionalSearchNovelsFields'),
    ],
    'SearchNovelsBody',
  ),
);
export type SearchNovelsBody = t.TypeOf<typeof SearchNovelsBody>;

/**
 * `/v1/illust/series`: a page of the series' works with the series and its first work.
 * Items: `toIllustration`; `toIllustrationSeriesDetail` for the series.
 */
export const IllustrationSeriesBody = withFastPath(
  t.intersection(
    [
      t.type(
        { illusts: Illustrations, next_url: NextUrl, illust_series_detail: RawIllustrationSeriesDetail },
        'IllustrationSeriesFields',
      ),
      t.partial(
        { illust_series_first_illust: t.union([RawIllustration, t.null], 'Illustration | null') },
        'OptionalIllustrationSeriesFields',
      ),
    ],
    'IllustrationSeriesBody',
  ),
);
export type IllustrationSeriesBody = t.TypeOf<typeof IllustrationSeriesBody>;

/** `/v2/search/autocomplete`: `{ tags }`, no `next_url`. Items: `toTag`. */
export const AutocompleteBody = withFastPath(t.type({ tags: t.array(RawTag, 'Array<Tag>') }, 'AutocompleteBody'));
export type AutocompleteBody = t.TypeOf<typeof AutocompleteBody>;

/** `/v1/user/follow/detail`: `{ follow_detail }`. Map with `toFollowDetail`. */
export const FollowDetailBody = withFastPath(t.type({ follow_detail: RawFollowDetail }, 'FollowDetailBody'));
export type FollowDetailBody = t.TypeOf<typeof FollowDetailBody>;

/** `/v1/watchlist/manga` and `/v1/watchlist/novel`: `{ series, next_url }`. Items: `toWatchlistSeries`. */
export const WatchlistBody = withFastPath(
  t.intersection(
    [
      t.type({ series: t.array(RawWatchlistSeries, 'Array<WatchlistSeries>') }, 'WatchlistFields'),
      // the recorded body has `next_url: null`; client models only say the list may page
      t.partial({ next_url: NextUrl }, 'OptionalWatchlistFields'),
    ],
    'WatchlistBody',
  ),
);
export type WatchlistBody = t.TypeOf<typeof WatchlistBody>;

/** `/v1/user/ai-show-settings`: `{ show_ai }`. Map with `toAiShowSettings`. */
export const AiShowSettingsBody = withFastPath(RawAiShowSettings);
export type AiShowSettingsBody = t.TypeOf<typeof AiShowSettingsBody>;

/** `/v1/spotlight/articles`: `{ spotlight_articles, next_url }` (pages of 10). Items: `toSpotlightArticle`. */
export const SpotlightArticlesBody = withFastPath(
  t.type(
    { spotlight_articles: t.array(RawSpotlightArticle, 'Array<SpotlightArticle>'), next_url: NextUrl },
    'SpotlightArticlesBody',
  ),
);
export type SpotlightArticlesBody = t.TypeOf<typeof SpotlightArticlesBody>;

const Novels = t.array(RawNovel, 'Array<Novel>');

/**
 * User novels, the new and follow feeds, rankings and novel bookmarks: `{ novels, next_url }`
 * (`/v1/user/novels` has no top-level `user` in the recorded body, whatever clients model).
 * Items: `toNovel`.
 */
export const NovelsBody = withFastPath(t.type({ novels: Novels, next_url: NextUrl }, 'NovelsBody'));
export type NovelsBody = t.TypeOf<typeof NovelsBody>;

/**
 * `/v2/novel/series`: the series' novels with its header (`toNovelSeriesDetail`) and its first and
 * latest novels (`toNovel`; either may be missing or null).
 */
export const NovelSeriesBody = withFastPath(
  t.intersection(
    [
      t.type(
        { novels: Novels, next_url: NextUrl, novel_series_detail: RawNovelSeriesDetail },
        'NovelSeriesFields',
      ),
      t.partial(
        {
          novel_series_first_novel: t.union([RawNovel, t.null], 'Novel | null'),
          novel_series_latest_novel: t.union([RawNovel, t.null], 'Novel | null'),
        },
        'OptionalNovelSeriesFields',
      ),
    ],
    'NovelSeriesBody',
  ),
);
export type NovelSeriesBody = t.TypeOf<typeof NovelSeriesBody>;

/** `/v1/novel/recommended`. Items (`novels` and `ranking_novels`): `toNovel`. */
export const RecommendedNovelsBody = withFastPath(
  t.intersection(
    [
      t.type({ novels: Novels, next_url: NextUrl }, 'RecommendedNovelsFields'),
      // `privacy_policy` (`{}` or a policy to agree to) is not read.
      t.partial({ ranking_novels: Novels, privacy_policy: t.unknown }, 'OptionalRecommendedNovelsFields'),
    ],
    'RecommendedNovelsBody',
  ),
);
export type RecommendedNovelsBody = t.TypeOf<typeof RecommendedNovelsBody>;
