import * as t from 'io-ts';
import { NullableString } from './codecs';
import { Illustration, RawIllustration, toIllustration } from './illustration';

/** `trend_tags[i]`: a trending tag with one illustration that shows it. */
export const RawTrendingTag = t.intersection(
  [
    t.type({ tag: t.string, illust: RawIllustration }, 'TrendingTagFields'),
    t.partial({ translated_name: NullableString }, 'OptionalTrendingTagFields'),
  ],
  'TrendingTag',
);
export type RawTrendingTag = t.TypeOf<typeof RawTrendingTag>;

/** A trending tag with an illustration that represents it. */
export interface TrendingTag {
  readonly tag: string;
  readonly translatedName: string | null;
  readonly illustration: Illustration;
}

export function toTrendingTag(raw: RawTrendingTag): TrendingTag {
  return {
    tag: raw.tag,
    translatedName: raw.translated_name ?? null,
    illustration: toIllustration(raw.illust),
  };
}
