import type { ResolvedOptions } from '../options';
import { rngFor } from '../random';
import { TAGS } from '../vocabulary';
import { Bookmarks } from './bookmarks';
import { Comments, replyCountOf, topCommentCountOf, type Commentable } from './comments';
import { IllustrationFeeds } from './feeds';
import { Follows } from './follows';
import { Illustrations, type ImageSize } from './illustrations';
import {
  ACCOUNT,
  BOOKMARK_BASE,
  DAY_MS,
  NOVEL_BASE,
  NOVEL_BOOKMARK_BASE,
  PLACEHOLDER_HOST,
  PROLIFIC,
  RESTRICTED,
  SHOWCASE,
  SlotLayout,
  USER_BASE,
  WORK_BASE,
  userIdOf,
} from './layout';
import { ListCache } from './list-cache';
import { NovelFeeds } from './novel-feeds';
import { Novels } from './novels';
import type {
  FakeBookmark,
  FakeComment,
  FakeFollow,
  FakeIllustration,
  FakeNovel,
  FakeNovelBookmark,
  FakeSeries,
  FakeSpotlightArticle,
  FakeTag,
  FakeUser,
  FakeWorldSamples,
  NovelRankingMode,
  NovelSearchTarget,
  PlaceholderKind,
  RankingMode,
  SearchDuration,
  SearchSort,
  SearchTarget,
  Visibility,
} from './records';
import { IllustrationSearch, type SearchFilters } from './search';
import { SeriesCatalog } from './series';
import { AccountSettings } from './settings';
import { spotlightArticles } from './spotlight';
import { UserDirectory, type FakeProfile } from './users';
import { Watchlists, type WatchlistKind } from './watchlists';
import { BOOKMARK_TAGS } from '../vocabulary';

/**
 * The fake's data: a deterministic world generated from a seed. Users are generated up front
 * (they are few); works, novels, comments and bookmarks lazily and in O(1) per item, so a user
 * with 10,000 works costs nothing until it is listed. Follows, bookmarks, watchlists and the AI
 * setting are live state that the API's POSTs change.
 *
 * Each family lives in its own file of `lib/testing/world/`; this class is the one door to them.
 */
export class FakeWorld {
  /** The seed the world was generated from. */
  readonly seed: number;
  /** The account `server.refreshToken` logs into. */
  readonly accountId: number;
  /** A user with ~100 works: singles, multi-page, ugoira, series (no placeholders), and ~40 novels. */
  readonly showcaseUserId: number;
  /** A user with `prolificWorks` works (all listed by `type=illust`; every 7th has 2 pages), for benchmarks and searches past the cap. */
  readonly prolificUserId: number;
  /** Ids worth knowing in a test or a demo. */
  readonly samples: FakeWorldSamples;
  /** Every user, in index order. */
  readonly users: readonly FakeUser[];
  /** The world's "now": an hour after the newest work. Durations and the default ranking date use it. */
  readonly now: number;
  /** Origin of `s.pximg.net` URLs (placeholders, stock covers, `no_profile.png`). */
  readonly commonBaseUrl: string;

  private readonly directory: UserDirectory;
  private readonly works: Illustrations;
  private readonly novelStore: Novels;
  private readonly comments: Comments;
  private readonly follows: Follows;
  private readonly illustBookmarks: Bookmarks<FakeBookmark>;
  private readonly novelBookmarks: Bookmarks<FakeNovelBookmark>;
  private readonly feeds: IllustrationFeeds;
  private readonly novelFeeds: NovelFeeds;
  private readonly illustSearch: IllustrationSearch;
  private readonly seriesCatalog: SeriesCatalog;
  /** The watchlists (`/v1/watchlist/{manga,novel}`). */
  readonly watchlists = new Watchlists();
  /** Per-account settings (`show_ai`). */
  readonly settings = new AccountSettings();
  private articles: FakeSpotlightArticle[] | undefined;

