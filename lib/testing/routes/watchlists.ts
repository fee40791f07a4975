import { apiError } from '../envelopes';
import { json, type FakeRequest, type Reply } from '../reply';
import type { Viewer } from '../serialize';
import type { WatchlistKind } from '../world';
import { id, offset, refuse, type RouteContext, type RouteTable } from './kit';

/** The manga and novel watchlists, and the POSTs that add and remove series. */
export function watchlistRoutes(ctx: RouteContext): RouteTable {
  const { world, serializer } = ctx;

  const list = (kind: WatchlistKind) => (request: FakeRequest, viewer: Viewer): Reply => {
    const series = world.watchlists.of(viewer.userId, kind).map((seriesId) => world.seriesOfKind(kind, seriesId)).filter((s) => s !== undefined);
    const { items, next } = ctx.page(series, offset(request.query));
    return json(200, {
      series: items.map((s) => serializer.watchlistSeries(s)),
      next_url: next === null ? null : ctx.nextUrl(request.path, [['offset', next]]),
    });
  };

  const change = (kind: WatchlistKind, add: boolean) => (request: FakeRequest, viewer: Viewer): Reply => {
    const seriesId = id(request.form, 'series_id');
    // *unverified*: the answer for an unknown series
    if (!world.seriesOfKind(kind, seriesId)) refuse(404, apiError('', 'Series not found'));
    if (add) world.watchlists.add(viewer.userId, kind, seriesId);
    else world.watchlists.remove(viewer.userId, kind, seriesId);
    return json(200, {});
  };

  return {
    'GET /v1/watchlist/manga': list('manga'),
    'GET /v1/watchlist/novel': list('novel'),
    'POST /v1/watchlist/manga/add': change('manga', true),
    'POST /v1/watchlist/manga/delete': change('manga', false),
    'POST /v1/watchlist/novel/add': change('novel', true),
    'POST /v1/watchlist/novel/delete': change('novel', false),
  };
}
