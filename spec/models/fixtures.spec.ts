import * as t from 'io-ts';
import {
  AutocompleteBody,
  IllustrationSeriesBody,
  SearchNovelsBody,
  SpotlightArticlesBody,
  WatchlistBody,
  toIllustrationSeriesDetail,
  toNovel,
  toSpotlightArticle,
  toTag,
  toWatchlistSeries,
  ApiErrorEnvelope,
  BookmarkDetailBody,
  BookmarkTagsBody,
  CommentsBody,
  IllustrationDetailBody,
  IllustrationsBody,
  NovelDetailBody,
  NovelSeriesBody,
  NovelsBody,
  OAuthErrorBody,
  RawNovelText,
  RecommendedNovelsBody,
  RecommendedBody,
  SearchIllustrationsBody,
  TokenBody,
  TrendingTagsBody,
  UgoiraMetadataBody,
  UserDetailBody,
  UserPreviewsBody,
  decode,
  toAuthTokens,
  toBookmarkDetail,
  toBookmarkTag,
  toComment,
  toFullUser,
  toIllustration,
  toNovelSeriesDetail,
  toNovelText,
  toTrendingTag,
  toUgoiraMetadata,
  toUserPreview,
} from '../../lib/models';
import { allFixturePaths, decodeError, fixture } from './fixture';

interface Decodes<A> {
  readonly codec: t.Decoder<unknown, A>;
  /** The models the body maps to (the items of a list). */
  readonly map: (body: A) => readonly unknown[];
  readonly count: number;
}

interface Rejected {
  readonly codec: t.Decoder<unknown, unknown>;
  readonly rejectedAt: string;
}

function decodes<A>(codec: t.Decoder<unknown, A>, count: number, map: (body: A) => readonly unknown[]): Decodes<unknown> {
  return { codec, map, count } as Decodes<unknown>;
}