  /** @internal Made by the server (and by `FakePixivServer.imageBytesOf` offline). */
  constructor(
    private readonly options: ResolvedOptions,
    /** Origin of `i.pximg.net` URLs in records, e.g. `http://127.0.0.1:40123`. */
    readonly imageBaseUrl: string,
    commonBaseUrl: string = imageBaseUrl,
  ) {
    this.seed = options.seed;
    this.commonBaseUrl = commonBaseUrl;
    const U = options.users;
    const spanMs = options.spanDays * DAY_MS;
    const workCounts = Array.from({ length: U }, (_, k) => this.workCountFor(k));
    const novelCounts = Array.from({ length: U }, (_, k) => this.novelCountFor(k));
    const workLayout = new SlotLayout(workCounts, WORK_BASE, spanMs, this.seed, 'time');
    const novelLayout = new SlotLayout(novelCounts, NOVEL_BASE, spanMs, this.seed, 'novel-time');
    this.now = workLayout.timeOfSlot(workLayout.total - 1) + 3600_000;
    this.directory = new UserDirectory(this.seed, workCounts, novelCounts, imageBaseUrl, commonBaseUrl);
    this.users = this.directory.users;
    const userName = (k: number) => this.users[k]?.name ?? 'シリーズ';
    this.works = new Illustrations(workLayout, {
      seed: this.seed,
      legacyFieldRate: options.legacyFieldRate,
      imageBaseUrl,
      commonBaseUrl,
      userName,
    });
    this.novelStore = new Novels(novelLayout, {
      seed: this.seed,
      legacyFieldRate: options.legacyFieldRate,
      imageBaseUrl,
      commonBaseUrl,
      userName,
      pixivImages: () => ({
        single: this.samples.singleIllustId,
        multi: this.samples.multiPageIllustId,
        multiPages: this.illustration(this.samples.multiPageIllustId)?.pageCount ?? 0,
      }),
    });
    this.comments = new Comments(this.seed, () => this.now, (rng) => userIdOf(4 + rng.int(U - 4)));
    this.follows = new Follows(this.seed, U);
    const cache = new ListCache();
    this.feeds = new IllustrationFeeds(this.seed, this.works, this.follows, cache, this.now);
    this.novelFeeds = new NovelFeeds(this.seed, this.novelStore, this.follows, cache, this.now);
    this.illustSearch = new IllustrationSearch(this.works, cache, this.now);
    this.seriesCatalog = new SeriesCatalog(this.works, this.novelStore);
    this.illustBookmarks = new Bookmarks<FakeBookmark>(
      {
        workIdOf: (b) => b.illustId,
        make: (bookmarkId, illustId, restrict, tags) => ({ bookmarkId, illustId, restrict, tags }),
        initial: (userId) => this.initialIllustBookmarks(userId),
      },
      BOOKMARK_BASE + 1_000_000 * U,
    );
    this.novelBookmarks = new Bookmarks<FakeNovelBookmark>(
      {
        workIdOf: (b) => b.novelId,
        make: (bookmarkId, novelId, restrict, tags) => ({ bookmarkId, novelId, restrict, tags }),
        initial: (userId) => this.initialNovelBookmarks(userId),
      },
      NOVEL_BOOKMARK_BASE + 1_000_000 * U,
    );
    this.accountId = userIdOf(ACCOUNT);
    this.showcaseUserId = userIdOf(SHOWCASE);
    this.prolificUserId = userIdOf(PROLIFIC);
    this.samples = this.findSamples();
  }

  // ---- users ---------------------------------------------------------------------------------

  /** The user with this id. */
  user(id: number): FakeUser | undefined {
    return this.directory.user(id);
  }

  /** Users `userId` follows, newest follow first. Other users' private follows are included. */
  followingOf(userId: number, restrict?: Visibility): readonly FakeFollow[] {
    return this.follows.followingOf(userId, restrict);
  }

  /** Users following `userId` (publicly), in a stable order. */
  followersOf(userId: number): readonly number[] {
    return this.follows.followersOf(userId);
  }

  /** Whether `viewerId` follows `userId`. */
  isFollowing(viewerId: number, userId: number): boolean {
    return this.follows.isFollowing(viewerId, userId);
  }

  /** The follow of `userId` by `viewerId` (with its visibility), if any. */
  followOf(viewerId: number, userId: number): FakeFollow | undefined {
    return this.follows.followOf(viewerId, userId);
  }

