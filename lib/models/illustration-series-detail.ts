import * as t from 'io-ts';
import { IsoDateString } from './codecs';
import { RawUser, User, toUser } from './user';

/** `illust_series_detail` of `/v1/illust/series`. */
export const RawIllustrationSeriesDetail = t.intersection(
  [
    t.type({ id: t.number, title: t.string, caption: t.string, user: RawUser }, 'IllustrationSeriesDetailFields'),
    t.partial(
      {
        // `{ medium: null }` for a series without a cover (2024); entries other than URLs and null
        // are left out when mapping
        cover_image_urls: t.UnknownRecord,
        series_work_count: t.number,
        create_date: IsoDateString,
        width: t.number,
        height: t.number,
        watchlist_added: t.boolean,
      },
      'OptionalIllustrationSeriesDetailFields',
    ),
  ],
  'IllustrationSeriesDetail',
);
export type RawIllustrationSeriesDetail = t.TypeOf<typeof RawIllustrationSeriesDetail>;

/** A manga or illustration series. */
export interface IllustrationSeriesDetail {
  readonly id: number;
  readonly title: string;
  readonly caption: string;
  readonly user: User;
  /** Size name → cover URL (`null` without a cover); `{}` when the body has none. */
  readonly coverImageUrls: Readonly<Record<string, string | null>>;
  /** How many works the series holds. */
  readonly seriesWorkCount?: number;
  readonly createDate?: Date;
  /** Of the cover; 0 without one. */
  readonly width?: number;
  readonly height?: number;
  /** Whether the series is on the account's watchlist. */
  readonly watchlistAdded?: boolean;
}

/** Maps a raw series detail to an {@link IllustrationSeriesDetail}. */
export function toIllustrationSeriesDetail(raw: RawIllustrationSeriesDetail): IllustrationSeriesDetail {
  return {
    id: raw.id,
    title: raw.title,
    caption: raw.caption,
    user: toUser(raw.user),
    coverImageUrls: coverUrls(raw.cover_image_urls),
    seriesWorkCount: raw.series_work_count,
    createDate: raw.create_date === undefined ? undefined : new Date(raw.create_date),
    width: raw.width,
    height: raw.height,
    watchlistAdded: raw.watchlist_added,
  };
}

function coverUrls(raw: Record<string, unknown> | undefined): Readonly<Record<string, string | null>> {
  const urls: Record<string, string | null> = {};
  for (const key of Object.keys(raw ?? {})) {
    const value = raw![key];
    // a JSON `__proto__` key is kept as a plain key, never as the object's prototype
    if (typeof value === 'string' || value === null) Object.defineProperty(urls, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return urls;
}
