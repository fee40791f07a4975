import { ENVELOPES, apiError } from './envelopes';
import { all, buildQuery, first, type ParsedParams } from './params';
import { json, type FakeRequest, type Reply } from './reply';
import { languageOf, type Serializer, type Viewer } from './serialize';
import {
  RANKING_MODES,
  type FakeIllustration,
  type FakeUser,
  type FakeWorld,
  type RankingMode,
  type SearchDuration,
  type SearchSort,
  type SearchTarget,
  type Visibility,
} from './world';

/** Every list page holds at most this many items. */
export const PAGE_SIZE = 30;
/** Search refuses offsets past this: 400 `{"offset":["Offset must be no more than 5000"]}`. */
export const MAX_SEARCH_OFFSET = 5000;
/** `max_bookmark_id_for_recommend` counts down from here (a value from a real next_url). */
const RECOMMEND_BASE = 23_491_334_813;
/** `min_bookmark_id_for_recent_illust` of the recommended next_urls (a value from a real next_url). */
const RECENT_MIN = 28_694_690_028;
/** Recommended items per `max_bookmark_id_for_recommend` block (the 2025 pages had 90 illusts). */
const RECOMMEND_BLOCK = 90;

/** An endpoint: what it answers, given the request and the authenticated viewer. */
type Handler = (request: FakeRequest, viewer: Viewer) => Reply;

/** A failed validation, answered as Pixiv does. */
class Refusal {
  constructor(readonly reply: Reply) {}
}

function refuse(status: number, body: unknown): never {
  throw new Refusal(json(status, body));
}

function invalid(field: string, message: string): never {
  refuse(400, ENVELOPES.invalidParams({ [field]: [message] }));
}

function id(params: ParsedParams, name: string): number {
  const value = first(params, name);
  if (value === undefined || value === '') invalid(name, `${name} is required`);
  if (!/^\d{1,15}$/.test(value) || Number(value) <= 0) invalid(name, `${name} must be a positive integer`);
  return Number(value);
}

function offset(params: ParsedParams): number {
  const value = first(params, 'offset');
  if (value === undefined || value === '') return 0;
  if (!/^\d{1,9}$/.test(value)) invalid('offset', 'Offset must be an integer');
  return Number(value);
}

function oneOf<T extends string>(params: ParsedParams, name: string, values: readonly T[], fallback?: T): T {
  const value = first(params, name) ?? fallback;
  if (value === undefined) invalid(name, `${name} is required`);
  if (!values.includes(value as T)) invalid(name, `${name} is invalid`);
  return value as T;
}

const VISIBILITIES = ['public', 'private'] as const;

/** The app-api endpoints of PROTOCOL.md, over the fake world. */
export class ApiRoutes {
  private readonly routes: Record<string, Handler>;

  constructor(
    private readonly world: FakeWorld,
    private readonly serializer: Serializer,
    private readonly apiBaseUrl: string,
  ) {
    this.routes = {
      'GET /v1/search/illust': (r, v) => this.searchIllust(r, v),
      'GET /v1/illust/detail': (r, v) => json(200, { illust: this.illustBody(this.work(r.query), v, 'detail') }),
      'GET /v3/illust/comments': (r) => this.comments(r),
      'GET /v2/illust/comment/replies': (r) => this.replies(r),
      'GET /v2/illust/related': (r, v) => this.related(r, v),
      'GET /v2/illust/follow': (r, v) => this.followFeed(r, v),
      'GET /v1/illust/recommended': (r, v) => this.recommended(r, v),
      'GET /v1/illust/ranking': (r, v) => this.ranking(r, v),
      'GET /v1/trending-tags/illust': (_, v) => this.trendingTags(v),
      'GET /v2/illust/bookmark/detail': (r, v) => this.bookmarkDetail(r, v),
      'POST /v2/illust/bookmark/add': (r, v) => this.addBookmark(r, v),
      'POST /v1/illust/bookmark/delete': (r, v) => this.deleteBookmark(r, v),
      'GET /v1/user/detail': (r, v) => json(200, this.serializer.userDetail(this.user(r.query, true), v)),
      'GET /v1/user/illusts': (r, v) => this.userIllusts(r, v),
      'GET /v1/user/bookmarks/illust': (r, v) => this.userBookmarks(r, v),
      'GET /v1/user/bookmark-tags/illust': (r, v) => this.bookmarkTags(r, v),
      'GET /v1/user/following': (r, v) => this.following(r, v),
      'GET /v1/user/follower': (r, v) => this.followers(r, v),
      'GET /v1/ugoira/metadata': (r) => this.ugoiraMetadata(r),
    };
  }

