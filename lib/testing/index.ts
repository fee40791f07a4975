/**
 * `pixiv-rx/testing`: {@link FakePixivServer}, a real HTTP server on 127.0.0.1 that speaks the
 * Pixiv App API protocol, for integration tests, offline demos and benchmarks. Node only.
 */
export { FakePixivServer, type AuthorizationCodeOptions } from './fake-pixiv-server';
export { DEFAULT_OPTIONS, type FakePixivServerOptions } from './options';
export {
  FakeResponses,
  type ChaosOptions,
  type FailResponse,
  type FaultHandle,
  type FaultRequest,
  type MalformKind,
  type MalformOptions,
  type OriginKind,
  type RequestMatcher,
  type ResetOptions,
} from './faults';
export type { FakeServerCounters, GrantType, RequestLogEntry } from './request-log';
export { ANDROID_CLIENT, CLIENT_HASH_SECRET, IOS_CLIENT, REDIRECT_URI } from './oauth';
export { MAX_SEARCH_OFFSET, PAGE_SIZE } from './api-routes';
export { apiError, oauthError } from './envelopes';
export type { ParsedParams } from './params';
export {
  FakeWorld,
  NOVEL_RANKING_MODES,
  RANKING_MODES,
  type FakeBookmark,
  type FakeComment,
  type FakeFollow,
  type FakeIllustration,
  type FakeNovel,
  type FakeNovelBookmark,
  type FakeNovelImage,
  type FakeProfile,
  type FakeSeries,
  type FakeSpotlightArticle,
  type NovelRankingMode,
  type NovelSearchTarget,
  type SearchFilters,
  type WatchlistKind,
  type Watchlists,
  type AccountSettings,
  type FakeTag,
  type FakeUgoiraFrame,
  type FakeUser,
  type FakeWorldSamples,
  type PlaceholderKind,
  type RankingMode,
  type SearchDuration,
  type SearchSort,
  type SearchTarget,
  type UserRole,
  type Visibility,
  type WorkType,
} from './world';
