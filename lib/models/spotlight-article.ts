import * as t from 'io-ts';
import { IsoDateString, NullableString } from './codecs';

/** One article of `/v1/spotlight/articles` (pixivision). */
export const RawSpotlightArticle = t.intersection(
  [
    t.type(
      {
        id: t.number,
        title: t.string,
        pure_title: t.string,
        thumbnail: t.string,
        article_url: t.string,
        publish_date: IsoDateString,
        category: t.string,
      },
      'SpotlightArticleFields',
    ),
    t.partial({ subcategory_label: NullableString }, 'OptionalSpotlightArticleFields'),
  ],
  'SpotlightArticle',
);
export type RawSpotlightArticle = t.TypeOf<typeof RawSpotlightArticle>;

/** A pixivision article. */
export interface SpotlightArticle {
  readonly id: number;
  /** The headline as shown, e.g. `君の癒しになりたくて♡膝枕を描いたイラスト特集`. */
  readonly title: string;
  /** The headline without its catch phrase, e.g. `膝枕を描いたイラスト特集`. */
  readonly pureTitle: string;
  readonly thumbnail: string;
  /** The article on www.pixivision.net. */
  readonly articleUrl: string;
  readonly publishDate: Date;
  /** E.g. `spotlight`. */
  readonly category: string;
  /** E.g. `イラスト`; `null` when the body has none. */
  readonly subcategoryLabel: string | null;
}

/** Maps a raw article to a {@link SpotlightArticle}. */
export function toSpotlightArticle(raw: RawSpotlightArticle): SpotlightArticle {
  return {
    id: raw.id,
    title: raw.title,
    pureTitle: raw.pure_title,
    thumbnail: raw.thumbnail,
    articleUrl: raw.article_url,
    publishDate: new Date(raw.publish_date),
    category: raw.category,
    subcategoryLabel: raw.subcategory_label ?? null,
  };
}