  /** Whether a path is an endpoint (with any method). */
  has(method: string, path: string): boolean {
    return `${method} ${path}` in this.routes;
  }

  /** Answers an authenticated request. */
  handle(request: FakeRequest, userId: number): Reply {
    const handler = this.routes[`${request.method === 'HEAD' ? 'GET' : request.method} ${request.path}`];
    // removed and unknown endpoints (e.g. /v1/illust/comments since v3) answer this 404
    if (!handler) return json(404, ENVELOPES.endpointMissing());
    const viewer: Viewer = { userId, language: languageOf(request.headers['accept-language']) };
    try {
      return handler(request, viewer);
    } catch (error) {
      if (error instanceof Refusal) return error.reply;
      throw error;
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private nextUrl(path: string, pairs: readonly (readonly [string, string | number | boolean | undefined])[]): string {
    return `${this.apiBaseUrl}${path}?${buildQuery(pairs)}`;
  }

  private work(params: ParsedParams, name = 'illust_id'): FakeIllustration {
    const work = this.world.illustration(id(params, name));
    if (!work) refuse(404, ENVELOPES.workNotFound());
    return work;
  }

  private user(params: ParsedParams, detail = false): FakeUser {
    const user = this.world.user(id(params, 'user_id'));
    if (!user) refuse(404, ENVELOPES.userNotFound());
    if (detail && user.role === 'restricted') refuse(403, ENVELOPES.accessRestricted());
    return user;
  }

  private illustBody(work: FakeIllustration, viewer: Viewer, variant: 'detail' | 'list' | 'list-with-comments' = 'list') {
    return this.serializer.illust(work, viewer, variant);
  }

  private illusts(ids: readonly number[], viewer: Viewer): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const illustId of ids) {
      const work = this.world.illustration(illustId);
      if (work) out.push(this.illustBody(work, viewer));
    }
    return out;
  }

  // ---- endpoints -----------------------------------------------------------------------------

  private searchIllust(request: FakeRequest, viewer: Viewer): Reply {
    const q = request.query;
    const word = first(q, 'word');
    if (!word?.trim()) invalid('word', 'word is required');
    const target = oneOf<SearchTarget>(q, 'search_target', ['partial_match_for_tags', 'exact_match_for_tags', 'title_and_caption'], 'partial_match_for_tags');
    const sort = oneOf<SearchSort>(q, 'sort', ['date_desc', 'date_asc', 'popular_desc'], 'date_desc');
    const duration = first(q, 'duration')
      ? oneOf<SearchDuration>(q, 'duration', ['within_last_day', 'within_last_week', 'within_last_month'])
      : undefined;
    const start = offset(q);
    if (start > MAX_SEARCH_OFFSET) invalid('offset', `Offset must be no more than ${MAX_SEARCH_OFFSET}`);
    const ids = this.world.search(word, target, sort, duration);
    const next = start + PAGE_SIZE;
    return json(200, {
      illusts: this.illusts(ids.slice(start, next), viewer),
      next_url:
        next < ids.length && next <= MAX_SEARCH_OFFSET
          ? this.nextUrl(request.path, [
              ['search_target', target],
              ['sort', sort],
              ['word', word],
              ['filter', first(q, 'filter')],
              ['duration', duration],
              ['offset', next],
            ])
          : null,
      search_span_limit: 31_536_000,
    });
  }

  private comments(request: FakeRequest): Reply {
    const work = this.work(request.query);
    const start = offset(request.query);
    const comments = this.world.commentsOf(work.id);
    const next = start + PAGE_SIZE;
    return json(200, {
      total_comments: work.totalComments,
      comments: comments.slice(start, next).map((comment) => this.serializer.comment(comment)),
      next_url: next < comments.length ? this.nextUrl(request.path, [['illust_id', work.id], ['offset', next]]) : null,
      comment_access_control: 0,
    });
  }

