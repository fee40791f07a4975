import type { ResolvedOptions } from './options';
import { Rng, hash, rngFor } from './random';
import {
  AI_TAG,
  BOOKMARK_TAGS,
  COMMENTS,
  JOBS,
  MANGA_TAG,
  ORDINARY_TAGS,
  R18G_TAG,
  R18_TAG,
  REGIONS,
  SYLLABLES,
  TAGS,
  TITLE_WORDS,
  TOOLS,
  UGOIRA_TAG,
  type VocabularyTag,
} from './vocabulary';

/**
 * The fake's data: a deterministic world generated from a seed. Users are generated up front
 * (they are few); works, comments and bookmarks lazily and in O(1) per item, so a user with
 * 10,000 works costs nothing until it is listed.
 *
 * Work ids are chronological like Pixiv's: slot `s = (J - 1 - r) * U + k` holds the `r`-th newest
 * work of user index `k` (U users, J the largest work count), id `WORK_BASE + s`, and the creation
 * time grows with the slot. So every user's newest work is recent, and listing a user's works
 * newest first is `r = 0, 1, 2…`, with no index to build.
 */

export type WorkType = 'illust' | 'manga' | 'ugoira';
export type Visibility = 'public' | 'private';
/** The `limit_*_360.png` image a hidden work is replaced by. */
export type PlaceholderKind = 'sanity_level' | 'unviewable' | 'mypixiv' | 'unknown' | 'r18';
/** What a user is there for. */
export type UserRole = 'account' | 'showcase' | 'prolific' | 'restricted' | 'member';

export interface FakeUser {
  readonly id: number;
  readonly role: UserRole;
  readonly name: string;
  readonly account: string;
  readonly mailAddress: string;
  readonly comment: string;
  /** Absolute URL of the 170×170 avatar (`profile_image_urls.medium`). */
  readonly profileImageUrl: string;
  readonly hasCustomProfileImage: boolean;
  readonly isPremium: boolean;
  /** How many works the user has (hidden and deleted ones included). */
  readonly workCount: number;
}

export interface FakeTag extends VocabularyTag {}

export interface FakeUgoiraFrame {
  readonly file: string;
  readonly delay: number;
}

export interface FakeIllustration {
  readonly id: number;
  readonly userId: number;
  readonly type: WorkType;
  readonly title: string;
  readonly caption: string;
  /** ISO 8601 with `+09:00`, as Pixiv sends it. */
  readonly createDate: string;
  /** The `YYYY/MM/DD/hh/mm/ss` part of every image path of the work. */
  readonly datePath: string;
  readonly width: number;
  readonly height: number;
  readonly pageCount: number;
  readonly tags: readonly FakeTag[];
  readonly tools: readonly string[];
  readonly xRestrict: 0 | 1 | 2;
  readonly sanityLevel: number;
  readonly series: { readonly id: number; readonly title: string } | null;
  readonly totalView: number;
  readonly totalBookmarks: number;
  /** Top-level comments plus replies. */
  readonly totalComments: number;
  /** `undefined` when the body leaves `illust_ai_type` out (the pre-2023 shape). */
  readonly aiType: 0 | 1 | 2 | undefined;
  readonly bookStyle: 0 | 1 | undefined;
  readonly restrictionAttributes: readonly string[] | undefined;
  /** Set when the API serves this work as a restricted placeholder. */
  readonly placeholder: PlaceholderKind | null;
  readonly originalExtension: 'jpg' | 'png';
  /** Ugoira frames (`null` for other types). */
  readonly ugoiraFrames: readonly FakeUgoiraFrame[] | null;
  /**
   * Absolute URLs of the originals as the API exposes them, one per page; for a placeholder, the
   * placeholder image.
   */
  readonly originalUrls: readonly string[];
  /** The ugoira zips (`null` for other types). */
  readonly zipUrls: { readonly medium: string; readonly large: string } | null;
}

export interface FakeComment {
  readonly id: number;
  readonly illustId: number;
  readonly userId: number;
  readonly comment: string;
  readonly date: string;
  /** A stamp comment has an empty `comment` and a stamp. */
  readonly stampId: number | null;
  /** The comment this one replies to (`null` for a top-level comment). */
  readonly parentId: number | null;
  readonly replyCount: number;
}

export interface FakeBookmark {
  readonly bookmarkId: number;
  readonly illustId: number;
  readonly restrict: Visibility;
  readonly tags: readonly string[];
}

export interface FakeFollow {
  readonly userId: number;
  readonly restrict: Visibility;
}

/** Ids worth knowing in a test or a demo. */
export interface FakeWorldSamples {
  /** A single-page illustration of the showcase user. */
  readonly singleIllustId: number;
  /** A multi-page manga (3 or more pages) of the showcase user, in a series. */
  readonly multiPageIllustId: number;
  readonly ugoiraIllustId: number;
  readonly seriesIllustId: number;
  /** A work served as the `limit_sanity_level` placeholder. */
  readonly placeholderIllustId: number;
  /** An R-18 work (`x_restrict: 1`). */
  readonly r18IllustId: number;
  /** An id no work has (404). */
  readonly missingIllustId: number;
  /** A work with 45 top-level comments (two pages). */
  readonly commentedIllustId: number;
  /** A comment of `commentedIllustId` with 35 replies (two pages). */
  readonly commentWithRepliesId: number;
  /** A user whose detail answers 403 "Your access is currently restricted." */
  readonly restrictedUserId: number;
  /** A user id nobody has (404). */
  readonly missingUserId: number;
}

export const RANKING_MODES = [
  'day', 'week', 'month', 'day_male', 'day_female', 'week_original', 'week_rookie', 'day_manga',
  'week_manga', 'month_manga', 'week_rookie_manga', 'day_r18', 'day_male_r18', 'day_female_r18',
  'week_r18', 'week_r18g',
] as const;
export type RankingMode = (typeof RANKING_MODES)[number];