  /** `viewerId` follows `userId` (`follow/add`); a second follow changes the visibility. */
  follow(viewerId: number, userId: number, restrict: Visibility): void {
    this.follows.follow(viewerId, userId, restrict);
  }

  /** `viewerId` stops following `userId` (`follow/delete`). */
  unfollow(viewerId: number, userId: number): boolean {
    return this.follows.unfollow(viewerId, userId);
  }

  /** My pixiv: the users who follow `userId` back (mutual follows), in `userId`'s follow order. */
  mypixivOf(userId: number): readonly number[] {
    return this.follows.followingOf(userId).filter((f) => this.follows.isFollowing(f.userId, userId)).map((f) => f.userId);
  }

  /** Users related to a user (`/v1/user/related`): a stable pick of other members. */
  relatedUsersOf(userId: number): readonly number[] {
    const rng = rngFor(this.seed, 'related-users', userId);
    return rng.sample(this.memberIds().filter((id) => id !== userId), 45);
  }

  /** Users recommended to a viewer: members they do not follow. */
  recommendedUsersFor(viewerId: number): readonly number[] {
    const rng = rngFor(this.seed, 'recommended-users', viewerId);
    return rng.sample(this.memberIds().filter((id) => id !== viewerId && !this.isFollowing(viewerId, id)), 60);
  }

  /** `/v1/search/user`: users whose name or account contains the word. */
  searchUsers(word: string): readonly number[] {
    const needle = word.trim().toLowerCase();
    return this.users
      .filter((user) => user.role !== 'restricted' && (user.name.toLowerCase().includes(needle) || user.account.toLowerCase().includes(needle)))
      .map((user) => user.id);
  }

  // ---- illustrations -------------------------------------------------------------------------

  /** The work with this id, or `undefined` when there is none or it was deleted. */
  illustration(id: number): FakeIllustration | undefined {
    return this.works.illustration(id);
  }

  /** Ids of a user's works, newest first, optionally of one listing type (`illust` includes ugoira). */
  illustrationIdsOf(userId: number, type?: 'illust' | 'manga'): readonly number[] {
    const k = this.userIndex(userId);
    return k === undefined ? [] : this.works.idsOf(k, type);
  }

  /** A user's works, newest first (generated on the call: cheap, but O(works)). */
  illustrationsOf(userId: number, type?: 'illust' | 'manga'): FakeIllustration[] {
    return this.illustrationIdsOf(userId, type).map((id) => this.illustration(id) as FakeIllustration);
  }

  /** How many works `userWorkAt` can reach for this user and type (deleted ones included). */
  userWorkCount(userId: number, type?: 'illust' | 'manga'): number {
    const k = this.userIndex(userId);
    return k === undefined ? 0 : this.works.typeIndex(k, type).length;
  }

  /** The `position`-th newest work of the user's listing (`undefined` past the end or if deleted). */
  userWorkAt(userId: number, type: 'illust' | 'manga' | undefined, position: number): FakeIllustration | undefined {
    const k = this.userIndex(userId);
    if (k === undefined) return undefined;
    const index = this.works.typeIndex(k, type);
    if (position < 0 || position >= index.length) return undefined;
    return this.illustration(this.works.layout.idOf(k, index[position]));
  }

  /** Marks a work deleted: its detail answers 404 and listings skip it. */
  deleteIllustration(id: number): void {
    this.works.delete(id);
  }

  /** Whether an illustration is AI-generated (also when its body predates `illust_ai_type`). */
  isAiIllustration(id: number): boolean {
    return this.works.aiTypeOf(id) === 2;
  }

  // ---- novels --------------------------------------------------------------------------------

  /** The novel with this id. */
  novel(id: number): FakeNovel | undefined {
    return this.novelStore.novel(id);
  }

  /** Ids of a user's novels, newest first. */
  novelIdsOf(userId: number): readonly number[] {
    const k = this.userIndex(userId);
    return k === undefined ? [] : this.novelStore.idsOf(k);
  }

