import type { AxiosInstance } from 'axios';
import { Observable, defer, map, mergeMap } from 'rxjs';
import { AuthorizedCaller } from './auth/authorized';
import { Pkce } from './auth/pkce';
import { AuthSession, AuthState } from './auth/session';
import * as bookmarks from './endpoints/bookmarks';
import { CallEndpoint, ListEndpoint, ResumeOptions, pathOf, resumeFromOf } from './endpoints/endpoint';
import * as follows from './endpoints/follows';
import * as illustrations from './endpoints/illustrations';
import * as novels from './endpoints/novels';
import * as search from './endpoints/search';
import * as settings from './endpoints/settings';
import * as spotlight from './endpoints/spotlight';
import * as users from './endpoints/users';
import * as watchlists from './endpoints/watchlists';
import { AuthenticationRequired } from './errors';
import type { HttpContext } from './http/context';
import { RequestLimiter } from './http/limiter';
import { RequestSpec, withQuery } from './http/request';
import { RetryEvent, RetryOptions, resolveRetryPolicy } from './http/retry';
import {
  Account,
  AiShowSettings,
  BookmarkDetail,
  BookmarkTag,
  Comment,
  ContentType,
  FollowDetail,
  FullUser,
  Illustration,
  Novel,
  NovelText,
  SpotlightArticle,
  Tag,
  TrendingTag,
  UgoiraMetadata,
  UserPreview,
  WatchlistSeries,
  decode,
} from './models';
import { Page, itemsOf, paginate, resumeRequest, walkDateWindows } from './pagination';

/** Options of {@link PixivClient}; every one is optional. */
export interface PixivClientOptions {
  /**
   * Sent as `Accept-Language`; tags carry `translatedName` in this language.
   * @default 'English'
   */
  readonly language?: string;
  /** @default the Android app's client id (what PKCE tokens belong to) */
  readonly clientId?: string;
  /** @default the Android app's client secret */
  readonly clientSecret?: string;
  /** @default 'https://app-api.pixiv.net' */
  readonly apiBaseUrl?: string;
  /** @default 'https://oauth.secure.pixiv.net' */
  readonly oauthBaseUrl?: string;
  /** Authenticates lazily with this refresh token on the first call that needs a token. */
  readonly refreshToken?: string;
  /**
   * How failed requests are retried (API calls and downloads); `false` sends each request once.
   * @default { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 30000, maxRetryAfterMs: 60000 }
   */
  readonly retry?: RetryOptions | false;
  /**
   * Per request, in milliseconds; 0 for none.
   * @default 30000
   */
  readonly timeoutMs?: number;
  /**
   * API requests in flight at once across every stream of this client (downloads have their own
   * `concurrency`).
   * @default 4
   */
  readonly maxConcurrentRequests?: number;
  /**
   * Your own axios instance (proxies, agents, interceptors); axios is then never loaded by pixiv-rx.
   * @default a new instance, created (and axios loaded) at the first request
   */
  readonly axios?: AxiosInstance;
  /** Told of every retry the client makes, e.g. for logging or metrics. */
  readonly onRetry?: (event: RetryEvent) => void;
}

/** The Android app's OAuth client (PROTOCOL.md). */
const ANDROID_CLIENT = {
  clientId: 'MOBrBDS8blbauoSck0ZfDbtuzpyT',
  clientSecret: 'lsACyCD94FhDUtGTXi3QzcFE2uU1hqtDaKeqrdwj',
} as const;

const DEFAULTS = {
  language: 'English',
  clientId: ANDROID_CLIENT.clientId,
  clientSecret: ANDROID_CLIENT.clientSecret,
  apiBaseUrl: 'https://app-api.pixiv.net',
  oauthBaseUrl: 'https://oauth.secure.pixiv.net',
  timeoutMs: 30_000,
  maxConcurrentRequests: 4,
} as const satisfies Partial<Record<keyof PixivClientOptions, unknown>>;

function baseUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`${name} must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`${name} must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  return value.replace(/\/+$/, '');
}