export type SearchTarget = 'partial_match_for_tags' | 'exact_match_for_tags' | 'title_and_caption';
export type SearchSort = 'date_desc' | 'date_asc' | 'popular_desc';
export type SearchDuration = 'within_last_day' | 'within_last_week' | 'within_last_month';

const USER_BASE = 20_000_041;
const USER_STRIDE = 1_237;
const WORK_BASE = 100_000_000;
const BOOKMARK_BASE = 20_000_000_000;
const SERIES_BASE = 100_000;
/** The newest work is created shortly before this instant (2025-02-01T12:00:00+09:00). */
const WORLD_END = Date.UTC(2025, 1, 1, 3, 0, 0);
const WORLD_SPAN_MS = 5 * 365 * 24 * 3600 * 1000;
const RANKING_SIZE = 150;
const RELATED_SIZE = 150;
const RECOMMENDED_SIZE = 300;
const MAX_COMMENTS = 99;

const ACCOUNT = 0;
const SHOWCASE = 1;
const PROLIFIC = 2;
const RESTRICTED = 3;
const PLACEHOLDER_HOST = 4;

interface Skeleton {
  readonly type: WorkType;
  readonly pageCount: number;
  readonly placeholder: PlaceholderKind | null;
  readonly xRestrict: 0 | 1 | 2;
}

interface UserState {
  readonly bookmarks: FakeBookmark[];
  readonly byIllust: Map<number, FakeBookmark>;
}