  /** A user's novels, newest first. */
  novelsOf(userId: number): FakeNovel[] {
    return this.novelIdsOf(userId).map((id) => this.novel(id) as FakeNovel);
  }

  /** Whether a novel is AI-generated. */
  isAiNovel(novel: FakeNovel): boolean {
    return this.novelFeeds.isAi(novel);
  }

  /** The novel ranking of a mode on a date. */
  novelRanking(mode: NovelRankingMode, date: string): readonly number[] {
    return this.novelFeeds.ranking(mode, date);
  }

  /** Recommended novels of a viewer. */
  recommendedNovels(viewerId: number): readonly number[] {
    return this.novelFeeds.recommended(viewerId);
  }

  /** Novels of the users a viewer follows, newest first. */
  followingNovels(viewerId: number, restrict: Visibility | 'all'): readonly number[] {
    return this.novelFeeds.following(viewerId, restrict);
  }

  /** Every novel, newest first. */
  newNovels(): readonly number[] {
    return this.novelFeeds.newest();
  }

  /** `/v1/search/novel` results in `sort` order. */
  searchNovels(word: string, target: NovelSearchTarget, sort: SearchSort, filters: SearchFilters = {}): readonly number[] {
    return this.novelFeeds.search(word, target, sort, filters);
  }

  // ---- series --------------------------------------------------------------------------------

  /** A manga series (`/v1/illust/series`). */
  illustSeries(seriesId: number): FakeSeries | undefined {
    return this.seriesCatalog.manga(seriesId);
  }

  /** A novel series (`/v2/novel/series`). */
  novelSeries(seriesId: number): FakeSeries | undefined {
    return this.seriesCatalog.novel(seriesId);
  }

  /** The series of a kind a user has. */
  seriesOf(userId: number, kind: 'manga' | 'novel'): FakeSeries[] {
    const k = this.userIndex(userId);
    return k === undefined ? [] : this.seriesCatalog.ofUser(k, kind);
  }

  /** A series of either kind. */
  seriesOfKind(kind: WatchlistKind, seriesId: number): FakeSeries | undefined {
    return kind === 'manga' ? this.illustSeries(seriesId) : this.novelSeries(seriesId);
  }

  // ---- comments ------------------------------------------------------------------------------

  /** Top-level comments of a work, newest first. */
  commentsOf(illustId: number): FakeComment[] {
    const work = this.illustration(illustId);
    return work ? this.comments.commentsOf(this.commentable(work)) : [];
  }

  /** Replies to a comment, newest first (`undefined` when there is no such comment). */
  repliesOf(commentId: number): FakeComment[] | undefined {
    const parent = this.commentById(commentId);
    if (!parent || parent.parentId !== null) return parent ? [] : undefined;
    const work = this.illustration(parent.illustId) as FakeIllustration;
    return this.comments.repliesOf(this.commentable(work), Comments.slotOf(commentId).c);
  }

  /** A comment of an illustration by id. */
  commentById(commentId: number): FakeComment | undefined {
    const work = this.illustration(Comments.slotOf(commentId).workId);
    return work ? this.comments.byId(this.commentable(work), commentId) : undefined;
  }

  /** Comments of a novel, newest first (novel comments have no replies here). */
  novelCommentsOf(novelId: number): FakeComment[] {
    const novel = this.novel(novelId);
    if (!novel) return [];
    return this.comments.commentsOf({ id: novel.id, createDate: novel.createDate, top: novel.totalComments, replies: () => 0 });
  }

  // ---- bookmarks -----------------------------------------------------------------------------

  /** A user's bookmarks, newest first (the live state: `bookmark/add` and `delete` change it). */
  bookmarksOf(userId: number, restrict?: Visibility): readonly FakeBookmark[] {
    return this.illustBookmarks.of(userId, restrict);
  }

  /** A user's bookmark of a work. */
  bookmark(userId: number, illustId: number): FakeBookmark | undefined {
    return this.illustBookmarks.get(userId, illustId);
  }

  /** Adds or updates a bookmark (a re-add keeps its place and takes the new visibility and tags). */
  addBookmark(userId: number, illustId: number, restrict: Visibility, tags: readonly string[]): FakeBookmark {
    return this.illustBookmarks.add(userId, illustId, restrict, tags);
  }