/**
 * The Pixiv App API client. Every endpoint is a cold Observable: nothing is sent before
 * subscription, list endpoints follow `next_url` on their own, and unsubscribing aborts the
 * request in flight. One auth session is shared by every stream of the client.
 *
 * ```ts
 * const client = new PixivClient({ refreshToken });
 * client.userIllustrations$(2188232).pipe(take(100)).subscribe((work) => console.log(work.title));
 * ```
 */
export class PixivClient {
  /** @internal What downloads share with API calls: axios, retry policy, timeout. */
  readonly http: HttpContext;
  private readonly session: AuthSession;
  private readonly caller: AuthorizedCaller;
  private readonly limiter: RequestLimiter;
  private readonly apiBaseUrl: string;

  constructor(options: PixivClientOptions = {}) {
    const language = options.language ?? DEFAULTS.language;
    this.apiBaseUrl = baseUrl('apiBaseUrl', options.apiBaseUrl ?? DEFAULTS.apiBaseUrl);
    const oauthBaseUrl = baseUrl('oauthBaseUrl', options.oauthBaseUrl ?? DEFAULTS.oauthBaseUrl);
    const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    if (!(timeoutMs >= 0) || !Number.isFinite(timeoutMs)) {
      throw new TypeError(`timeoutMs must be a finite number ≥ 0, got ${String(timeoutMs)}`);
    }
    const onRetry = options.onRetry ?? (() => undefined);
    this.http = {
      axios: options.axios,
      userAxios: options.axios !== undefined,
      retry: resolveRetryPolicy(options.retry),
      timeoutMs,
      onRetry,
    };
    this.limiter = new RequestLimiter(options.maxConcurrentRequests ?? DEFAULTS.maxConcurrentRequests);
    this.session = new AuthSession(
      this.http,
      {
        oauthBaseUrl,
        clientId: options.clientId ?? DEFAULTS.clientId,
        clientSecret: options.clientSecret ?? DEFAULTS.clientSecret,
        language,
        now: () => Date.now(),
      },
      options.refreshToken,
    );
    this.caller = new AuthorizedCaller(this.http, this.session, this.limiter, this.apiBaseUrl, language);
  }

  // ---- authentication -------------------------------------------------------------------------

  /**
   * Password login, kept for parity with the original library. Pixiv has refused the password
   * grant since 2021-02-08: expect a LoginError that says so, and log in with PKCE instead.
   */
  login(username: string, password: string): Observable<Account> {
    return this.session.login(username, password);
  }

  /** Starts a session from a refresh token. */
  authenticate(refreshToken: string): Observable<Account> {
    return this.session.authenticate(refreshToken);
  }

  /** Finishes a PKCE login: `code` from the `pixiv://account/login?code=…` redirect. */
  exchangeCode(code: string, codeVerifier: string): Observable<Account> {
    return this.session.exchangeCode(code, codeVerifier);
  }

  /** The page to open in a browser for a PKCE login (see `createPkce`). */
  loginUrl(pkce: Pick<Pkce, 'codeChallenge'>): string {
    const challenge = encodeURIComponent(pkce.codeChallenge);
    return `${this.apiBaseUrl}/web/v1/login?code_challenge=${challenge}&code_challenge_method=S256&client=pixiv-android`;
  }

  /** The session: replays the current state and emits on every change (to persist tokens). */
  get auth$(): Observable<AuthState> {
    return this.session.state$;
  }

  /** The authenticated account, `undefined` before authentication. */
  get account(): Account | undefined {
    return this.session.current.account;
  }

  /** The current access token, `undefined` before authentication. */
  get accessToken(): string | undefined {
    return this.session.current.accessToken;
  }

  /** The refresh token to store (Pixiv may rotate it: watch `auth$`), `undefined` before authentication. */
  get refreshToken(): string | undefined {
    return this.session.current.refreshToken;
  }

  /** Forgets the tokens (nothing is sent to Pixiv). */
  logout(): void {
    this.session.logout();
  }

  // ---- illustrations --------------------------------------------------------------------------

  /** An illustration, manga or ugoira by id. */
  illustration$(illustrationId: number): Observable<Illustration> {
    return this.call(illustrations.illustration, illustrationId);
  }

