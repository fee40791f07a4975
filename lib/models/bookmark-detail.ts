import * as t from 'io-ts';
import { enumCodec } from './codecs';
import { Visibility } from './enums';

/** `bookmark_detail`: whether the account bookmarked a work, and with which tags. */
export const RawBookmarkDetail = t.type(
  {
    is_bookmarked: t.boolean,
    tags: t.array(t.type({ name: t.string, is_registered: t.boolean }, 'BookmarkDetailTag'), 'Array<BookmarkDetailTag>'),
    restrict: enumCodec(Visibility, 'Visibility'),
  },
  'BookmarkDetail',
);
export type RawBookmarkDetail = t.TypeOf<typeof RawBookmarkDetail>;

/** A bookmark tag of the account, and whether this bookmark carries it. */
export interface BookmarkDetailTag {
  readonly name: string;
  /** Whether the bookmark carries this tag (the others are the work's tags, offered as suggestions). */
  readonly isRegistered: boolean;
}

/** Whether the account bookmarked a work, publicly or privately, and with which of its bookmark tags. */
export interface BookmarkDetail {
  readonly isBookmarked: boolean;
  readonly visibility: Visibility;
  readonly tags: readonly BookmarkDetailTag[];
}

export function toBookmarkDetail(raw: RawBookmarkDetail): BookmarkDetail {
  return {
    isBookmarked: raw.is_bookmarked,
    visibility: raw.restrict,
    tags: raw.tags.map((tag) => ({ name: tag.name, isRegistered: tag.is_registered })),
  };
}