  /** Removes a bookmark. */
  deleteBookmark(userId: number, illustId: number): boolean {
    return this.illustBookmarks.delete(userId, illustId);
  }

  /** `{name, count}` of the tags a user gave their bookmarks, by name. */
  bookmarkTagsOf(userId: number, restrict: Visibility): { name: string; count: number }[] {
    return this.illustBookmarks.tagsOf(userId, restrict);
  }

  /** A user's novel bookmarks, newest first (live state). */
  novelBookmarksOf(userId: number, restrict?: Visibility): readonly FakeNovelBookmark[] {
    return this.novelBookmarks.of(userId, restrict);
  }

  /** A user's bookmark of a novel. */
  novelBookmark(userId: number, novelId: number): FakeNovelBookmark | undefined {
    return this.novelBookmarks.get(userId, novelId);
  }

  /** Adds or updates a novel bookmark. */
  addNovelBookmark(userId: number, novelId: number, restrict: Visibility, tags: readonly string[]): FakeNovelBookmark {
    return this.novelBookmarks.add(userId, novelId, restrict, tags);
  }

  /** Removes a novel bookmark. */
  deleteNovelBookmark(userId: number, novelId: number): boolean {
    return this.novelBookmarks.delete(userId, novelId);
  }

  /** `{name, count}` of the tags a user gave their novel bookmarks. */
  novelBookmarkTagsOf(userId: number, restrict: Visibility): { name: string; count: number }[] {
    return this.novelBookmarks.tagsOf(userId, restrict);
  }

  // ---- illustration listings -----------------------------------------------------------------

  /** The ranking of a mode on a date (`YYYY-MM-DD`), up to 150 ids. */
  ranking(mode: RankingMode, date: string): readonly number[] {
    return this.feeds.ranking(mode, date);
  }

  /** The date of the newest ranking (the day before the world's "now"). */
  get latestRankingDate(): string {
    return this.feeds.latestRankingDate;
  }

  /** Works related to a work, in the order `/v2/illust/related` serves them. */
  related(illustId: number): readonly number[] {
    return this.feeds.related(illustId);
  }

  /** The recommendation stream of a viewer for a content type. */
  recommended(viewerId: number, contentType: 'illust' | 'manga'): readonly number[] {
    return this.feeds.recommended(viewerId, contentType);
  }

  /** The following feed: works of the users `viewerId` follows with `restrict`, newest first. */
  followingFeed(viewerId: number, restrict: Visibility): readonly number[] {
    return this.feeds.followingFeed(viewerId, restrict);
  }

  /** Every work of a listing type, newest first (`/v1/illust/new`). */
  newIllustrations(type: 'illust' | 'manga'): readonly number[] {
    return this.feeds.newest(type);
  }

  /** Trending illustration tags: `{tag, illustId}` pairs, each work carrying its tag. */
  trendingTags(): readonly { tag: FakeTag; illustId: number }[] {
    return this.feeds.trendingTags();
  }

  /** Trending novel tags, each paired with an illustration carrying it (as Pixiv does). */
  trendingNovelTags(): readonly { tag: FakeTag; illustId: number }[] {
    return this.feeds.trendingTags('trending-novel');
  }

  /**
   * Search results, in `sort` order; the fourth argument is a `duration` or every filter. The
   * first search for a word scans the world once (O(works)); its result is cached.
   */
  search(word: string, target: SearchTarget, sort: SearchSort, filters?: SearchDuration | SearchFilters): readonly number[] {
    return this.illustSearch.search(word, target, sort, typeof filters === 'string' ? { duration: filters } : filters);
  }

  /** `/v2/search/autocomplete`: tags starting with (then containing) the word, up to 10. */
  autocomplete(word: string): FakeTag[] {
    const needle = word.trim().toLowerCase();
    if (!needle) return [];
    const score = (tag: FakeTag) => {
      const names = [tag.name.toLowerCase(), tag.en?.toLowerCase() ?? ''];
      return names.some((n) => n.startsWith(needle)) ? 0 : names.some((n) => n.includes(needle)) ? 1 : 2;
    };
    return TAGS.filter((tag) => score(tag) < 2)
      .sort((a, b) => score(a) - score(b))
      .slice(0, 10);
  }