  /** A work's comments, a page at a time; pages carry `totalComments` when asked for. */
  illustrationCommentPages$(illustrationId: number, options?: illustrations.IllustrationCommentsOptions) {
    return this.pages(illustrations.illustrationComments, illustrationId, options);
  }

  /** A work's comments, newest first. */
  illustrationComments$(illustrationId: number, options?: illustrations.IllustrationCommentsOptions): Observable<Comment> {
    return itemsOf(this.illustrationCommentPages$(illustrationId, options));
  }

  /** Works related to an illustration, a page at a time (the `next_url` carries the `viewed[]` seen so far). */
  relatedIllustrationPages$(illustrationId: number, options?: illustrations.OffsetOptions) {
    return this.pages(illustrations.relatedIllustrations, illustrationId, options);
  }

  /** Works related to an illustration. */
  relatedIllustrations$(illustrationId: number, options?: illustrations.OffsetOptions): Observable<Illustration> {
    return itemsOf(this.relatedIllustrationPages$(illustrationId, options));
  }

  /** New works of the artists the account follows, a page at a time. */
  followingIllustrationPages$(options?: illustrations.FollowingIllustrationsOptions) {
    return this.pages(illustrations.followingIllustrations, options);
  }

  /** New works of the artists the account follows, newest first. */
  followingIllustrations$(options?: illustrations.FollowingIllustrationsOptions): Observable<Illustration> {
    return itemsOf(this.followingIllustrationPages$(options));
  }

  /** Works recommended to the account, a page at a time; pages carry `rankingIllustrations` and `contestExists`, and `next` is the recommendation cursor. */
  recommendedIllustrationPages$(options?: illustrations.RecommendedIllustrationsOptions) {
    return this.pages(illustrations.recommendedIllustrations, options);
  }

  /** Works recommended to the account. */
  recommendedIllustrations$(options?: illustrations.RecommendedIllustrationsOptions): Observable<Illustration> {
    return itemsOf(this.recommendedIllustrationPages$(options));
  }

  /** A ranking (daily by default, of the latest day or of `date`), a page at a time. */
  rankingIllustrationPages$(options?: illustrations.RankingIllustrationsOptions) {
    return this.pages(illustrations.rankingIllustrations, options);
  }

  /** A ranking, first place first. */
  rankingIllustrations$(options?: illustrations.RankingIllustrationsOptions): Observable<Illustration> {
    return itemsOf(this.rankingIllustrationPages$(options));
  }

  /** Today's trending tags, each with a representative illustration. */
  trendingTags$(): Observable<TrendingTag> {
    return this.call(illustrations.trendingTags).pipe(mergeMap((tags) => tags));
  }

  /** The frames (file names and delays) and the zip of a ugoira. */
  ugoiraMetadata$(illustrationId: number): Observable<UgoiraMetadata> {
    return this.call(illustrations.ugoiraMetadata, illustrationId);
  }

  /** The newest works on Pixiv, a page at a time (the `max_illust_id` cursor). */
  newIllustrationPages$(options?: illustrations.NewIllustrationsOptions) {
    return this.pages(illustrations.newIllustrations, options);
  }

  /** The newest works on Pixiv (illustrations by default, or manga). */
  newIllustrations$(options?: illustrations.NewIllustrationsOptions): Observable<Illustration> {
    return itemsOf(this.newIllustrationPages$(options));
  }

  /** The works of an illustration or manga series; pages carry `seriesDetail` and `firstIllustration`. */
  illustrationSeriesPages$(seriesId: number, options?: illustrations.OffsetOptions) {
    return this.pages(illustrations.illustrationSeries, seriesId, options);
  }

  /** The works of an illustration or manga series. */
  illustrationSeries$(seriesId: number, options?: illustrations.OffsetOptions): Observable<Illustration> {
    return itemsOf(this.illustrationSeriesPages$(seriesId, options));
  }

  /** Manga recommended to the account; pages carry `rankingIllustrations`. */
  recommendedMangaPages$(options?: illustrations.RecommendedMangaOptions) {
    return this.pages(illustrations.recommendedManga, options);
  }

