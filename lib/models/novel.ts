import * as t from 'io-ts';
import { EmptyObject, IsoDateString, NullableString } from './codecs';
import { Size } from './enums';
import { RawImageUrls } from './illustration';
import { RawSeries, Series, toSeries } from './series';
import { RawUser, User, toUser } from './user';

/** A tag on a novel: an illustration tag plus who added it. */
export const RawNovelTag = t.intersection(
  [
    t.type({ name: t.string }, 'NovelTagFields'),
    t.partial({ translated_name: NullableString, added_by_uploaded_user: t.boolean }, 'OptionalNovelTagFields'),
  ],
  'NovelTag',
);
export type RawNovelTag = t.TypeOf<typeof RawNovelTag>;

/** A novel as `/v2/novel/detail` and the novel lists send it. */
export const RawNovel = t.intersection(
  [
    t.type(
      {
        id: t.number,
        title: t.string,
        caption: t.string,
        restrict: t.number,
        is_original: t.boolean,
        image_urls: RawImageUrls,
        create_date: IsoDateString,
        tags: t.array(RawNovelTag, 'Array<NovelTag>'),
        page_count: t.number,
        text_length: t.number,
        user: RawUser,
        // `{}`, not null, when the novel is in no series.
        series: t.union([RawSeries, EmptyObject, t.null], 'Series | {} | null'),
        is_bookmarked: t.boolean,
        total_bookmarks: t.number,
        total_view: t.number,
        visible: t.boolean,
        is_muted: t.boolean,
        is_mypixiv_only: t.boolean,
        is_x_restricted: t.boolean,
      },
      'NovelFields',
    ),
    t.partial(
      {
        x_restrict: t.number,
        total_comments: t.number,
        novel_ai_type: t.number,
        comment_access_control: t.number,
      },
      'OptionalNovelFields',
    ),
  ],
  'Novel',
);
export type RawNovel = t.TypeOf<typeof RawNovel>;

export interface NovelTag {
  readonly name: string;
  readonly translatedName: string | null;
  readonly addedByUploadedUser?: boolean;
}

export interface Novel {
  readonly id: number;
  readonly title: string;
  /** HTML. */
  readonly caption: string;
  readonly restrict: number;
  readonly xRestrict: number;
  readonly isOriginal: boolean;
  /** The cover by size; a novel has no `original`. */
  readonly imageUrls: Readonly<Record<Exclude<Size, Size.ORIGINAL>, string>>;
  readonly createDate: Date;
  readonly tags: readonly NovelTag[];
  readonly pageCount: number;
  readonly textLength: number;
  readonly user: User;
  readonly series: Series | null;
  readonly isBookmarked: boolean;
  readonly totalBookmarks: number;
  readonly totalView: number;
  readonly totalComments?: number;
  readonly visible: boolean;
  readonly isMuted: boolean;
  readonly isMypixivOnly: boolean;
  readonly isXRestricted: boolean;
  readonly novelAiType?: number;
  readonly commentAccessControl?: number;
}

export function toNovel(raw: RawNovel): Novel {
  const series = raw.series;
  return {
    id: raw.id,
    title: raw.title,
    caption: raw.caption,
    restrict: raw.restrict,
    xRestrict: raw.x_restrict ?? 0,
    isOriginal: raw.is_original,
    // the known keys only: anything else in the raw object is unchecked
    imageUrls: { square_medium: raw.image_urls.square_medium, medium: raw.image_urls.medium, large: raw.image_urls.large },
    createDate: new Date(raw.create_date),
    tags: raw.tags.map(toNovelTag),
    pageCount: raw.page_count,
    textLength: raw.text_length,
    user: toUser(raw.user),
    series: series === null || EmptyObject.is(series) ? null : toSeries(series),
    isBookmarked: raw.is_bookmarked,
    totalBookmarks: raw.total_bookmarks,
    totalView: raw.total_view,
    totalComments: raw.total_comments,
    visible: raw.visible,
    isMuted: raw.is_muted,
    isMypixivOnly: raw.is_mypixiv_only,
    isXRestricted: raw.is_x_restricted,
    novelAiType: raw.novel_ai_type,
    commentAccessControl: raw.comment_access_control,
  };
}

function toNovelTag(raw: RawNovelTag): NovelTag {
  return {
    name: raw.name,
    translatedName: raw.translated_name ?? null,
    addedByUploadedUser: raw.added_by_uploaded_user,
  };
}
