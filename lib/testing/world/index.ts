/** The fake world, a file per family (users, illustrations, novels, series, bookmarks, follows, watchlists…). */
export { FakeWorld } from './fake-world';
export { jstIso } from './layout';
export {
  NOVEL_RANKING_MODES,
  RANKING_MODES,
  type FakeBookmark,
  type FakeComment,
  type FakeFollow,
  type FakeIllustration,
  type FakeNovel,
  type FakeNovelBookmark,
  type FakeNovelImage,
  type FakeSeries,
  type FakeSpotlightArticle,
  type FakeTag,
  type FakeUgoiraFrame,
  type FakeUser,
  type FakeWorldSamples,
  type NovelRankingMode,
  type NovelSearchTarget,
  type PlaceholderKind,
  type RankingMode,
  type SearchDuration,
  type SearchSort,
  type SearchTarget,
  type UserRole,
  type Visibility,
  type WorkType,
} from './records';
export type { SearchFilters } from './search';
export type { WatchlistKind, Watchlists } from './watchlists';
export type { AccountSettings } from './settings';
export type { FakeProfile } from './users';