  /** Manga recommended to the account. */
  recommendedManga$(options?: illustrations.RecommendedMangaOptions): Observable<Illustration> {
    return itemsOf(this.recommendedMangaPages$(options));
  }

  // ---- search ---------------------------------------------------------------------------------

  /** Works matching `word`, a page at a time; pages carry `searchSpanLimit`. */
  searchIllustrationPages$(word: string, options?: search.SearchIllustrationsOptions) {
    return this.pages(search.searchIllustrations, word, options);
  }

  /** Works matching `word` (`pastOffsetLimit` walks past Pixiv's 5000-result cap). */
  searchIllustrations$(word: string, options?: search.SearchIllustrationsOptions): Observable<Illustration> {
    return itemsOf(this.searchIllustrationPages$(word, options));
  }

  /** Novels matching `word`, a page at a time; pages carry `searchSpanLimit` and `showAi`. */
  searchNovelPages$(word: string, options?: search.SearchNovelsOptions) {
    return this.pages(search.searchNovels, word, options);
  }

  /** Novels matching `word` (`pastOffsetLimit` walks past Pixiv's 5000-result cap). */
  searchNovels$(word: string, options?: search.SearchNovelsOptions): Observable<Novel> {
    return itemsOf(this.searchNovelPages$(word, options));
  }

  /** Users whose name matches `word`, a page at a time. */
  searchUserPages$(word: string, options?: search.SearchUsersOptions) {
    return this.pages(search.searchUsers, word, options);
  }

  /** Users whose name matches `word`, with their latest works. */
  searchUsers$(word: string, options?: search.SearchUsersOptions): Observable<UserPreview> {
    return itemsOf(this.searchUserPages$(word, options));
  }

  /** The tags Pixiv suggests for what has been typed so far. */
  searchAutocomplete$(word: string): Observable<Tag> {
    return this.call(search.searchAutocomplete, word).pipe(mergeMap((tags) => tags));
  }

  // ---- bookmarks ------------------------------------------------------------------------------

  /** Whether the authenticated account bookmarked the work, and with which tags. */
  bookmark$(illustrationId: number): Observable<BookmarkDetail> {
    return this.call(bookmarks.bookmark, illustrationId);
  }

  /** Bookmarks a work; emits once (`undefined`) when done. */
  addBookmark(illustrationId: number, options?: bookmarks.AddBookmarkOptions): Observable<void> {
    return this.call(bookmarks.addBookmark, illustrationId, options);
  }

  /** Removes a bookmark; emits once (`undefined`) when done. */
  deleteBookmark(illustrationId: number): Observable<void> {
    return this.call(bookmarks.deleteBookmark, illustrationId);
  }

  /** A user's bookmarked works, a page at a time (`next` is the `max_bookmark_id`). */
  userBookmarkPages$(userId: number, options?: bookmarks.UserBookmarksOptions) {
    return this.pages(bookmarks.userBookmarks, userId, options);
  }

  /** A user's bookmarked works, latest bookmark first. */
  userBookmarks$(userId: number, options?: bookmarks.UserBookmarksOptions): Observable<Illustration> {
    return itemsOf(this.userBookmarkPages$(userId, options));
  }

  /** A user's bookmark tags with their counts, a page at a time. */
  userBookmarkTagPages$(userId: number, options?: bookmarks.UserBookmarkTagsOptions) {
    return this.pages(bookmarks.userBookmarkTags, userId, options);
  }

  /** A user's bookmark tags with their counts. */
  userBookmarkTags$(userId: number, options?: bookmarks.UserBookmarkTagsOptions): Observable<BookmarkTag> {
    return itemsOf(this.userBookmarkTagPages$(userId, options));
  }

  // ---- users ----------------------------------------------------------------------------------

  /** A user's profile, publicity settings and workspace. */
  user$(userId: number): Observable<FullUser> {
    return this.call(users.user, userId);
  }

  /** A user's illustrations or manga, a page at a time. */
  userIllustrationPages$(userId: number, options?: users.UserIllustrationsOptions) {
    return this.pages(users.userIllustrations, userId, options);
  }