  private replies(request: FakeRequest): Reply {
    const commentId = id(request.query, 'comment_id');
    const replies = this.world.repliesOf(commentId);
    if (!replies) refuse(404, apiError('', 'Comment not found'));
    const start = offset(request.query);
    const next = start + PAGE_SIZE;
    return json(200, {
      comments: replies.slice(start, next).map((comment) => this.serializer.comment(comment)),
      next_url: next < replies.length ? this.nextUrl(request.path, [['comment_id', commentId], ['offset', next]]) : null,
    });
  }

  private related(request: FakeRequest, viewer: Viewer): Reply {
    const q = request.query;
    const work = this.work(q);
    const viewed = all(q, 'viewed');
    const seen = new Set(viewed.map(Number));
    const candidates = this.world.related(work.id).filter((candidate) => !seen.has(candidate));
    const start = offset(q);
    const served = candidates.slice(start, start + PAGE_SIZE);
    const more = start + PAGE_SIZE < candidates.length;
    const seeds = all(q, 'seed_illust_ids');
    const nextViewed = [...viewed, ...served.map(String)];
    return json(200, {
      illusts: this.illusts(served, viewer),
      // the cursor is the growing viewed[] list, not an offset (see the 2025 fixture)
      next_url: more
        ? this.nextUrl(request.path, [
            ['illust_id', work.id],
            ['filter', first(q, 'filter')],
            ...(seeds.length ? seeds : [String(work.id)]).map((seed, i) => [`seed_illust_ids[${i}]`, seed] as const),
            ...nextViewed.map((viewedId, i) => [`viewed[${i}]`, viewedId] as const),
          ])
        : null,
    });
  }

  private followFeed(request: FakeRequest, viewer: Viewer): Reply {
    const restrict = oneOf<Visibility>(request.query, 'restrict', VISIBILITIES);
    const feed = this.world.followingFeed(viewer.userId, restrict);
    const start = offset(request.query);
    const next = start + PAGE_SIZE;
    return json(200, {
      illusts: this.illusts(feed.slice(start, next), viewer),
      next_url: next < feed.length ? this.nextUrl(request.path, [['restrict', restrict], ['offset', next]]) : null,
    });
  }

  private recommended(request: FakeRequest, viewer: Viewer): Reply {
    const q = request.query;
    const contentType = oneOf<'illust' | 'manga'>(q, 'content_type', ['illust', 'manga'], 'illust');
    const max = first(q, 'max_bookmark_id_for_recommend');
    let base = 0;
    if (max !== undefined && max !== '' && max !== '-1') {
      if (!/^\d+$/.test(max) || Number(max) > RECOMMEND_BASE) invalid('max_bookmark_id_for_recommend', 'is invalid');
      base = RECOMMEND_BASE - Number(max);
    }
    const min = first(q, 'min_bookmark_id_for_recent_illust');
    if (min !== undefined && min !== '' && !/^\d+$/.test(min)) invalid('min_bookmark_id_for_recent_illust', 'is invalid');
    // the position is the pair's block plus the offset inside it: a client must send both back
    const position = base + offset(q);
    const list = this.world.recommended(viewer.userId, contentType);
    const next = position + PAGE_SIZE;
    const block = Math.floor(next / RECOMMEND_BLOCK) * RECOMMEND_BLOCK;
    const withRanking = first(q, 'include_ranking_illusts') === 'true' && position === 0;
    return json(200, {
      illusts: this.illusts(list.slice(position, next), viewer),
      ranking_illusts: withRanking
        ? this.illusts(this.world.ranking('day', this.world.latestRankingDate).slice(0, 3), viewer)
        : [],
      contest_exists: false,
      privacy_policy: {},
      next_url:
        next < list.length
          ? this.nextUrl(request.path, [
              ['content_type', contentType],
              ['include_ranking_label', 'true'],
              ['filter', first(q, 'filter')],
              ['min_bookmark_id_for_recent_illust', RECENT_MIN],
              ['max_bookmark_id_for_recommend', RECOMMEND_BASE - block],
              ['offset', next - block],
              ['include_ranking_illusts', 'false'],
              ['include_privacy_policy', 'false'],
            ])
          : null,
    });
  }