  /** pixivision articles, newest first. */
  spotlightArticles(): readonly FakeSpotlightArticle[] {
    this.articles ??= spotlightArticles(this.seed, this.works, this.now);
    return this.articles;
  }

  // ---- image paths ---------------------------------------------------------------------------

  /** @internal The path of a page's image of a size (`square_medium`, `medium`, `large`, `original`). */
  imagePath(work: FakeIllustration, page: number, size: ImageSize, webp: boolean): string {
    return this.works.imagePath(work, page, size, webp);
  }

  /** @internal */
  placeholderPath(kind: PlaceholderKind): string {
    return this.works.placeholderPath(kind);
  }

  // ---- internals -----------------------------------------------------------------------------

  /** @internal Index of a user id (`undefined` for ids no user has). */
  userIndex(id: number): number | undefined {
    return this.directory.indexOf(id);
  }

  /** @internal The id of the user with index `k`. */
  userIdOf(k: number): number {
    return userIdOf(k);
  }

  /** @internal Random but stable profile fields of a user (`/v1/user/detail`). */
  profileOf(userId: number): FakeProfile {
    return this.directory.profileOf(userId);
  }

  private memberIds(): number[] {
    return this.users.filter((user) => user.role === 'member').map((user) => user.id);
  }

  private commentable(work: FakeIllustration): Commentable {
    const at = this.works.layout.locate(work.id) as { k: number; r: number };
    const newest = at.k === SHOWCASE && at.r === 0;
    return {
      id: work.id,
      createDate: work.createDate,
      top: work.placeholder ? 0 : topCommentCountOf(this.seed, work.id, newest),
      replies: (c) => replyCountOf(this.seed, work.id, newest, c),
    };
  }

  private workCountFor(k: number): number {
    const o = this.options;
    switch (k) {
      case ACCOUNT:
        return 12;
      case SHOWCASE:
        return o.showcaseWorks;
      case PROLIFIC:
        return o.prolificWorks;
      case RESTRICTED:
        return 0;
      case PLACEHOLDER_HOST:
        return Math.max(3, rngFor(this.seed, 'count', k).int(2 * o.worksPerUser + 1));
      default:
        return rngFor(this.seed, 'count', k).int(2 * o.worksPerUser + 1);
    }
  }

  private novelCountFor(k: number): number {
    const o = this.options;
    switch (k) {
      case ACCOUNT:
        return Math.min(2, o.novelsPerUser);
      case SHOWCASE:
        return o.showcaseNovels;
      case RESTRICTED:
        return 0;
      case PLACEHOLDER_HOST:
        return Math.max(2, rngFor(this.seed, 'novel-count', k).int(2 * o.novelsPerUser + 1));
      default:
        return rngFor(this.seed, 'novel-count', k).int(2 * o.novelsPerUser + 1);
    }
  }

  private initialIllustBookmarks(userId: number): FakeBookmark[] {
    const k = this.userIndex(userId);
    const bookmarks: FakeBookmark[] = [];
    if (k === undefined || k === RESTRICTED) return bookmarks;
    const rng = rngFor(this.seed, 'bookmarks', k);
    const publicCount = k === ACCOUNT ? 70 : rng.int(41);
    const privateCount = k === ACCOUNT ? 10 : rng.int(6);
    const seen = new Set<number>();
    for (let attempt = 0; attempt < 2000 && seen.size < publicCount + privateCount; attempt++) {
      const w = this.works.random(rng, Infinity);
      if (!w || w.userId === userId || seen.has(w.id)) continue;
      seen.add(w.id);
    }
    const ids = [...seen];
    const privateIndexes = new Set(rng.sample(ids.map((_, i) => i), privateCount));
    const U = this.users.length;
    ids.forEach((illustId, i) => {
      const tags: string[] = [];
      const roll = rng.next();
      if (roll < 0.5) tags.push(...rng.sample(BOOKMARK_TAGS, rng.between(1, 2)));
      else if (roll < 0.7) {
        const work = this.illustration(illustId) as FakeIllustration;
        if (work.tags.length) tags.push(rng.pick(work.tags).name);
      }
      bookmarks.push({
        bookmarkId: BOOKMARK_BASE + i * U + k,
        illustId,
        restrict: privateIndexes.has(i) ? 'private' : 'public',
        tags,
      });
    });
    return bookmarks.reverse();
  }