  /** A user's illustrations (ugoira included) or manga, newest first. */
  userIllustrations$(userId: number, options?: users.UserIllustrationsOptions): Observable<Illustration> {
    return itemsOf(this.userIllustrationPages$(userId, options));
  }

  /** The users `userId` follows, a page at a time. */
  followingPages$(userId: number, options?: users.FollowingOptions) {
    return this.pages(users.following, userId, options);
  }

  /** The users `userId` follows, with their latest works. */
  following$(userId: number, options?: users.FollowingOptions): Observable<UserPreview> {
    return itemsOf(this.followingPages$(userId, options));
  }

  /** Followers of the authenticated account. */
  followerPages$(options?: users.FollowersOptions) {
    return this.pages(users.followers, options);
  }

  /** Followers of the authenticated account, with their latest works. */
  followers$(options?: users.FollowersOptions): Observable<UserPreview> {
    return itemsOf(this.followerPages$(options));
  }

  /** Users like `userId`, a page at a time. */
  relatedUserPages$(userId: number, options?: users.FollowersOptions) {
    return this.pages(users.relatedUsers, userId, options);
  }

  /** Users like `userId`, with their latest works. */
  relatedUsers$(userId: number, options?: users.FollowersOptions): Observable<UserPreview> {
    return itemsOf(this.relatedUserPages$(userId, options));
  }

  /** Users recommended to the account, a page at a time. */
  recommendedUserPages$(options?: users.FollowersOptions) {
    return this.pages(users.recommendedUsers, options);
  }

  /** Users recommended to the account, with their latest works. */
  recommendedUsers$(options?: users.FollowersOptions): Observable<UserPreview> {
    return itemsOf(this.recommendedUserPages$(options));
  }

  /** The my pixiv friends of `userId`, a page at a time. */
  mypixivPages$(userId: number, options?: users.FollowersOptions) {
    return this.pages(users.mypixiv, userId, options);
  }

  /** The my pixiv friends of `userId`. */
  mypixiv$(userId: number, options?: users.FollowersOptions): Observable<UserPreview> {
    return itemsOf(this.mypixivPages$(userId, options));
  }

  // ---- follows and watchlists -----------------------------------------------------------------

  /** Whether the account follows `userId`, and publicly or privately. */
  followDetail$(userId: number): Observable<FollowDetail> {
    return this.call(follows.followDetail, userId);
  }

  /** Follows a user; emits once (`undefined`) when done. */
  follow(userId: number, options?: follows.FollowOptions): Observable<void> {
    return this.call(follows.follow, userId, options);
  }

  /** Stops following a user; emits once (`undefined`) when done. */
  unfollow(userId: number): Observable<void> {
    return this.call(follows.unfollow, userId);
  }

  /** The manga or novel series on the account's watchlist, a page at a time. */
  watchlistPages$(kind: watchlists.WatchlistKind, options?: ResumeOptions) {
    return this.pages(watchlists.watchlist, kind, options);
  }

  /** The manga (`ContentType.MANGA`) or novel (`ContentType.NOVEL`) series on the account's watchlist. */
  watchlist$(kind: watchlists.WatchlistKind, options?: ResumeOptions): Observable<WatchlistSeries> {
    return itemsOf(this.watchlistPages$(kind, options));
  }

  /** Adds a manga or novel series to the watchlist; emits once (`undefined`) when done. */
  addToWatchlist(seriesId: number, kind: ContentType.MANGA | ContentType.NOVEL): Observable<void> {
    return this.call(watchlists.addToWatchlist, seriesId, kind);
  }

  /** Removes a series from the watchlist; emits once (`undefined`) when done. */
  removeFromWatchlist(seriesId: number, kind: ContentType.MANGA | ContentType.NOVEL): Observable<void> {
    return this.call(watchlists.removeFromWatchlist, seriesId, kind);
  }

  // ---- settings and pixivision ----------------------------------------------------------------

  /** Whether the account is shown AI-generated works. */
  aiShowSettings$(): Observable<AiShowSettings> {
    return this.call(settings.aiShowSettings);
  }

  /** Shows or hides AI-generated works for the account; emits once (`undefined`) when done. */
  setAiShowSettings(show: boolean): Observable<void> {
    return this.call(settings.setAiShowSettings, show);
  }

