import { apiError } from '../envelopes';
import { all, first } from '../params';
import { json, type FakeRequest, type Reply } from '../reply';
import type { Viewer } from '../serialize';
import { RANKING_MODES, type RankingMode, type Visibility } from '../world';
import { PAGE_SIZE, VISIBILITIES, date, filterOf, id, invalid, maxCursor, offset, oneOf, refuse, type RouteContext, type RouteTable } from './kit';

/** `max_bookmark_id_for_recommend` counts down from here (a value from a real next_url). */
const RECOMMEND_BASE = 23_491_334_813;
/** `min_bookmark_id_for_recent_illust` of the recommended next_urls (a value from a real next_url). */
const RECENT_MIN = 28_694_690_028;
/** Recommended items per `max_bookmark_id_for_recommend` block (the 2025 pages had 90 illusts). */
const RECOMMEND_BLOCK = 90;
/** `max_bookmark_id` of `/v1/manga/recommended` next_urls (a value from a real next_url). */
const MANGA_RECOMMEND_MAX = 7_419_686_721;

/** Illustrations: detail, comments, related, feeds, rankings, new works, series, ugoira. */
export function illustrationRoutes(ctx: RouteContext): RouteTable {
  const { world, serializer } = ctx;

  const comments = (request: FakeRequest): Reply => {
    const work = ctx.work(request.query);
    const { items, next } = ctx.page(world.commentsOf(work.id), offset(request.query));
    return json(200, {
      total_comments: work.totalComments,
      comments: items.map((comment) => serializer.comment(comment)),
      next_url: next === null ? null : ctx.nextUrl(request.path, [['illust_id', work.id], ['offset', next]]),
      comment_access_control: 0,
    });
  };

  const replies = (request: FakeRequest): Reply => {
    const commentId = id(request.query, 'comment_id');
    const list = world.repliesOf(commentId);
    if (!list) refuse(404, apiError('', 'Comment not found'));
    const { items, next } = ctx.page(list, offset(request.query));
    return json(200, {
      comments: items.map((comment) => serializer.comment(comment)),
      next_url: next === null ? null : ctx.nextUrl(request.path, [['comment_id', commentId], ['offset', next]]),
    });
  };

  const related = (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    const work = ctx.work(q);
    const viewed = all(q, 'viewed');
    const seen = new Set(viewed.map(Number));
    const candidates = world.related(work.id).filter((candidate) => !seen.has(candidate));
    const start = offset(q);
    const served = candidates.slice(start, start + PAGE_SIZE);
    const more = start + PAGE_SIZE < candidates.length;
    const seeds = all(q, 'seed_illust_ids');
    const nextViewed = [...viewed, ...served.map(String)];
    return json(200, {
      illusts: ctx.illusts(served, viewer),
      // the cursor is the growing viewed[] list, not an offset (see the 2025 fixture)
      next_url: more
        ? ctx.nextUrl(request.path, [
            ['illust_id', work.id],
            ['filter', filterOf(request)],
            ...(seeds.length ? seeds : [String(work.id)]).map((seed, i) => [`seed_illust_ids[${i}]`, seed] as const),
            ...nextViewed.map((viewedId, i) => [`viewed[${i}]`, viewedId] as const),
          ])
        : null,
    });
  };

  const followFeed = (request: FakeRequest, viewer: Viewer): Reply => {
    const restrict = oneOf<Visibility>(request.query, 'restrict', VISIBILITIES);
    const { items, next } = ctx.page(world.followingFeed(viewer.userId, restrict), offset(request.query));
    return json(200, {
      illusts: ctx.illusts(items, viewer),
      next_url: next === null ? null : ctx.nextUrl(request.path, [['restrict', restrict], ['offset', next]]),
    });
  };

  const withoutAi = (ids: readonly number[], viewer: Viewer): readonly number[] =>
    ctx.showsAi(viewer) ? ids : ids.filter((illustId) => !world.isAiIllustration(illustId));

  const recommended = (request: FakeRequest, viewer: Viewer): Reply => {
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
    const list = withoutAi(world.recommended(viewer.userId, contentType), viewer);
    const next = position + PAGE_SIZE;
    const block = Math.floor(next / RECOMMEND_BLOCK) * RECOMMEND_BLOCK;
    const withRanking = first(q, 'include_ranking_illusts') === 'true' && position === 0;
    return json(200, {
      illusts: ctx.illusts(list.slice(position, next), viewer),
      ranking_illusts: withRanking ? ctx.illusts(world.ranking('day', world.latestRankingDate).slice(0, 3), viewer) : [],
      contest_exists: false,
      privacy_policy: {},
      next_url:
        next < list.length
          ? ctx.nextUrl(request.path, [
              ['content_type', contentType],
              ['include_ranking_label', 'true'],
              ['filter', filterOf(request)],
              ['min_bookmark_id_for_recent_illust', RECENT_MIN],
              ['max_bookmark_id_for_recommend', RECOMMEND_BASE - block],
              ['offset', next - block],
              ['include_ranking_illusts', 'false'],
              ['include_privacy_policy', 'false'],
            ])
          : null,
    });
  };

  const mangaRecommended = (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    maxCursor(q, 'max_bookmark_id');
    const start = offset(q);
    const list = withoutAi(world.recommended(viewer.userId, 'manga'), viewer);
    const { items, next } = ctx.page(list, start);
    const withRanking = first(q, 'include_ranking_illusts') === 'true' && start === 0;
    return json(200, {
      illusts: ctx.illusts(items, viewer),
      ranking_illusts: withRanking ? ctx.illusts(world.ranking('day_manga', world.latestRankingDate).slice(0, 3), viewer) : [],
      privacy_policy: {},
      next_url:
        next === null
          ? null
          : ctx.nextUrl(request.path, [
              ['filter', filterOf(request)],
              ['include_ranking_illusts', 'false'],
              ['include_privacy_policy', 'false'],
              ['max_bookmark_id', MANGA_RECOMMEND_MAX],
              ['offset', next],
            ]),
    });
  };

  const ranking = (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    const mode = oneOf<RankingMode>(q, 'mode', RANKING_MODES, 'day');
    const day = date(q, 'date');
    const { items, next } = ctx.page(withoutAi(world.ranking(mode, day ?? world.latestRankingDate), viewer), offset(q));
    return json(200, {
      illusts: ctx.illusts(items, viewer),
      next_url:
        next === null
          ? null
          : ctx.nextUrl(request.path, [['mode', mode], ['filter', filterOf(request)], ['date', day], ['offset', next]]),
    });
  };

  const newIllusts = (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    const contentType = oneOf<'illust' | 'manga'>(q, 'content_type', ['illust', 'manga']);
    const max = maxCursor(q, 'max_illust_id');
    const list = withoutAi(world.newIllustrations(contentType), viewer).filter((illustId) => illustId <= max);
    const page = list.slice(0, PAGE_SIZE);
    const following = list[PAGE_SIZE];
    return json(200, {
      illusts: ctx.illusts(page, viewer),
      next_url:
        following === undefined
          ? null
          : ctx.nextUrl(request.path, [['filter', filterOf(request)], ['content_type', contentType], ['max_illust_id', following]]),
    });
  };

  const series = (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    const found = world.illustSeries(id(q, 'illust_series_id'));
    if (!found) refuse(404, apiError('', 'Series not found'));
    const works = found.workIds.filter((workId) => world.illustration(workId));
    const start = offset(q);
    const { items, next } = ctx.page(works, start);
    const firstWork = world.illustration(works[0] ?? -1);
    return json(200, {
      illust_series_detail: serializer.illustSeriesDetail(found, viewer, world.watchlists.has(viewer.userId, 'manga', found.id)),
      illust_series_first_illust: firstWork ? serializer.illust(firstWork, viewer, 'list') : null,
      illusts: ctx.illusts(items, viewer),
      next_url:
        next === null
          ? null
          : ctx.nextUrl(request.path, [['illust_series_id', found.id], ['filter', filterOf(request)], ['offset', next]]),
    });
  };

  const ugoiraMetadata = (request: FakeRequest): Reply => {
    const work = ctx.work(request.query);
    // *unverified*: the answer for a work that is not an ugoira
    if (!work.zipUrls || !work.ugoiraFrames || work.placeholder) refuse(400, apiError('', 'Invalid ugoira'));
    return json(200, {
      ugoira_metadata: {
        zip_urls: { medium: work.zipUrls.medium },
        frames: work.ugoiraFrames.map((frame) => ({ file: frame.file, delay: frame.delay })),
      },
    });
  };

  return {
    'GET /v1/illust/detail': (r, v) => json(200, { illust: serializer.illust(ctx.work(r.query), v, 'detail') }),
    'GET /v3/illust/comments': comments,
    'GET /v2/illust/comment/replies': replies,
    'GET /v2/illust/related': related,
    'GET /v2/illust/follow': followFeed,
    'GET /v1/illust/recommended': recommended,
    'GET /v1/manga/recommended': mangaRecommended,
    'GET /v1/illust/ranking': ranking,
    'GET /v1/illust/new': newIllusts,
    'GET /v1/illust/series': series,
    'GET /v1/trending-tags/illust': (_, viewer) =>
      json(200, { trend_tags: world.trendingTags().map((pair) => serializer.trendTag(pair, viewer)) }),
    'GET /v1/ugoira/metadata': ugoiraMetadata,
  };
}
