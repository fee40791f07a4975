import * as t from 'io-ts';
import { IsoDateString, NullableString } from './codecs';
import { RawUser, User, toUser } from './user';

/** One series of `/v1/watchlist/manga` or `/v1/watchlist/novel` (`series[i]`). */
export const RawWatchlistSeries = t.intersection(
  [
    t.type({ id: t.number, title: t.string, user: RawUser }, 'WatchlistSeriesFields'),
    t.partial(
      {
        // null unless the series is hidden from the account (then it says why)
        mask_text: NullableString,
        latest_content_id: t.number,
        last_published_content_datetime: IsoDateString,
        published_content_count: t.number,
        // the cover of the latest work
        url: NullableString,
      },
      'OptionalWatchlistSeriesFields',
    ),
  ],
  'WatchlistSeries',
);
export type RawWatchlistSeries = t.TypeOf<typeof RawWatchlistSeries>;

/** A manga or novel series on the account's watchlist. */
export interface WatchlistSeries {
  readonly id: number;
  readonly title: string;
  readonly user: User;
  /** The id of the series' latest work. */
  readonly latestContentId?: number;
  /** When the latest work was published. */
  readonly lastPublishedContentDate?: Date;
  readonly publishedContentCount?: number;
  /** The cover image of the latest work, `null` when there is none. */
  readonly url: string | null;
  /** Why the series is hidden from the account, `null` when it is not. */
  readonly maskText: string | null;
}

/** Maps a raw watchlist entry to a {@link WatchlistSeries}. */
export function toWatchlistSeries(raw: RawWatchlistSeries): WatchlistSeries {
  return {
    id: raw.id,
    title: raw.title,
    user: toUser(raw.user),
    latestContentId: raw.latest_content_id,
    lastPublishedContentDate:
      raw.last_published_content_datetime === undefined ? undefined : new Date(raw.last_published_content_datetime),
    publishedContentCount: raw.published_content_count,
    url: raw.url ?? null,
    maskText: raw.mask_text ?? null,
  };
}