  private ranking(request: FakeRequest, viewer: Viewer): Reply {
    const q = request.query;
    const mode = oneOf<RankingMode>(q, 'mode', RANKING_MODES, 'day');
    const date = first(q, 'date');
    if (date !== undefined && date !== '') {
      const parsed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
      const valid =
        parsed !== null &&
        new Date(Date.UTC(Number(parsed[1]), Number(parsed[2]) - 1, Number(parsed[3]))).toISOString().slice(0, 10) === date;
      if (!valid) invalid('date', 'date is invalid');
    }
    const ids = this.world.ranking(mode, date || this.world.latestRankingDate);
    const start = offset(q);
    const next = start + PAGE_SIZE;
    return json(200, {
      illusts: this.illusts(ids.slice(start, next), viewer),
      next_url:
        next < ids.length
          ? this.nextUrl(request.path, [
              ['mode', mode],
              ['filter', first(q, 'filter')],
              ['date', date || undefined],
              ['offset', next],
            ])
          : null,
    });
  }

  private trendingTags(viewer: Viewer): Reply {
    return json(200, {
      trend_tags: this.world.trendingTags().map(({ tag, illustId }) => ({
        tag: tag.name,
        translated_name: viewer.language ? tag[viewer.language] : null,
        illust: this.illustBody(this.world.illustration(illustId) as FakeIllustration, viewer),
      })),
    });
  }

  private bookmarkDetail(request: FakeRequest, viewer: Viewer): Reply {
    const work = this.work(request.query);
    const bookmark = this.world.bookmark(viewer.userId, work.id);
    const registered = new Set(bookmark?.tags ?? []);
    const names = [...new Set([...work.tags.map((tag) => tag.name), ...registered])];
    return json(200, {
      bookmark_detail: {
        is_bookmarked: bookmark !== undefined,
        tags: names.map((name) => ({ name, is_registered: registered.has(name) })),
        restrict: bookmark?.restrict ?? 'public',
      },
    });
  }

  private addBookmark(request: FakeRequest, viewer: Viewer): Reply {
    const work = this.work(request.form);
    const restrict = oneOf<Visibility>(request.form, 'restrict', VISIBILITIES, 'public');
    const tags = all(request.form, 'tags').flatMap((tag) => tag.split(/[\s\u3000]+/)).filter(Boolean);
    if (tags.length > 10) invalid('tags', 'Too many tags');
    this.world.addBookmark(viewer.userId, work.id, restrict, tags);
    return json(200, {});
  }

  private deleteBookmark(request: FakeRequest, viewer: Viewer): Reply {
    const work = this.work(request.form);
    this.world.deleteBookmark(viewer.userId, work.id);
    return json(200, {});
  }

  private userIllusts(request: FakeRequest, viewer: Viewer): Reply {
    const q = request.query;
    const user = this.user(q, true);
    const typeParam = first(q, 'type');
    const type = typeParam ? oneOf<'illust' | 'manga'>(q, 'type', ['illust', 'manga']) : undefined;
    const start = offset(q);
    const count = this.world.userWorkCount(user.id, type);
    const next = start + PAGE_SIZE;
    const items: Record<string, unknown>[] = [];
    for (let position = start; position < Math.min(next, count); position++) {
      const work = this.world.userWorkAt(user.id, type, position);
      if (work) items.push(this.illustBody(work, viewer, 'list-with-comments'));
    }
    return json(200, {
      illusts: items,
      next_url:
        next < count
          ? this.nextUrl(request.path, [
              ['user_id', user.id],
              ['type', type],
              ['filter', first(q, 'filter')],
              ['offset', next],
            ])
          : null,
    });
  }