  private initialNovelBookmarks(userId: number): FakeNovelBookmark[] {
    const k = this.userIndex(userId);
    if (k === undefined || k === RESTRICTED) return [];
    const rng = rngFor(this.seed, 'novel-bookmarks', k);
    const others = this.novelFeeds.newest().filter((id) => this.novel(id)?.userId !== userId);
    const publicCount = k === ACCOUNT ? 40 : rng.int(9);
    const privateCount = k === ACCOUNT ? 5 : rng.int(3);
    const picked = rng.sample(others, publicCount + privateCount);
    const U = this.users.length;
    const out = picked.map((novelId, i): FakeNovelBookmark => {
      const novel = this.novel(novelId) as FakeNovel;
      const roll = rng.next();
      const tags = roll < 0.4 ? rng.sample(BOOKMARK_TAGS, rng.between(1, 2)) : roll < 0.6 && novel.tags.length ? [rng.pick(novel.tags).name] : [];
      return { bookmarkId: NOVEL_BOOKMARK_BASE + i * U + k, novelId, restrict: i < publicCount ? 'public' : 'private', tags };
    });
    return out.reverse();
  }

  private findSamples(): FakeWorldSamples {
    const showcase = this.works.layout.counts[SHOWCASE];
    const find = (k: number, accept: (w: FakeIllustration) => boolean): number => {
      for (let r = 0; r < (this.works.layout.counts[k]); r++) {
        const w = this.works.work(k, r);
        if (accept(w)) return w.id;
      }
      return -1;
    };
    let r18 = -1;
    for (let k = 4; k < this.users.length && r18 < 0; k++) r18 = find(k, (w) => w.xRestrict === 1 && !w.placeholder);
    const commented = showcase > 0 ? this.works.layout.idOf(SHOWCASE, 0) : -1;
    const novelLayout = this.novelStore.layout;
    const showcaseNovel = (r: number) => ((novelLayout.counts[SHOWCASE]) > r ? novelLayout.idOf(SHOWCASE, r) : -1);
    const illustSamples = {
      singleIllustId: find(SHOWCASE, (w) => w.type === 'illust' && w.pageCount === 1),
      multiPageIllustId: find(SHOWCASE, (w) => w.pageCount >= 3),
      ugoiraIllustId: find(SHOWCASE, (w) => w.type === 'ugoira'),
      seriesIllustId: find(SHOWCASE, (w) => w.series !== null),
      placeholderIllustId: this.works.layout.idOf(PLACEHOLDER_HOST, 1),
      r18IllustId: r18,
      missingIllustId: WORK_BASE + this.works.layout.total + 1234,
      commentedIllustId: commented,
      commentWithRepliesId: commented * 10_000 + 99 * 100,
      restrictedUserId: userIdOf(RESTRICTED),
      missingUserId: USER_BASE + 7,
    };
    // novels are generated on first use, and their texts show the illustration samples
    const samples: FakeWorldSamples = {
      ...illustSamples,
      markupNovelId: showcaseNovel(0),
      novelSeriesId: this.seriesCatalog.ofUser(SHOWCASE, 'novel')[0]?.id ?? -1,
      illustSeriesId: this.seriesCatalog.ofUser(SHOWCASE, 'manga')[0]?.id ?? -1,
      placeholderNovelId: (novelLayout.counts[PLACEHOLDER_HOST]) > 0 ? novelLayout.idOf(PLACEHOLDER_HOST, 0) : -1,
      r18NovelId: showcaseNovel(3),
      aiNovelId: showcaseNovel(2),
      missingNovelId: NOVEL_BASE + novelLayout.total + 77,
      prolificTag: '毎日投稿',
    };
    return samples;
  }
}
