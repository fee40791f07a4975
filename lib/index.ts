// The public surface of `pixiv-rx`, listed explicitly. Runs in Node ≥ 20 and in browsers: nothing
// here imports fs, path or http (file downloads are in `pixiv-rx/node`).

export { PixivClient } from './client';
export type { PixivClientOptions } from './client';

export { createPkce } from './auth/pkce';
export type { Pkce } from './auth/pkce';
export { proxiedImageUrl } from './proxied-image-url';
export type { AuthState } from './auth/session';

export type { Page } from './pagination';
export type { RetryEvent, RetryOptions } from './http/retry';
export { RETRY_DEFAULTS } from './http/retry';

export type {
  FollowingIllustrationsOptions,
  IllustrationCommentsOptions,
  NewIllustrationsOptions,
  OffsetOptions,
  RankingIllustrationsOptions,
  RecommendedCursor,
  RecommendedIllustrationsOptions,
  RecommendedMangaOptions,
} from './endpoints/illustrations';
export type {
  SearchIllustrationsOptions,
  SearchNovelsOptions,
  SearchUsersOptions,
  SearchWorksOptions,
} from './endpoints/search';
export type { AddBookmarkOptions, UserBookmarkTagsOptions, UserBookmarksOptions } from './endpoints/bookmarks';
export type { FollowersOptions, FollowingOptions, UserIllustrationsOptions } from './endpoints/users';
export type { ResumeOptions } from './endpoints/endpoint';
export type { FollowOptions } from './endpoints/follows';
export type { WatchlistKind } from './endpoints/watchlists';
export type { SpotlightArticlesOptions } from './endpoints/spotlight';
export type {
  AddNovelBookmarkOptions,
  FollowingNovelsOptions,
  NewNovelsOptions,
  NovelOffsetOptions,
  NovelSeriesOptions,
  RankingNovelsOptions,
  RecommendedNovelsCursor,
  RecommendedNovelsOptions,
  UserNovelBookmarkTagsOptions,
  UserNovelBookmarksOptions,
} from './endpoints/novels';
export { parseNovelMarkup } from './models';
export { renderNovel } from './render/render-novel';
export type { NovelFormat, NovelImageNode, RenderNovelOptions, RenderableNovel } from './render/render-novel';
export type {
  NovelChapterNode,
  NovelJumpNode,
  NovelLinkNode,
  NovelNavigationItem,
  NovelNewPageNode,
  NovelNode,
  NovelPixivImageNode,
  NovelRubyNode,
  NovelSeriesDetail,
  NovelText,
  NovelTextNode,
  NovelUploadedImageNode,
} from './models';

export { AiType, ContentType, Duration, RankingMode, Restriction, SearchAiType, SearchTarget, Size, Sort, Visibility } from './models';
export type {
  Account,
  AiShowSettings,
  BookmarkDetail,
  BookmarkDetailTag,
  BookmarkTag,
  Comment,
  CommentStamp,
  FollowDetail,
  FullUser,
  Illustration,
  IllustrationSeriesDetail,
  Novel,
  NovelTag,
  ProfilePublicity,
  Series,
  SpotlightArticle,
  Tag,
  TrendingTag,
  UgoiraFrame,
  UgoiraMetadata,
  User,
  UserPreview,
  UserProfile,
  WatchlistSeries,
  Workspace,
} from './models';

export {
  AuthenticationRequired,
  BadApiResponse,
  DownloadError,
  LoginError,
  NetworkError,
  PixivApiError,
  PixivError,
  RateLimitError,
  isPixivError,
} from './errors';
export type { NetworkErrorKind, PixivErrorCode, RequestTarget } from './errors';