  private userBookmarks(request: FakeRequest, viewer: Viewer): Reply {
    const q = request.query;
    const user = this.user(q);
    const restrict = oneOf<Visibility>(q, 'restrict', VISIBILITIES, 'public');
    const tag = first(q, 'tag');
    const maxParam = first(q, 'max_bookmark_id');
    if (maxParam !== undefined && maxParam !== '' && !/^\d+$/.test(maxParam)) invalid('max_bookmark_id', 'is invalid');
    const max = maxParam ? Number(maxParam) : Infinity;
    // another user's private bookmarks are not shown
    const visible = restrict === 'private' && user.id !== viewer.userId ? [] : this.world.bookmarksOf(user.id, restrict);
    const list = visible.filter(
      (b) => b.bookmarkId <= max && (!tag || b.tags.includes(tag)) && this.world.illustration(b.illustId),
    );
    const page = list.slice(0, PAGE_SIZE);
    const following = list[PAGE_SIZE];
    return json(200, {
      illusts: this.illusts(page.map((b) => b.illustId), viewer),
      next_url: following
        ? this.nextUrl(request.path, [
            ['user_id', user.id],
            ['restrict', restrict],
            ['filter', first(q, 'filter')],
            ['tag', tag || undefined],
            ['max_bookmark_id', following.bookmarkId],
          ])
        : null,
    });
  }

  private bookmarkTags(request: FakeRequest, viewer: Viewer): Reply {
    const q = request.query;
    const user = this.user(q);
    const restrict = oneOf<Visibility>(q, 'restrict', VISIBILITIES, 'public');
    const tags = restrict === 'private' && user.id !== viewer.userId ? [] : this.world.bookmarkTagsOf(user.id, restrict);
    const start = offset(q);
    const next = start + PAGE_SIZE;
    return json(200, {
      bookmark_tags: tags.slice(start, next),
      next_url:
        next < tags.length
          ? this.nextUrl(request.path, [['user_id', user.id], ['restrict', restrict], ['offset', next]])
          : null,
    });
  }

  private previews(userIds: readonly number[], viewer: Viewer): Record<string, unknown>[] {
    return userIds.map((userId) => {
      const user = this.world.user(userId) as FakeUser;
      const works: number[] = [];
      for (let position = 0; works.length < 3 && position < 10; position++) {
        const work = this.world.userWorkAt(userId, undefined, position);
        if (!work) break;
        if (!work.placeholder) works.push(work.id);
      }
      return {
        user: this.serializer.userRef(user, viewer),
        illusts: this.illusts(works, viewer),
        novels: [],
        is_muted: false,
      };
    });
  }

  private following(request: FakeRequest, viewer: Viewer): Reply {
    const q = request.query;
    const user = this.user(q);
    const restrict = oneOf<Visibility>(q, 'restrict', VISIBILITIES, 'public');
    const follows = restrict === 'private' && user.id !== viewer.userId ? [] : this.world.followingOf(user.id, restrict);
    const start = offset(q);
    const next = start + PAGE_SIZE;
    return json(200, {
      user_previews: this.previews(follows.slice(start, next).map((f) => f.userId), viewer),
      next_url:
        next < follows.length
          ? this.nextUrl(request.path, [['user_id', user.id], ['restrict', restrict], ['offset', next]])
          : null,
    });
  }

  private followers(request: FakeRequest, viewer: Viewer): Reply {
    const q = request.query;
    const user = this.user(q);
    const followers = this.world.followersOf(user.id);
    const start = offset(q);
    const next = start + PAGE_SIZE;
    return json(200, {
      user_previews: this.previews(followers.slice(start, next), viewer),
      next_url:
        next < followers.length
          ? this.nextUrl(request.path, [['user_id', user.id], ['filter', first(q, 'filter')], ['offset', next]])
          : null,
    });
  }

  private ugoiraMetadata(request: FakeRequest): Reply {
    const work = this.work(request.query);
    // *unverified*: the answer for a work that is not an ugoira
    if (!work.zipUrls || !work.ugoiraFrames || work.placeholder) refuse(400, apiError('', 'Invalid ugoira'));
    return json(200, {
      ugoira_metadata: {
        zip_urls: { medium: work.zipUrls.medium },
        frames: work.ugoiraFrames.map((frame) => ({ file: frame.file, delay: frame.delay })),
      },
    });
  }
}
