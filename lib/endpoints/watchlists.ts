import { ContentType, WatchlistBody, toWatchlistSeries } from '../models';
import { queryNumber } from '../pagination';
import { NoContent, ResumeOptions, callEndpoint, listEndpoint } from './endpoint';
import * as check from './validate';

/** The kinds of series a watchlist holds. */
export type WatchlistKind = ContentType.MANGA | ContentType.NOVEL;

/** `manga` or `novel`, the watchlist's segment of the path. */
function kindOf(kind: unknown): WatchlistKind {
  const value = check.oneOf('kind', ContentType, kind);
  if (value !== ContentType.MANGA && value !== ContentType.NOVEL) {
    throw new TypeError(`kind must be manga or novel for a watchlist, got "${value}"`);
  }
  return value;
}

export const watchlist = listEndpoint({
  path: (...[kind]: [kind: WatchlistKind, options?: ResumeOptions]) => `/v1/watchlist/${kindOf(kind)}`,
  // nothing but the path: the kind is checked there
  query: () => ({}),
  body: WatchlistBody,
  items: (body) => body.series.map(toWatchlistSeries),
  // no recorded body pages; the apps' models say offset
  next: queryNumber('offset'),
});

export const addToWatchlist = callEndpoint({
  method: 'POST',
  path: (...[, kind]: [seriesId: number, kind: WatchlistKind]) => `/v1/watchlist/${kindOf(kind)}/add`,
  params: (...[seriesId]: [seriesId: number, kind: WatchlistKind]) => ({ series_id: check.id('seriesId', seriesId) }),
  body: NoContent,
  result: (): void => undefined,
});

export const removeFromWatchlist = callEndpoint({
  method: 'POST',
  path: (...[, kind]: [seriesId: number, kind: WatchlistKind]) => `/v1/watchlist/${kindOf(kind)}/delete`,
  params: (...[seriesId]: [seriesId: number, kind: WatchlistKind]) => ({ series_id: check.id('seriesId', seriesId) }),
  body: NoContent,
  result: (): void => undefined,
});