/** Formats an epoch-ms instant as Pixiv does: `2025-02-01T12:00:00+09:00`. */
export function jstIso(ms: number): string {
  const d = new Date(ms + 9 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+09:00`
  );
}

/** 32 hex digits, like the hashes in pximg avatar file names. */
function hex32(...parts: readonly (number | string)[]): string {
  return [0, 1, 2, 3].map((i) => hash(...parts, i).toString(16).padStart(8, '0')).join('');
}

function jstDatePath(ms: number): string {
  return jstIso(ms).slice(0, 19).replace(/[-T:]/g, '/');
}

export class FakeWorld {
  readonly seed: number;
  /** The account `server.refreshToken` logs into. */
  readonly accountId: number;
  /** A user with ~100 works: singles, multi-page, ugoira, series (no placeholders). */
  readonly showcaseUserId: number;
  /** A user with `prolificWorks` works (all listed by `type=illust`; every 7th has 2 pages), for benchmarks. */
  readonly prolificUserId: number;
  readonly samples: FakeWorldSamples;
  /** Every user, in index order. */
  readonly users: readonly FakeUser[];
  /** The world's "now": an hour after the newest work. Durations and the default ranking date use it. */
  readonly now: number;

  private readonly userCount: number;
  private readonly counts: readonly number[];
  private readonly maxCount: number;
  private readonly stepMs: number;
  private readonly works = new Map<number, FakeIllustration>();
  private readonly deleted = new Set<number>();
  private readonly states = new Map<number, UserState>();
  private readonly follows = new Map<number, readonly FakeFollow[]>();
  private readonly followSets = new Map<number, Set<number>>();
  private followerIndex: Map<number, number[]> | undefined;
  private readonly typeIndexes = new Map<string, Int32Array>();
  private readonly listCache = new Map<string, readonly number[]>();
  private readonly repliesCache = new Map<number, number>();
  private nextBookmarkId: number;

  constructor(
    private readonly options: ResolvedOptions,
    /** Origin of the image host, e.g. `http://127.0.0.1:40123`. */
    readonly imageBaseUrl: string,
  ) {
    this.seed = options.seed;
    const U = options.users;
    this.userCount = U;
    const counts: number[] = [];
    for (let k = 0; k < U; k++) counts.push(this.countFor(k));
    this.counts = counts;
    this.maxCount = Math.max(1, ...counts);
    const slots = this.maxCount * U;
    this.stepMs = Math.max(60_000, Math.floor(WORLD_SPAN_MS / slots / 1000) * 1000);
    this.now = this.timeOfSlot(slots - 1) + 3600_000;
    this.nextBookmarkId = BOOKMARK_BASE + 1_000_000 * U;
    this.users = counts.map((count, k) => this.makeUser(k, count));
    this.accountId = this.userIdOf(ACCOUNT);
    this.showcaseUserId = this.userIdOf(SHOWCASE);
    this.prolificUserId = this.userIdOf(PROLIFIC);
    this.samples = this.findSamples();
  }

  // ---- users ---------------------------------------------------------------------------------

  user(id: number): FakeUser | undefined {
    const k = this.userIndex(id);
    return k === undefined ? undefined : this.users[k];
  }

  /** Users `userId` follows, newest follow first. Other users' private follows are included. */
  followingOf(userId: number, restrict?: Visibility): readonly FakeFollow[] {
    const all = this.followsOf(userId);
    return restrict ? all.filter((follow) => follow.restrict === restrict) : all;
  }

  /** Users following `userId` (publicly), in a stable order. */
  followersOf(userId: number): readonly number[] {
    if (!this.followerIndex) {
      const index = new Map<number, number[]>();
      for (const user of this.users) {
        for (const follow of this.followsOf(user.id)) {
          if (follow.restrict !== 'public') continue;
          let list = index.get(follow.userId);
          if (!list) index.set(follow.userId, (list = []));
          list.push(user.id);
        }
      }
      this.followerIndex = index;
    }
    return this.followerIndex.get(userId) ?? [];
  }

  isFollowing(viewerId: number, userId: number): boolean {
    let set = this.followSets.get(viewerId);
    if (!set) {
      set = new Set(this.followsOf(viewerId).map((follow) => follow.userId));
      this.followSets.set(viewerId, set);
    }
    return set.has(userId);
  }

  // ---- works ---------------------------------------------------------------------------------

  /** The work with this id, or `undefined` when there is none or it was deleted. */
  illustration(id: number): FakeIllustration | undefined {
    if (this.deleted.has(id)) return undefined;
    const at = this.locate(id);
    return at && this.work(at.k, at.r);
  }

  /** Ids of a user's works, newest first, optionally of one listing type (`illust` includes ugoira). */
  illustrationIdsOf(userId: number, type?: 'illust' | 'manga'): readonly number[] {
    const k = this.userIndex(userId);
    if (k === undefined) return [];
    const index = this.typeIndex(k, type);
    const ids: number[] = [];
    for (const r of index) {
      const id = this.workId(k, r);
      if (!this.deleted.has(id)) ids.push(id);
    }
    return ids;
  }

  /** A user's works, newest first (generated on the call: cheap, but O(works)). */
  illustrationsOf(userId: number, type?: 'illust' | 'manga'): FakeIllustration[] {
    return this.illustrationIdsOf(userId, type).map((id) => this.illustration(id) as FakeIllustration);
  }

  /** How many works `listUserWork` can reach for this user and type (deleted ones included). */
  userWorkCount(userId: number, type?: 'illust' | 'manga'): number {
    const k = this.userIndex(userId);
    return k === undefined ? 0 : this.typeIndex(k, type).length;
  }

  /** The `position`-th newest work of the user's listing (`undefined` past the end or if deleted). */
  userWorkAt(userId: number, type: 'illust' | 'manga' | undefined, position: number): FakeIllustration | undefined {
    const k = this.userIndex(userId);
    if (k === undefined) return undefined;
    const index = this.typeIndex(k, type);
    if (position < 0 || position >= index.length) return undefined;
    return this.illustration(this.workId(k, index[position] as number));
  }

  /** Marks a work deleted: its detail answers 404 and listings skip it. */
  deleteIllustration(id: number): void {
    this.deleted.add(id);
  }

  // ---- comments ------------------------------------------------------------------------------

  /** Top-level comments of a work, newest first. */
  commentsOf(illustId: number): FakeComment[] {
    const work = this.illustration(illustId);
    if (!work) return [];
    const count = this.topCommentCount(work);
    const comments: FakeComment[] = [];
    for (let c = 0; c < count; c++) comments.push(this.comment(work, c, 0));
    return comments;
  }

  /** Replies to a comment, newest first (`undefined` when there is no such comment). */
  repliesOf(commentId: number): FakeComment[] | undefined {
    const parent = this.commentById(commentId);
    if (!parent || parent.parentId !== null) return parent ? [] : undefined;
    const work = this.illustration(parent.illustId) as FakeIllustration;
    const c = this.commentSlot(commentId).c;
    const replies: FakeComment[] = [];
    for (let q = 1; q <= parent.replyCount; q++) replies.push(this.comment(work, c, q));
    return replies;
  }

  commentById(commentId: number): FakeComment | undefined {
    const { illustId, c, q } = this.commentSlot(commentId);
    const work = this.illustration(illustId);
    if (!work || c >= this.topCommentCount(work)) return undefined;
    if (q > 0 && q > this.replyCount(work, c)) return undefined;
    return this.comment(work, c, q);
  }

  // ---- bookmarks -----------------------------------------------------------------------------

  /** A user's bookmarks, newest first (the live state: `bookmark/add` and `delete` change it). */
  bookmarksOf(userId: number, restrict?: Visibility): readonly FakeBookmark[] {
    const state = this.state(userId);
    return restrict ? state.bookmarks.filter((b) => b.restrict === restrict) : state.bookmarks.slice();
  }

  bookmark(userId: number, illustId: number): FakeBookmark | undefined {
    return this.state(userId).byIllust.get(illustId);
  }

  /** Adds or updates a bookmark (a re-add keeps its place and takes the new visibility and tags). */
  addBookmark(userId: number, illustId: number, restrict: Visibility, tags: readonly string[]): FakeBookmark {
    const state = this.state(userId);
    const old = state.byIllust.get(illustId);
    const bookmark: FakeBookmark = {
      bookmarkId: old?.bookmarkId ?? this.nextBookmarkId++,
      illustId,
      restrict,
      tags: [...new Set(tags)],
    };
    if (old) state.bookmarks[state.bookmarks.indexOf(old)] = bookmark;
    else state.bookmarks.unshift(bookmark);
    state.byIllust.set(illustId, bookmark);
    return bookmark;
  }

  deleteBookmark(userId: number, illustId: number): boolean {
    const state = this.state(userId);
    const old = state.byIllust.get(illustId);
    if (!old) return false;
    state.byIllust.delete(illustId);
    state.bookmarks.splice(state.bookmarks.indexOf(old), 1);
    return true;
  }

  /** `{name, count}` of the tags a user gave their bookmarks, by name. */
  bookmarkTagsOf(userId: number, restrict: Visibility): { name: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const bookmark of this.state(userId).bookmarks) {
      if (bookmark.restrict !== restrict) continue;
      for (const tag of bookmark.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
    return [...counts]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, count]) => ({ name, count }));
  }

  // ---- lists ---------------------------------------------------------------------------------

  /** The ranking of a mode on a date (`YYYY-MM-DD`), up to 150 ids. */
  ranking(mode: RankingMode, date: string): readonly number[] {
    return this.cached(`ranking|${mode}|${date}`, () => {
      const end = Date.parse(`${date}T23:59:59+09:00`);
      const maxSlot = this.slotBefore(end);
      if (maxSlot < 0) return [];
      const manga = mode.includes('manga');
      const xRestrict = mode.endsWith('r18g') ? 2 : mode.includes('r18') ? 1 : 0;
      return this.pickWorks(rngFor(this.seed, 'ranking', mode, date), RANKING_SIZE, maxSlot, (w) => {
        if (w.placeholder || w.xRestrict !== xRestrict) return false;
        return manga ? w.type === 'manga' : true;
      });
    });
  }

  /** The date of the newest ranking (the day before the world's "now"). */
  get latestRankingDate(): string {
    return jstIso(this.now - 24 * 3600_000).slice(0, 10);
  }

  /** Works related to a work, in the order `/v2/illust/related` serves them. */
  related(illustId: number): readonly number[] {
    return this.cached(`related|${illustId}`, () =>
      this.pickWorks(rngFor(this.seed, 'related', illustId), RELATED_SIZE, Infinity, (w) =>
        w.id !== illustId && !w.placeholder && w.xRestrict === 0,
      ),
    );
  }

  /** The recommendation stream of a viewer for a content type. */
  recommended(viewerId: number, contentType: 'illust' | 'manga'): readonly number[] {
    return this.cached(`recommended|${viewerId}|${contentType}`, () =>
      this.pickWorks(rngFor(this.seed, 'recommended', viewerId, contentType), RECOMMENDED_SIZE, Infinity, (w) => {
        if (w.userId === viewerId || w.placeholder || w.xRestrict !== 0) return false;
        return contentType === 'manga' ? w.type === 'manga' : w.type !== 'manga';
      }),
    );
  }

  /** The following feed: works of the users `viewerId` follows with `restrict`, newest first. */
  followingFeed(viewerId: number, restrict: Visibility): readonly number[] {
    return this.cached(`follow|${viewerId}|${restrict}`, () => {
      const ids: number[] = [];
      for (const follow of this.followingOf(viewerId, restrict)) {
        ids.push(...this.illustrationIdsOf(follow.userId));
      }
      return ids.sort((a, b) => b - a);
    }).filter((id) => !this.deleted.has(id));
  }

  /** Trending tags: `{tag, illustId}` pairs, each work carrying its tag. */
  trendingTags(): readonly { tag: FakeTag; illustId: number }[] {
    const ids = this.cached('trending', () => {
      const rng = rngFor(this.seed, 'trending');
      const seen = new Set<string>();
      const out: number[] = [];
      for (let attempt = 0; attempt < 400 && out.length < 40; attempt++) {
        const w = this.randomWork(rng, Infinity);
        if (!w || w.placeholder || w.xRestrict !== 0) continue;
        const tag = w.tags.find((t) => !seen.has(t.name) && ORDINARY_TAGS.includes(TAGS.indexOf(t)));
        if (!tag) continue;
        seen.add(tag.name);
        out.push(w.id, TAGS.indexOf(tag));
      }
      return out;
    });
    const result: { tag: FakeTag; illustId: number }[] = [];
    for (let i = 0; i < ids.length; i += 2) {
      result.push({ illustId: ids[i] as number, tag: TAGS[ids[i + 1] as number] as FakeTag });
    }
    return result;
  }

  /**
   * Search results, in `sort` order. The first search for a word scans the world once (O(works));
   * its result is cached.
   */
  search(word: string, target: SearchTarget, sort: SearchSort, duration?: SearchDuration): readonly number[] {
    const terms = word
      .toLowerCase()
      .split(/[\s\u3000]+/)
      .filter(Boolean);
    const all = this.cached(`search|${target}|${terms.join(' ')}`, () => {
      // per term, the vocabulary tags it matches; then a scan of tag indexes, not of whole works
      const tagSets = terms.map(
        (term) =>
          new Set(
            TAGS.flatMap((tag, i) => {
              const name = tag.name.toLowerCase();
              const hit =
                target === 'exact_match_for_tags' ? name === term : name.includes(term) || !!tag.en?.toLowerCase().includes(term);
              return hit ? [i] : [];
            }),
          ),
      );
      const ids: number[] = [];
      for (let k = 0; k < this.userCount; k++) {
        for (let r = 0; r < (this.counts[k] as number); r++) {
          const id = this.workId(k, r);
          if (target === 'title_and_caption') {
            const { title, caption } = this.textOf(id);
            const text = `${title}\n${caption}`.toLowerCase();
            if (terms.every((term) => text.includes(term))) ids.push(id);
          } else {
            const tags = this.tagIndexesOf(id, this.skeleton(k, r));
            if (tagSets.every((set) => tags.some((i) => set.has(i)))) ids.push(id);
          }
        }
      }
      return ids.sort((a, b) => b - a);
    });
    let ids = all.filter((id) => !this.deleted.has(id));
    if (duration) {
      const days = duration === 'within_last_day' ? 1 : duration === 'within_last_week' ? 7 : 30;
      const from = this.slotBefore(this.now - days * 24 * 3600_000) + WORK_BASE;
      ids = ids.filter((id) => id > from);
    }
    if (sort === 'date_asc') return ids.reverse();
    if (sort === 'popular_desc') {
      // a placeholder shows total_bookmarks 0, so it sorts last
      const popularity = new Map(
        ids.map((id) => {
          const work = this.illustration(id);
          return [id, work && !work.placeholder ? work.totalBookmarks : 0];
        }),
      );
      return ids.sort((a, b) => (popularity.get(b) as number) - (popularity.get(a) as number) || b - a);
    }
    return ids;
  }

  // ---- image paths ---------------------------------------------------------------------------

  /** @internal The path of a page's image of a size (`square_medium`, `medium`, `large`, `original`). */
  imagePath(work: FakeIllustration, page: number, size: 'square_medium' | 'medium' | 'large' | 'original', webp: boolean): string {
    const base = work.type === 'ugoira' ? `${work.id}` : `${work.id}_p${page}`;
    const img = `img/${work.datePath}`;
    switch (size) {
      case 'square_medium':
        return `/c/${webp ? '360x360_10_webp' : '360x360_70'}/img-master/${img}/${base}_square1200.jpg`;
      case 'medium':
        return `/c/540x540_70/img-master/${img}/${base}_master1200.jpg`;
      case 'large':
        return `/c/${webp ? '600x1200_90_webp' : '600x1200_90'}/img-master/${img}/${base}_master1200.jpg`;
      case 'original':
        return work.type === 'ugoira'
          ? `/img-original/${img}/${work.id}_ugoira0.jpg`
          : `/img-original/${img}/${base}.${work.originalExtension}`;
    }
  }

  /** @internal */
  placeholderPath(kind: PlaceholderKind): string {
    return `/common/images/limit_${kind}_360.png`;
  }

  // ---- internals -----------------------------------------------------------------------------

  /** @internal Index of a user id (`undefined` for ids no user has). */
  userIndex(id: number): number | undefined {
    if (!Number.isSafeInteger(id)) return undefined;
    const offset = id - USER_BASE;
    if (offset < 0 || offset % USER_STRIDE !== 0) return undefined;
    const k = offset / USER_STRIDE;
    return k < this.userCount ? k : undefined;
  }

  /** @internal The id of the user with index `k`. */
  userIdOf(k: number): number {
    return USER_BASE + k * USER_STRIDE;
  }

  private countFor(k: number): number {
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

  private role(k: number): UserRole {
    return (['account', 'showcase', 'prolific', 'restricted'] as const)[k] ?? 'member';
  }

  private workId(k: number, r: number): number {
    return WORK_BASE + (this.maxCount - 1 - r) * this.userCount + k;
  }

  private locate(id: number): { k: number; r: number } | undefined {
    if (!Number.isSafeInteger(id)) return undefined;
    const slot = id - WORK_BASE;
    if (slot < 0) return undefined;
    const k = slot % this.userCount;
    const r = this.maxCount - 1 - Math.floor(slot / this.userCount);
    return r >= 0 && r < (this.counts[k] as number) ? { k, r } : undefined;
  }

  private timeOfSlot(slot: number): number {
    const total = this.maxCount * this.userCount;
    const jitter = hash(this.seed, 'time', slot) % this.stepMs;
    return WORLD_END - (total - slot) * this.stepMs + Math.floor(jitter / 1000) * 1000;
  }

  /** The largest slot created no later than `ms` (-1 when none). */
  private slotBefore(ms: number): number {
    const total = this.maxCount * this.userCount;
    const slot = total - Math.ceil((WORLD_END - ms) / this.stepMs) - 1;
    return Math.min(slot, total - 1);
  }

  private skeleton(k: number, r: number): Skeleton {
    const rng = rngFor(this.seed, 'skeleton', k, r);
    if (k === SHOWCASE) {
      if (r % 20 === 7) return { type: 'ugoira', pageCount: 1, placeholder: null, xRestrict: 0 };
      if (r % 10 === 1) return { type: 'manga', pageCount: rng.between(3, 6), placeholder: null, xRestrict: 0 };
      if (r % 10 === 4) return { type: 'illust', pageCount: 2, placeholder: null, xRestrict: 0 };
      return { type: 'illust', pageCount: 1, placeholder: null, xRestrict: 0 };
    }
    if (k === PROLIFIC) {
      if (r % 97 === 50) return { type: 'ugoira', pageCount: 1, placeholder: null, xRestrict: 0 };
      // every work is listed by type=illust (the client's default), so "N works" pages N works
      if (r % 7 === 3) return { type: 'illust', pageCount: 2, placeholder: null, xRestrict: 0 };
      return { type: 'illust', pageCount: 1, placeholder: null, xRestrict: 0 };
    }
    const roll = rng.next();
    const type: WorkType = roll < 0.72 ? 'illust' : roll < 0.92 ? 'manga' : 'ugoira';
    const pageCount =
      type === 'ugoira' ? 1 : type === 'manga' ? rng.between(1, 12) : rng.chance(0.15) ? rng.between(2, 4) : 1;
    const xRoll = rng.next();
    const xRestrict = xRoll < 0.88 ? 0 : xRoll < 0.98 ? 1 : 2;
    let placeholder: PlaceholderKind | null = null;
    if (k === PLACEHOLDER_HOST && r === 1) placeholder = 'sanity_level';
    else if (k !== ACCOUNT && rng.chance(0.04)) {
      placeholder = rng.pick(['sanity_level', 'sanity_level', 'unviewable', 'mypixiv', 'unknown', 'r18'] as const);
    }
    return { type, pageCount, placeholder, xRestrict };
  }

  private typeIndex(k: number, type: 'illust' | 'manga' | undefined): Int32Array {
    const key = `${k}|${type ?? ''}`;
    let index = this.typeIndexes.get(key);
    if (!index) {
      const count = this.counts[k] as number;
      const rs: number[] = [];
      for (let r = 0; r < count; r++) {
        if (!type) rs.push(r);
        else {
          const t = this.skeleton(k, r).type;
          if (type === 'manga' ? t === 'manga' : t !== 'manga') rs.push(r);
        }
      }
      index = Int32Array.from(rs);
      this.typeIndexes.set(key, index);
    }
    return index;
  }

  private work(k: number, r: number): FakeIllustration {
    const id = this.workId(k, r);
    const cached = this.works.get(id);
    if (cached) return cached;
    if (this.works.size > 200_000) this.works.clear();
    const work = this.makeWork(k, r, id);
    this.works.set(id, work);
    return work;
  }

  private makeWork(k: number, r: number, id: number): FakeIllustration {
    const sk = this.skeleton(k, r);
    const rng = rngFor(this.seed, 'work', id);
    const time = this.timeOfSlot(id - WORK_BASE);
    const datePath = jstDatePath(time);
    const aiType = this.aiTypeOf(id);
    const tagIndexes = this.tagIndexesOf(id, sk);
    const legacy = rng.chance(this.options.legacyFieldRate);
    let series: FakeIllustration['series'] = null;
    if (k === SHOWCASE && sk.type === 'manga') {
      const s = r < 50 ? 0 : 1;
      series = { id: SERIES_BASE + k * 4 + s, title: s === 0 ? '白昼夢の記録' : 'Blue Hour Diaries' };
    } else if (k !== SHOWCASE && sk.type === 'manga' && rng.chance(0.3)) {
      const s = rng.int(2);
      series = { id: SERIES_BASE + k * 4 + s, title: `${this.users[k]?.name ?? 'シリーズ'}の連載${s + 1}` };
    }
    const landscape = rng.chance(0.5);
    const [width, height] =
      sk.type === 'ugoira'
        ? rng.pick([[600, 600], [1280, 720], [1080, 1080]] as const)
        : sk.type === 'manga'
          ? [1200, 1700]
          : [landscape ? rng.between(1400, 3000) : rng.between(800, 1600), landscape ? rng.between(800, 1600) : rng.between(1400, 3000)];
    const totalView = Math.floor(Math.exp(rng.next() * 11.5)) + 50;
    const totalBookmarks = Math.floor(totalView * (0.02 + rng.next() * 0.18));
    const originalExtension = rng.chance(0.6) ? 'png' : 'jpg';
    const { title, caption } = this.textOf(id);
    const tools = rng.pick(TOOLS);
    const restrictionAttributes = !sk.placeholder && rng.chance(0.05) ? ['restricted_mode'] : undefined;
    const bookStyle: 0 | 1 = sk.type === 'manga' && rng.chance(0.3) ? 1 : 0;
    const sanityLevel = sk.xRestrict > 0 ? 6 : rng.chance(0.8) ? 2 : 4;
    const ugoiraFrames =
      sk.type === 'ugoira'
        ? Array.from({ length: rng.between(6, 24) }, (_, i) => ({
            file: `${String(i).padStart(6, '0')}.jpg`,
            delay: rng.pick([40, 50, 60, 70, 80, 100]),
          }))
        : null;
    const partial = {
      id,
      userId: this.userIdOf(k),
      type: sk.type,
      title,
      caption,
      createDate: jstIso(time),
      datePath,
      width,
      height,
      pageCount: sk.pageCount,
      tags: tagIndexes.map((i) => TAGS[i] as FakeTag),
      tools,
      xRestrict: sk.xRestrict,
      sanityLevel,
      series,
      totalView,
      totalBookmarks,
      totalComments: 0,
      aiType: legacy ? undefined : aiType,
      bookStyle: legacy ? undefined : bookStyle,
      restrictionAttributes,
      placeholder: sk.placeholder,
      originalExtension,
      ugoiraFrames,
      originalUrls: [] as string[],
      zipUrls: null as FakeIllustration['zipUrls'],
    } satisfies FakeIllustration;
    const base = this.imageBaseUrl;
    if (sk.placeholder) partial.originalUrls.push(base + this.placeholderPath(sk.placeholder));
    else {
      for (let page = 0; page < sk.pageCount; page++) {
        partial.originalUrls.push(base + this.imagePath(partial, page, 'original', false));
      }
    }
    if (sk.type === 'ugoira') {
      const zip = `${base}/img-zip-ugoira/img/${datePath}/${id}`;
      partial.zipUrls = { medium: `${zip}_ugoira600x600.zip`, large: `${zip}_ugoira1920x1080.zip` };
    }
    const top = sk.placeholder ? 0 : this.topCommentCountOf(id, k, r);
    let replies = 0;
    for (let c = 0; c < top; c++) replies += this.replyCountOf(id, k, r, c);
    partial.totalComments = top + replies;
    return partial;
  }

  private aiTypeOf(id: number): 0 | 1 | 2 {
    const roll = hash(this.seed, 'ai', id) / 4294967296;
    return roll < 0.3 ? 0 : roll < 0.92 ? 1 : 2;
  }

  /** Indexes into TAGS of a work's tags (cheap: search scans these, not whole works). */
  private tagIndexesOf(id: number, sk: Skeleton): number[] {
    const rng = rngFor(this.seed, 'tags', id);
    const tags: number[] = [];
    if (sk.xRestrict === 1) tags.push(R18_TAG);
    if (sk.xRestrict === 2) tags.push(R18G_TAG);
    if (sk.type === 'ugoira') tags.push(UGOIRA_TAG);
    if (sk.type === 'manga') tags.push(MANGA_TAG);
    if (this.aiTypeOf(id) === 2) tags.push(AI_TAG);
    tags.push(...rng.sample(ORDINARY_TAGS, rng.between(2, 8)));
    return tags;
  }

  private textOf(id: number): { title: string; caption: string } {
    const rng = rngFor(this.seed, 'text', id);
    const title = rng.chance(0.3) ? `${rng.pick(TITLE_WORDS)} ${rng.between(1, 30)}` : rng.pick(TITLE_WORDS);
    const caption = rng.chance(0.4)
      ? ''
      : rng.pick([
          '',
          'はじめての投稿です。<br />よろしくお願いします。',
          'Commission work.',
          '落書きです',
          '新作です！<br /><a href="https://www.pixiv.net/users/1" target="_blank">pixiv</a>',
        ]);
    return { title, caption };
  }

  private topCommentCountOf(id: number, k: number, r: number): number {
    if (k === SHOWCASE && r === 0) return 45;
    const rng = rngFor(this.seed, 'comments', id);
    const roll = rng.next();
    return roll < 0.5 ? 0 : roll < 0.9 ? rng.between(1, 8) : rng.between(9, 60);
  }

  private replyCountOf(id: number, k: number, r: number, c: number): number {
    if (k === SHOWCASE && r === 0) return c === 0 ? 35 : c % 4 === 2 ? 2 : 0;
    const h = hash(this.seed, 'replies', id, c);
    return h % 100 < 15 ? 1 + (h >>> 8) % 3 : 0;
  }

  private topCommentCount(work: FakeIllustration): number {
    if (work.placeholder) return 0;
    const at = this.locate(work.id) as { k: number; r: number };
    return this.topCommentCountOf(work.id, at.k, at.r);
  }

  private replyCount(work: FakeIllustration, c: number): number {
    const at = this.locate(work.id) as { k: number; r: number };
    return this.replyCountOf(work.id, at.k, at.r, c);
  }

  /** Comment ids: `illustId * 10000 + (99 - c) * 100 + q` (c: newest-first index, q: reply 1…). */
  private commentSlot(commentId: number): { illustId: number; c: number; q: number } {
    const illustId = Math.floor(commentId / 10_000);
    const rest = commentId % 10_000;
    const q = rest % 100 === 0 ? 0 : 100 - (rest % 100);
    return { illustId, c: MAX_COMMENTS - Math.floor(rest / 100), q };
  }

  private comment(work: FakeIllustration, c: number, q: number): FakeComment {
    const top = this.topCommentCount(work);
    const id = work.id * 10_000 + (MAX_COMMENTS - c) * 100 + (q === 0 ? 0 : 100 - q);
    const rng = rngFor(this.seed, 'comment', id);
    const replyCount = q === 0 ? this.replyCount(work, c) : 0;
    const created = Date.parse(work.createDate);
    const ageRank = q === 0 ? top - c : top - c + (replyCount - q + 1) / 100;
    const date = Math.min(created + Math.round(ageRank * 3_600_000) + rng.int(30) * 1000, this.now);
    const stamp = rng.chance(0.1);
    return {
      id,
      illustId: work.id,
      userId: this.randomMemberId(rng),
      comment: stamp ? '' : rng.pick(COMMENTS),
      date: jstIso(date),
      stampId: stamp ? 301 + rng.int(40) : null,
      parentId: q === 0 ? null : work.id * 10_000 + (MAX_COMMENTS - c) * 100,
      replyCount,
    };
  }

  private randomMemberId(rng: Rng): number {
    return this.userIdOf(4 + rng.int(this.userCount - 4));
  }

  private randomWork(rng: Rng, maxSlot: number): FakeIllustration | undefined {
    const k = rng.int(this.userCount);
    const count = this.counts[k] as number;
    if (count === 0) return undefined;
    const r = rng.int(count);
    const id = this.workId(k, r);
    if (id - WORK_BASE > maxSlot || this.deleted.has(id)) return undefined;
    return this.work(k, r);
  }

  private pickWorks(rng: Rng, size: number, maxSlot: number, accept: (work: FakeIllustration) => boolean): number[] {
    const ids = new Set<number>();
    for (let attempt = 0; attempt < size * 40 && ids.size < size; attempt++) {
      const w = this.randomWork(rng, maxSlot);
      if (w && accept(w)) ids.add(w.id);
    }
    return [...ids];
  }

  private cached(key: string, build: () => readonly number[]): readonly number[] {
    let value = this.listCache.get(key);
    if (!value) {
      if (this.listCache.size > 500) this.listCache.clear();
      value = build();
      this.listCache.set(key, value);
    }
    return value;
  }

  private makeUser(k: number, workCount: number): FakeUser {
    const rng = rngFor(this.seed, 'user', k);
    const syllables = Array.from({ length: rng.between(2, 4) }, () => rng.pick(SYLLABLES));
    const romaji = syllables.map(([r]) => r).join('');
    const kana = syllables.map(([, kanaText]) => kanaText).join('');
    const name = k === ACCOUNT ? 'テスト用アカウント' : rng.chance(0.5) ? kana : romaji[0]?.toUpperCase() + romaji.slice(1);
    const account = k === ACCOUNT ? 'pixiv_rx_tester' : `${romaji}_${k.toString(36)}`;
    const custom = k === SHOWCASE || k === PROLIFIC || rng.chance(0.8);
    const id = this.userIdOf(k);
    const avatarDate = jstDatePath(WORLD_END - rng.int(2000) * 24 * 3600_000);
    const profileImageUrl = custom
      ? `${this.imageBaseUrl}/user-profile/img/${avatarDate}/${hash(this.seed, 'avatar', k) % 30_000_000}_${hex32(this.seed, 'avatar', k)}_170.jpg`
      : `${this.imageBaseUrl}/common/images/no_profile.png`;
    return {
      id,
      role: this.role(k),
      name,
      account,
      mailAddress: `${account}@example.com`,
      comment: rng.chance(0.5) ? '' : rng.pick(['よろしくお願いします。', 'Illustrator.\r\nCommissions closed.', '絵を描いています', '趣味で描いてます🎨']),
      profileImageUrl,
      hasCustomProfileImage: custom,
      isPremium: k === ACCOUNT ? false : rng.chance(0.2),
      workCount,
    };
  }

  /** @internal Random but stable profile fields of a user (`/v1/user/detail`). */
  profileOf(userId: number): {
    webpage: string | null;
    gender: string;
    birth: string;
    birthDay: string;
    birthYear: number;
    region: string;
    addressId: number;
    countryCode: string;
    job: string;
    jobId: number;
    twitterAccount: string;
    backgroundImageUrl: string | null;
    publicity: 'public' | 'private';
  } {
    const k = this.userIndex(userId) ?? 0;
    const rng = rngFor(this.seed, 'profile', k);
    const [job, jobId] = rng.pick(JOBS);
    const region = rng.pick(REGIONS);
    const year = rng.chance(0.5) ? 0 : rng.between(1975, 2005);
    const day = rng.chance(0.5) ? '' : `${String(rng.between(1, 12)).padStart(2, '0')}-${String(rng.between(1, 28)).padStart(2, '0')}`;
    return {
      webpage: rng.chance(0.3) ? `https://example.com/${k}` : null,
      gender: rng.pick(['', 'male', 'female']),
      birth: year && day ? `${year}-${day}` : '',
      birthDay: day,
      birthYear: year,
      region,
      addressId: region.startsWith('日本') ? rng.between(1, 47) : region ? 48 : 0,
      countryCode: region.startsWith('日本') ? '' : region === 'China' ? 'CN' : region === 'Korea' ? 'KR' : region ? 'US' : '',
      job,
      jobId,
      twitterAccount: rng.chance(0.4) ? `tw_${k}` : '',
      backgroundImageUrl: rng.chance(0.3)
        ? `${this.imageBaseUrl}/c/1200x600_90_a2_g5/background/img/${jstDatePath(WORLD_END - rng.int(900) * 86_400_000)}/${userId}_${hex32(this.seed, 'bg', k)}_master1200.jpg`
        : null,
      publicity: rng.chance(0.3) ? 'private' : 'public',
    };
  }

  private followsOf(userId: number): readonly FakeFollow[] {
    const k = this.userIndex(userId);
    if (k === undefined) return [];
    let list = this.follows.get(k);
    if (!list) {
      const rng = rngFor(this.seed, 'follows', k);
      const out: FakeFollow[] = [];
      if (k === ACCOUNT) {
        out.push({ userId: this.userIdOf(SHOWCASE), restrict: 'public' });
        for (let m = 4; m < this.userCount; m++) {
          const roll = rng.next();
          if (roll < 0.6) out.push({ userId: this.userIdOf(m), restrict: 'public' });
          else if (roll < 0.67) out.push({ userId: this.userIdOf(m), restrict: 'private' });
        }
      } else if (k !== RESTRICTED) {
        if (k >= 4 && rng.chance(0.7)) out.push({ userId: this.userIdOf(ACCOUNT), restrict: 'public' });
        const wanted = rng.int(16);
        const seen = new Set([k, ACCOUNT, RESTRICTED]);
        for (let i = 0; i < wanted * 3 && out.length < wanted; i++) {
          const m = rng.int(this.userCount);
          if (seen.has(m)) continue;
          seen.add(m);
          out.push({ userId: this.userIdOf(m), restrict: rng.chance(0.9) ? 'public' : 'private' });
        }
      }
      list = rng.sample(out, out.length);
      this.follows.set(k, list);
    }
    return list;
  }

  private state(userId: number): UserState {
    let state = this.states.get(userId);
    if (state) return state;
    const k = this.userIndex(userId);
    const bookmarks: FakeBookmark[] = [];
    if (k !== undefined && k !== RESTRICTED) {
      const rng = rngFor(this.seed, 'bookmarks', k);
      const publicCount = k === ACCOUNT ? 70 : rng.int(41);
      const privateCount = k === ACCOUNT ? 10 : rng.int(6);
      const seen = new Set<number>();
      for (let attempt = 0; attempt < 2000 && seen.size < publicCount + privateCount; attempt++) {
        const w = this.randomWork(rng, Infinity);
        if (!w || w.userId === userId || seen.has(w.id)) continue;
        seen.add(w.id);
      }
      const ids = [...seen];
      const privateIndexes = new Set(rng.sample(ids.map((_, i) => i), privateCount));
      ids.forEach((illustId, i) => {
        const tags: string[] = [];
        const roll = rng.next();
        if (roll < 0.5) tags.push(...rng.sample(BOOKMARK_TAGS, rng.between(1, 2)));
        else if (roll < 0.7) {
          const work = this.illustration(illustId) as FakeIllustration;
          if (work.tags.length) tags.push(rng.pick(work.tags).name);
        }
        bookmarks.push({
          bookmarkId: BOOKMARK_BASE + i * this.userCount + k,
          illustId,
          restrict: privateIndexes.has(i) ? 'private' : 'public',
          tags,
        });
      });
      bookmarks.reverse();
    }
    state = { bookmarks, byIllust: new Map(bookmarks.map((b) => [b.illustId, b])) };
    this.states.set(userId, state);
    return state;
  }

  private findSamples(): FakeWorldSamples {
    const showcase = this.counts[SHOWCASE] as number;
    const find = (k: number, accept: (w: FakeIllustration) => boolean): number => {
      for (let r = 0; r < (this.counts[k] as number); r++) {
        const w = this.work(k, r);
        if (accept(w)) return w.id;
      }
      return -1;
    };
    let r18 = -1;
    for (let k = 4; k < this.userCount && r18 < 0; k++) r18 = find(k, (w) => w.xRestrict === 1 && !w.placeholder);
    const commented = showcase > 0 ? this.workId(SHOWCASE, 0) : -1;
    return {
      singleIllustId: find(SHOWCASE, (w) => w.type === 'illust' && w.pageCount === 1),
      multiPageIllustId: find(SHOWCASE, (w) => w.pageCount >= 3),
      ugoiraIllustId: find(SHOWCASE, (w) => w.type === 'ugoira'),
      seriesIllustId: find(SHOWCASE, (w) => w.series !== null),
      placeholderIllustId: this.workId(PLACEHOLDER_HOST, 1),
      r18IllustId: r18,
      missingIllustId: WORK_BASE + this.maxCount * this.userCount + 1234,
      commentedIllustId: commented,
      commentWithRepliesId: commented * 10_000 + MAX_COMMENTS * 100,
      restrictedUserId: this.userIdOf(RESTRICTED),
      missingUserId: USER_BASE + 7,
    };
  }
}