  /** pixivision articles, a page (of 10) at a time. */
  spotlightArticlePages$(options?: spotlight.SpotlightArticlesOptions) {
    return this.pages(spotlight.spotlightArticles, options);
  }

  /** pixivision articles, newest first (`category` `'all'` by default). */
  spotlightArticles$(options?: spotlight.SpotlightArticlesOptions): Observable<SpotlightArticle> {
    return itemsOf(this.spotlightArticlePages$(options));
  }

  // ---- novels ---------------------------------------------------------------------------------

  /** A novel's details (its text comes from {@link novelText$}). */
  novel$(novelId: number): Observable<Novel> {
    return this.call(novels.novel, novelId);
  }

  /**
   * A novel's text, read from Pixiv's novel viewer: the raw markup, its pages parsed with
   * `parseNovelMarkup`, and the URLs of its uploaded images.
   */
  novelText$(novelId: number): Observable<NovelText> {
    return this.call(novels.novelText, novelId);
  }

  /** A user's novels, a page at a time. */
  userNovelPages$(userId: number, options?: novels.NovelOffsetOptions) {
    return this.pages(novels.userNovels, userId, options);
  }

  /** A user's novels, newest first. */
  userNovels$(userId: number, options?: novels.NovelOffsetOptions): Observable<Novel> {
    return itemsOf(this.userNovelPages$(userId, options));
  }

  /** The novels of a series, a page at a time; pages carry `seriesDetail`, `firstNovel` and `latestNovel`. */
  novelSeriesPages$(seriesId: number, options?: novels.NovelSeriesOptions) {
    return this.pages(novels.novelSeries, seriesId, options);
  }

  /** The novels of a series, in series order. */
  novelSeries$(seriesId: number, options?: novels.NovelSeriesOptions): Observable<Novel> {
    return itemsOf(this.novelSeriesPages$(seriesId, options));
  }

  /** A novel's comments, a page at a time; pages carry `totalComments` when Pixiv sends it. */
  novelCommentPages$(novelId: number, options?: novels.NovelOffsetOptions) {
    return this.pages(novels.novelComments, novelId, options);
  }

  /** A novel's comments, newest first. */
  novelComments$(novelId: number, options?: novels.NovelOffsetOptions): Observable<Comment> {
    return itemsOf(this.novelCommentPages$(novelId, options));
  }

  /** Novels recommended to the account, a page at a time; pages carry `rankingNovels`. */
  recommendedNovelPages$(options?: novels.RecommendedNovelsOptions) {
    return this.pages(novels.recommendedNovels, options);
  }

  /** Novels recommended to the account. */
  recommendedNovels$(options?: novels.RecommendedNovelsOptions): Observable<Novel> {
    return itemsOf(this.recommendedNovelPages$(options));
  }

  /** The newest novels on Pixiv, a page at a time (the `max_novel_id` cursor). */
  newNovelPages$(options?: novels.NewNovelsOptions) {
    return this.pages(novels.newNovels, options);
  }

  /** The newest novels on Pixiv. */
  newNovels$(options?: novels.NewNovelsOptions): Observable<Novel> {
    return itemsOf(this.newNovelPages$(options));
  }

  /** New novels of the authors the account follows, a page at a time. */
  followingNovelPages$(options?: novels.FollowingNovelsOptions) {
    return this.pages(novels.followingNovels, options);
  }

  /** New novels of the authors the account follows. */
  followingNovels$(options?: novels.FollowingNovelsOptions): Observable<Novel> {
    return itemsOf(this.followingNovelPages$(options));
  }

  /** A novel ranking, a page at a time. */
  rankingNovelPages$(options?: novels.RankingNovelsOptions) {
    return this.pages(novels.rankingNovels, options);
  }

  /** A novel ranking (the latest daily one by default). */
  rankingNovels$(options?: novels.RankingNovelsOptions): Observable<Novel> {
    return itemsOf(this.rankingNovelPages$(options));
  }