/** Every recorded body, with its codec and its mapper. */
const CASES: Record<string, Decodes<unknown> | Rejected> = {
  'auth-token/pix-ezviewer-2018-password-grant.json': decodes(TokenBody, 1, (b) => [toAuthTokens(b)]),
  'auth-token/pixiv-shaft-2020-12-password-grant.json': decodes(TokenBody, 1, (b) => [toAuthTokens(b)]),
  'errors/app-api-access-restricted-2024.json': decodes(ApiErrorEnvelope, 1, (b) => [b.error]),
  'errors/app-api-oauth-process-error-2017.json': decodes(ApiErrorEnvelope, 1, (b) => [b.error]),
  'errors/app-api-rate-limit-2019.json': decodes(ApiErrorEnvelope, 1, (b) => [b.error]),
  'errors/oauth-invalid-grant-type-2021.json': decodes(OAuthErrorBody, 1, (b) => [b.errors]),
  'errors/oauth-invalid-refresh-token-2024.json': decodes(OAuthErrorBody, 1, (b) => [b.errors]),
  'errors/oauth-password-103-2020.json': decodes(OAuthErrorBody, 1, (b) => [b.errors]),
  'v1-illust-comments/azuline-2021-86979680.json': decodes(CommentsBody, 30, (b) => b.comments.map(toComment)),
  'v1-illust-comments/pix-ezviewer-2018-66619229-with-parent.json': decodes(CommentsBody, 29, (b) =>
    b.comments.map(toComment),
  ),
  'v1-illust-detail/azuline-2021-86979680-multipage.json': decodes(IllustrationDetailBody, 1, (b) => [
    toIllustration(b.illust),
  ]),
  'v1-illust-detail/lifegpc-issue640-2023-limit-sanity-placeholder.json': decodes(IllustrationDetailBody, 1, (b) => [
    toIllustration(b.illust),
  ]),
  'v1-illust-detail/pixivpy-2025-126839540.json': decodes(IllustrationDetailBody, 1, (b) => [toIllustration(b.illust)]),
  'v1-illust-ranking/pixivpy-2025-day.json': decodes(IllustrationsBody, 30, (b) => b.illusts.map(toIllustration)),
  'v1-illust-recommended/azuline-2021.json': decodes(RecommendedBody, 29, (b) => b.illusts.map(toIllustration)),
  'v1-illust-recommended/pixivpy-2025.json': decodes(RecommendedBody, 90, (b) => b.illusts.map(toIllustration)),
  'v1-search-illust/azuline-2021-trimmed.json': decodes(SearchIllustrationsBody, 5, (b) => b.illusts.map(toIllustration)),
  'v1-search-illust/pix-ezviewer-2018.json': decodes(SearchIllustrationsBody, 30, (b) => b.illusts.map(toIllustration)),
  'v1-trending-tags-illust/azuline-2021.json': decodes(TrendingTagsBody, 24, (b) => b.trend_tags.map(toTrendingTag)),
  'v1-ugoira-metadata/pixiv-shaft-2020-47297805.json': decodes(UgoiraMetadataBody, 1, (b) => [
    toUgoiraMetadata(b.ugoira_metadata),
  ]),
  'v1-ugoira-metadata/pixko-2025-126473222.json': decodes(UgoiraMetadataBody, 1, (b) => [
    toUgoiraMetadata(b.ugoira_metadata),
  ]),
  'v1-user-bookmark-tags-illust/azuline-2021.json': decodes(BookmarkTagsBody, 30, (b) => b.bookmark_tags.map(toBookmarkTag)),
  'v1-user-bookmarks-illust/pix-ezviewer-2018-660788.json': decodes(IllustrationsBody, 30, (b) =>
    b.illusts.map(toIllustration),
  ),
  'v1-user-detail/azuline-2021-2188232.json': decodes(UserDetailBody, 1, (b) => [toFullUser(b)]),
  'v1-user-detail/pixivts-2023-16568776-derived-partial.json': decodes(UserDetailBody, 1, (b) => [toFullUser(b)]),
  'v1-user-detail/pixivutil2-2019-1039353.json': decodes(UserDetailBody, 1, (b) => [toFullUser(b)]),
  'v1-user-detail/pixivutil2-2019-26357-no-profile.json': decodes(UserDetailBody, 1, (b) => [toFullUser(b)]),
  'v1-user-follower/azuline-2021-anonymized.json': decodes(UserPreviewsBody, 2, (b) => b.user_previews.map(toUserPreview)),
  'v1-user-following/azuline-2021-126852.json': decodes(UserPreviewsBody, 30, (b) => b.user_previews.map(toUserPreview)),
  'v1-user-illusts/azuline-2021-2188232.json': decodes(IllustrationsBody, 30, (b) => b.illusts.map(toIllustration)),
  'v2-illust-bookmark-detail/azuline-2021.json': decodes(BookmarkDetailBody, 1, (b) => [
    toBookmarkDetail(b.bookmark_detail),
  ]),
  'v2-illust-follow/azuline-2021.json': decodes(IllustrationsBody, 2, (b) => b.illusts.map(toIllustration)),
  'v2-illust-related/pixivpy-2025.json': decodes(IllustrationsBody, 30, (b) => b.illusts.map(toIllustration)),
  // DERIVED-PARTIAL: the counters the snapshot test stripped are core for a novel (novel.spec.ts).
  'v2-novel-detail/pixivts-2023-13574875-derived-partial.json': { codec: NovelDetailBody, rejectedAt: 'novel.total_bookmarks' },
  // novels
  'v1-novel-comment-replies/owlbear-2019-23848124.json': decodes(CommentsBody, 1, (b) => b.comments.map(toComment)),
  'v1-novel-follow/owlbear-2020-trimmed.json': decodes(NovelsBody, 1, (b) => b.novels.map(toNovel)),
  'v1-novel-new/owlbear-2020-trimmed.json': decodes(NovelsBody, 1, (b) => b.novels.map(toNovel)),
  'v1-novel-ranking/owlbear-2019-day-trimmed.json': decodes(NovelsBody, 1, (b) => b.novels.map(toNovel)),
  'v1-novel-recommended/owlbear-2020-trimmed.json': decodes(RecommendedNovelsBody, 2, (b) =>
    [...b.novels, ...(b.ranking_novels ?? [])].map(toNovel),
  ),
  'v1-trending-tags-novel/owlbear-2020-trimmed.json': decodes(TrendingTagsBody, 1, (b) => b.trend_tags.map(toTrendingTag)),
  'v1-user-bookmarks-novel/owlbear-2019-4599056.json': decodes(NovelsBody, 1, (b) => b.novels.map(toNovel)),
  'v1-user-novels/owlbear-2019-24970193.json': decodes(NovelsBody, 1, (b) => b.novels.map(toNovel)),
  'v2-novel-comments/owlbear-2019-12035664-trimmed.json': decodes(CommentsBody, 1, (b) => b.comments.map(toComment)),
  'v2-novel-detail/owlbear-2019-12035664.json': decodes(NovelDetailBody, 1, (b) => [toNovel(b.novel)]),
  'v2-novel-series/owlbear-2020-1238664-trimmed.json': decodes(NovelSeriesBody, 4, (b) => [
    ...b.novels.map(toNovel),
    toNovelSeriesDetail(b.novel_series_detail),
    b.novel_series_first_novel && toNovel(b.novel_series_first_novel),
    b.novel_series_latest_novel && toNovel(b.novel_series_latest_novel),
  ]),
  'v2-novel-series/pixiv-shaft-2020-1222375.json': decodes(NovelSeriesBody, 15, (b) => [
    ...b.novels.map(toNovel),
    toNovelSeriesDetail(b.novel_series_detail),
    b.novel_series_first_novel && toNovel(b.novel_series_first_novel),
    b.novel_series_latest_novel && toNovel(b.novel_series_latest_novel),
  ]),
  // DERIVED-PARTIAL: the snapshot kept the series header and its first and latest novels only.
  'v2-novel-series/pixivts-2025-7474721-derived-partial.json': { codec: NovelSeriesBody, rejectedAt: 'novels' },
  // the novel object of the viewer page, which novelText$ finds in the HTML (novel-text-page.spec.ts)
  'webview-v2-novel/pixko-2023-19713880-embedded-novel-json.json': decodes(RawNovelText, 1, (b) => [toNovelText(b)]),
  // users, series, search, follows, watchlists, pixivision
  'v1-illust-new/owlbear-2020-trimmed.json': decodes(IllustrationsBody, 1, (b) => b.illusts.map(toIllustration)),
  'v1-illust-series/owlbear-2020-21859-trimmed.json': decodes(IllustrationSeriesBody, 3, (b) => [
    ...b.illusts.map(toIllustration),
    toIllustrationSeriesDetail(b.illust_series_detail),
    b.illust_series_first_illust && toIllustration(b.illust_series_first_illust),
  ]),
  'v1-illust-series/pixez-flutter-2024-266067.json': decodes(IllustrationSeriesBody, 4, (b) => [
    ...b.illusts.map(toIllustration),
    toIllustrationSeriesDetail(b.illust_series_detail),
    b.illust_series_first_illust && toIllustration(b.illust_series_first_illust),
  ]),
  // DERIVED-PARTIAL: the snapshot kept the series and its first work, not the page's works.
  'v1-illust-series/pixivts-2025-147483-derived-partial.json': { codec: IllustrationSeriesBody, rejectedAt: 'illusts' },
  'v1-manga-recommended/owlbear-2020-trimmed.json': decodes(RecommendedBody, 2, (b) =>
    [...b.illusts, ...(b.ranking_illusts ?? [])].map(toIllustration),
  ),
  'v1-search-novel/owlbear-2019-trimmed.json': decodes(SearchNovelsBody, 1, (b) => b.novels.map(toNovel)),
  'v1-search-user/owlbear-2019-trimmed.json': decodes(UserPreviewsBody, 1, (b) => b.user_previews.map(toUserPreview)),
  'v1-search-user/pix-ezviewer-2018.json': decodes(UserPreviewsBody, 30, (b) => b.user_previews.map(toUserPreview)),
  'v1-spotlight-articles/pix-ezviewer-2018-ja.json': decodes(SpotlightArticlesBody, 10, (b) =>
    b.spotlight_articles.map(toSpotlightArticle),
  ),
  'v1-spotlight-articles/pixiv-shaft-2019-zh.json': decodes(SpotlightArticlesBody, 10, (b) =>
    b.spotlight_articles.map(toSpotlightArticle),
  ),
  'v1-user-mypixiv/owlbear-2019-trimmed.json': decodes(UserPreviewsBody, 1, (b) => b.user_previews.map(toUserPreview)),
  'v1-user-recommended/owlbear-2020-trimmed.json': decodes(UserPreviewsBody, 1, (b) => b.user_previews.map(toUserPreview)),
  'v1-user-recommended/pixiv-shaft-2019.json': decodes(UserPreviewsBody, 30, (b) => b.user_previews.map(toUserPreview)),
  'v1-watchlist-manga/pixez-flutter-2024.json': decodes(WatchlistBody, 1, (b) => b.series.map(toWatchlistSeries)),
  'v2-search-autocomplete/owlbear-2020.json': decodes(AutocompleteBody, 10, (b) => b.tags.map(toTag)),
};

