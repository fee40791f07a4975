export { AiType, ContentType, Duration, RankingMode, Restriction, SearchAiType, SearchTarget, Size, Sort, Visibility, isEnumValue } from './enums';
export { decode, describeFailure } from './decode';
export type { DecodeOptions } from './decode';
export { EmptyObject, IsoDateString, NullableString, NumericId, UrlRecord, FastPathType, enumCodec, withFastPath } from './codecs';

export { RawUser, toUser } from './user';
export type { User } from './user';
export { RawAccount, toAccount } from './account';
export type { Account } from './account';
export {
  RawDetailUser,
  RawProfilePublicity,
  RawUserProfile,
  RawWorkspace,
  camelizeKeys,
  toFullUser,
} from './full-user';
export type { Camelized, FullUser, ProfilePublicity, RawFullUser, UserProfile, Workspace } from './full-user';
export { RawTag, toTag } from './tag';
export type { Tag } from './tag';
export { RawSeries, toSeries } from './series';
export type { Series } from './series';
export { RawIllustration, RawImageUrls, RawPageImageUrls, toIllustration } from './illustration';
export type { Illustration } from './illustration';
export { RawNovel, RawNovelTag, toNovel } from './novel';
export type { Novel, NovelTag } from './novel';
export { RawComment, RawCommentStamp, toComment } from './comment';
export type { Comment, CommentStamp } from './comment';
export { RawUserPreview, toUserPreview } from './user-preview';
export type { UserPreview } from './user-preview';
export { RawTrendingTag, toTrendingTag } from './trending-tag';
export type { TrendingTag } from './trending-tag';
export { RawBookmarkDetail, toBookmarkDetail } from './bookmark-detail';
export type { BookmarkDetail, BookmarkDetailTag } from './bookmark-detail';
export { RawBookmarkTag, toBookmarkTag } from './bookmark-tag';
export type { BookmarkTag } from './bookmark-tag';
export { RawUgoiraMetadata, toUgoiraMetadata } from './ugoira';
export type { UgoiraFrame, UgoiraMetadata } from './ugoira';
export { RawTokenFields, TokenBody, toAuthTokens } from './token';
export type { AuthTokens } from './token';
export { ApiErrorEnvelope, OAuthErrorBody } from './api-error';
export {
  BookmarkDetailBody,
  BookmarkTagsBody,
  CommentsBody,
  IllustrationDetailBody,
  IllustrationsBody,
  NovelDetailBody,
  RecommendedBody,
  SearchIllustrationsBody,
  TrendingTagsBody,
  UgoiraMetadataBody,
  UserDetailBody,
  UserPreviewsBody,
} from './responses';
export { isPlaceholderImage, toAiType, toRestriction } from './work-flags';
export {
  AiShowSettingsBody,
  AutocompleteBody,
  FollowDetailBody,
  IllustrationSeriesBody,
  SearchNovelsBody,
  SpotlightArticlesBody,
  WatchlistBody,
} from './responses';
export { RawAiShowSettings, toAiShowSettings } from './ai-show-settings';
export type { AiShowSettings } from './ai-show-settings';
export { RawFollowDetail, toFollowDetail } from './follow-detail';
export type { FollowDetail } from './follow-detail';
export { RawIllustrationSeriesDetail, toIllustrationSeriesDetail } from './illustration-series-detail';
export type { IllustrationSeriesDetail } from './illustration-series-detail';
export { RawSpotlightArticle, toSpotlightArticle } from './spotlight-article';
export type { SpotlightArticle } from './spotlight-article';
export { RawWatchlistSeries, toWatchlistSeries } from './watchlist-series';
export type { WatchlistSeries } from './watchlist-series';
export { EmptyArray } from './novel';
export { NovelsBody, NovelSeriesBody, RecommendedNovelsBody } from './responses';
export { RawNovelSeriesDetail, toNovelSeriesDetail } from './novel-series';
export type { NovelSeriesDetail } from './novel-series';
export { RawNovelText, toNovelText, toPages } from './novel-text';
export type { NovelNavigationItem, NovelText } from './novel-text';
export { NovelTextPage } from './novel-text-page';
export { parseNovelMarkup, scanNovelMarkup } from './novel-markup';
export type {
  NovelChapterNode,
  NovelJumpNode,
  NovelLinkNode,
  NovelMarkupSpan,
  NovelNewPageNode,
  NovelNode,
  NovelPixivImageNode,
  NovelRubyNode,
  NovelTextNode,
  NovelUploadedImageNode,
} from './novel-markup';
