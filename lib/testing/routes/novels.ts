import { apiError } from '../envelopes';
import { first } from '../params';
import { json, type FakeRequest, type Reply } from '../reply';
import type { Viewer } from '../serialize';
import { NOVEL_RANKING_MODES, type FakeNovel, type NovelRankingMode, type Visibility } from '../world';
import { PAGE_SIZE, date, filterOf, id, maxCursor, offset, oneOf, refuse, type RouteContext, type RouteTable } from './kit';
import { novelWebviewHtml } from './novel-webview';

/** `max_bookmark_id_for_recommend` of novel recommendations (a real next_url carries 0). */
const NOVEL_RECOMMEND_MAX = 0;

/** Novels: detail, text (webview), series, comments, feeds, rankings, new novels, trending tags. */
export function novelRoutes(ctx: RouteContext): RouteTable {
  const { world, serializer } = ctx;

  const visible = (ids: readonly number[], viewer: Viewer): readonly number[] =>
    ctx.showsAi(viewer) ? ids : ids.filter((novelId) => !world.isAiNovel(world.novel(novelId) as FakeNovel));

  const series = (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    const found = world.novelSeries(id(q, 'series_id'));
    if (!found) refuse(404, apiError('', 'Series not found'));
    // `last_order` is how many novels of the series were served before (the next_url carries it)
    const start = offset(q, 'last_order');
    const { items, next } = ctx.page(found.workIds, start);
    const novel = (novelId: number | undefined) => {
      const record = novelId === undefined ? undefined : world.novel(novelId);
      return record ? serializer.novel(record, viewer, 'list') : null;
    };
    return json(200, {
      novel_series_detail: serializer.novelSeriesDetail(found, viewer, world.watchlists.has(viewer.userId, 'novel', found.id)),
      novel_series_first_novel: novel(found.workIds[0]),
      novel_series_latest_novel: novel(found.workIds[found.workIds.length - 1]),
      novels: ctx.novels(items, viewer),
      next_url: next === null ? null : ctx.nextUrl(request.path, [['series_id', found.id], ['filter', filterOf(request)], ['last_order', next]]),
    });
  };

  const comments = (request: FakeRequest): Reply => {
    const novel = ctx.novel(request.query);
    const { items, next } = ctx.page(world.novelCommentsOf(novel.id), offset(request.query));
    return json(200, {
      total_comments: novel.totalComments,
      comments: items.map((comment) => serializer.comment(comment)),
      next_url: next === null ? null : ctx.nextUrl(request.path, [['novel_id', novel.id], ['offset', next]]),
      comment_access_control: 0,
    });
  };

  const recommended = (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    maxCursor(q, 'max_bookmark_id_for_recommend');
    const start = offset(q);
    const { items, next } = ctx.page(visible(world.recommendedNovels(viewer.userId), viewer), start);
    const withRanking = first(q, 'include_ranking_novels') === 'true' && start === 0;
    return json(200, {
      novels: ctx.novels(items, viewer),
      ranking_novels: withRanking ? ctx.novels(visible(world.novelRanking('day', world.latestRankingDate), viewer).slice(0, 3), viewer) : [],
      privacy_policy: {},
      next_url:
        next === null
          ? null
          : ctx.nextUrl(request.path, [
              ['include_ranking_novels', 'false'],
              ['include_privacy_policy', 'false'],
              ['offset', next],
              ['max_bookmark_id_for_recommend', NOVEL_RECOMMEND_MAX],
            ]),
    });
  };

  const newNovels = (request: FakeRequest, viewer: Viewer): Reply => {
    const max = maxCursor(request.query, 'max_novel_id');
    const list = visible(world.newNovels(), viewer).filter((novelId) => novelId <= max);
    const following = list[PAGE_SIZE];
    return json(200, {
      novels: ctx.novels(list.slice(0, PAGE_SIZE), viewer),
      next_url: following === undefined ? null : ctx.nextUrl(request.path, [['filter', filterOf(request)], ['max_novel_id', following]]),
    });
  };

  const follow = (request: FakeRequest, viewer: Viewer): Reply => {
    const restrict = oneOf<Visibility | 'all'>(request.query, 'restrict', ['public', 'private', 'all']);
    const { items, next } = ctx.page(world.followingNovels(viewer.userId, restrict), offset(request.query));
    return json(200, {
      novels: ctx.novels(items, viewer),
      next_url: next === null ? null : ctx.nextUrl(request.path, [['restrict', restrict], ['offset', next]]),
    });
  };

  const ranking = (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    const mode = oneOf<NovelRankingMode>(q, 'mode', NOVEL_RANKING_MODES, 'day');
    const day = date(q, 'date');
    const { items, next } = ctx.page(visible(world.novelRanking(mode, day ?? world.latestRankingDate), viewer), offset(q));
    return json(200, {
      novels: ctx.novels(items, viewer),
      next_url: next === null ? null : ctx.nextUrl(request.path, [['mode', mode], ['date', day], ['filter', filterOf(request)], ['offset', next]]),
    });
  };

  const webview = (request: FakeRequest, viewer: Viewer): Reply => {
    const novel = ctx.novel(request.query, 'id');
    return {
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      text: novelWebviewHtml(novel, world, viewer),
    };
  };

  return {
    'GET /v2/novel/detail': (r, v) => json(200, { novel: serializer.novel(ctx.novel(r.query), v, 'detail') }),
    'GET /webview/v2/novel': webview,
    'GET /v2/novel/series': series,
    'GET /v3/novel/comments': comments,
    'GET /v1/novel/recommended': recommended,
    'GET /v1/novel/new': newNovels,
    'GET /v1/novel/follow': follow,
    'GET /v1/novel/ranking': ranking,
    'GET /v1/trending-tags/novel': (_, viewer) =>
      json(200, { trend_tags: world.trendingNovelTags().map((pair) => serializer.trendTag(pair, viewer)) }),
  };
}