/**
 * Fixtures that no codec reads. None today: the webview novel, the object embedded in the
 * `/webview/v2/novel` HTML page, is decoded above with the codec `novelText$` applies to it.
 */
const NOT_API_BODIES: readonly string[] = [];

/** Keys of maps whose keys are data (size names such as `square_medium`, `px_16x16`), not fields. */
const DATA_KEYED = new Set(['imageUrls', 'metaPages', 'profileImageUrls', 'zipUrls']);

function snakeCaseKeys(value: unknown, path: string, found: string[]): string[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => snakeCaseKeys(item, `${path}.${index}`, found));
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('_')) found.push(`${path}.${key}`);
      if (!DATA_KEYED.has(key)) snakeCaseKeys(child, `${path}.${key}`, found);
    }
  }
  return found;
}

describe('the recorded bodies (spec/fixtures)', () => {
  it('are all covered by this table or explained', () => {
    expect(allFixturePaths()).toEqual([...Object.keys(CASES), ...NOT_API_BODIES].sort());
  });

  const models = Object.entries(CASES).filter((entry): entry is [string, Decodes<unknown>] => 'map' in entry[1]);

  it.each(models)('%s decodes and maps', (path, { codec, map, count }) => {
    const items = map(decode(codec, fixture(path)));
    expect(items).toHaveLength(count);
    for (const item of items) expect(item).toEqual(expect.any(Object));
  });

  it.each(models.filter(([path]) => !path.startsWith('errors/')))('%s maps to camelCase models only', (path, { codec, map }) => {
    const items = map(decode(codec, fixture(path)));
    expect(snakeCaseKeys(items, '', [])).toEqual([]);
  });

  const rejected = Object.entries(CASES).filter((entry): entry is [string, Rejected] => 'rejectedAt' in entry[1]);

  it.each(rejected)('%s is rejected with the path of its first missing core field', (path, { codec, rejectedAt }) => {
    expect(decodeError(codec, fixture(path)).path).toBe(rejectedAt);
  });
});
