import * as t from 'io-ts';
import { NullableString } from './codecs';

/** A tag on an illustration. */
export const RawTag = t.intersection(
  [
    t.type({ name: t.string }, 'TagFields'),
    // Absent from 2018 bodies; null when the tag has no translation in the request's language.
    t.partial({ translated_name: NullableString }, 'OptionalTagFields'),
  ],
  'Tag',
);
export type RawTag = t.TypeOf<typeof RawTag>;

/** A tag, and its translation in the client's `language` when Pixiv has one. */
export interface Tag {
  readonly name: string;
  /** The tag in the client's `Accept-Language`, `null` when there is none. */
  readonly translatedName: string | null;
}

export function toTag(raw: RawTag): Tag {
  return { name: raw.name, translatedName: raw.translated_name ?? null };
}