  /** A user's bookmarked novels, a page at a time (`next` is the max_bookmark_id). */
  userNovelBookmarkPages$(userId: number, options?: novels.UserNovelBookmarksOptions) {
    return this.pages(novels.userNovelBookmarks, userId, options);
  }

  /** A user's bookmarked novels, newest bookmark first. */
  userNovelBookmarks$(userId: number, options?: novels.UserNovelBookmarksOptions): Observable<Novel> {
    return itemsOf(this.userNovelBookmarkPages$(userId, options));
  }

  /** The tags a user put on their novel bookmarks, a page at a time. */
  userNovelBookmarkTagPages$(userId: number, options?: novels.UserNovelBookmarkTagsOptions) {
    return this.pages(novels.userNovelBookmarkTags, userId, options);
  }

  /** The tags a user put on their novel bookmarks, with how many bookmarks carry each. */
  userNovelBookmarkTags$(userId: number, options?: novels.UserNovelBookmarkTagsOptions): Observable<BookmarkTag> {
    return itemsOf(this.userNovelBookmarkTagPages$(userId, options));
  }

  /** Whether the account bookmarked the novel, and with which tags. */
  novelBookmark$(novelId: number): Observable<BookmarkDetail> {
    return this.call(novels.novelBookmark, novelId);
  }

  /** Bookmarks a novel; emits once (`undefined`) when done. */
  addNovelBookmark(novelId: number, options?: novels.AddNovelBookmarkOptions): Observable<void> {
    return this.call(novels.addNovelBookmark, novelId, options);
  }

  /** Removes a novel bookmark; emits once (`undefined`) when done. */
  deleteNovelBookmark(novelId: number): Observable<void> {
    return this.call(novels.deleteNovelBookmark, novelId);
  }

  /** Today's trending novel tags, each with a representative illustration (as Pixiv sends them). */
  trendingNovelTags$(): Observable<TrendingTag> {
    return this.call(novels.trendingNovelTags).pipe(mergeMap((tags) => tags));
  }

  // ---- the shared machinery -------------------------------------------------------------------

  private pages<Args extends readonly unknown[], Body extends { next_url?: string | null }, Item, Next, Extra>(
    endpoint: ListEndpoint<Args, Body, Item, Next, Extra>,
    ...args: Args
  ): Observable<Page<Item, Next, Extra>> {
    return defer(() => {
      // bad arguments throw here, before anything is sent
      const query = endpoint.query(...args);
      const url = `${this.apiBaseUrl}${pathOf(endpoint.path, args)}`;
      const windows = endpoint.dateWindows?.(...args);
      const resumeFrom = resumeFromOf(args);
      const run = (first: RequestSpec) =>
        windows ? walkDateWindows(this.caller, first, endpoint, windows) : paginate(this.caller, first, endpoint);
      // a resumed listing's URL carries every argument, the account's id included
      if (resumeFrom !== undefined) return run(resumeRequest(this.caller, resumeFrom, url));
      const { accountParam } = endpoint;
      if (!accountParam) return run({ method: 'GET', url, params: query });
      return this.session.accessToken$().pipe(
        mergeMap(() => {
          const account = this.session.current.account;
          if (!account) throw new AuthenticationRequired();
          return run({ method: 'GET', url, params: { [accountParam]: account.id, ...query } });
        }),
      );
    });
  }

  private call<Args extends readonly unknown[], Body, Result>(
    endpoint: CallEndpoint<Args, Body, Result>,
    ...args: Args
  ): Observable<Result> {
    return defer(() => {
      const params = endpoint.params(...args);
      const url = `${this.apiBaseUrl}${pathOf(endpoint.path, args)}`;
      const get = endpoint.method === 'GET';
      const { responseType } = endpoint;
      const spec: RequestSpec = get
        ? { method: 'GET', url, params, responseType }
        : { method: 'POST', url, form: params, responseType };
      const request = { method: endpoint.method, url: get ? withQuery(url, params) : url };
      // a POST is not idempotent: the retry policy resends it only when it surely never arrived
      return this.caller
        .call(spec, { idempotent: get })
        .pipe(map((body) => endpoint.result(decode(endpoint.body, body, { request }))));
    });
  }
}
