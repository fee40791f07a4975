import * as t from 'io-ts';

/** `bookmark_tags[i]`: a tag the user put on their bookmarks, and how many carry it. */
export const RawBookmarkTag = t.type({ name: t.string, count: t.number }, 'BookmarkTag');
export type RawBookmarkTag = t.TypeOf<typeof RawBookmarkTag>;

/** One of a user's bookmark tags and how many bookmarks carry it. */
export interface BookmarkTag {
  readonly name: string;
  readonly count: number;
}

export function toBookmarkTag(raw: RawBookmarkTag): BookmarkTag {
  return { name: raw.name, count: raw.count };
}
