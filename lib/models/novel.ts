import * as t from 'io-ts';
import { EmptyObject, IsoDateString, NullableString } from './codecs';
import { AiType, Restriction, Size } from './enums';
import { RawImageUrls } from './illustration';
import { RawSeries, Series, toSeries } from './series';
import { RawUser, User, toUser } from './user';
import { toAiType, toRestriction } from './work-flags';

/** A tag on a novel: an illustration tag plus who added it (2018 bodies have no `translated_name`). */
export const RawNovelTag = t.intersection(
  [
    t.type({ name: t.string }, 'NovelTagFields'),
    t.partial({ translated_name: NullableString, added_by_uploaded_user: t.boolean }, 'OptionalNovelTagFields'),
  ],
  'NovelTag',
);
export type RawNovelTag = t.TypeOf<typeof RawNovelTag>;

/**
 * An empty array, where Pixiv means "none" with `[]`: a novel's series in a 2020 follow feed, the
 * `images` and `illusts` of a webview novel without any.
 */
export const EmptyArray = new t.Type<readonly never[], readonly never[], unknown>(
  '[]',
  (u): u is readonly never[] => Array.isArray(u) && u.length === 0,
  (u, c) => (Array.isArray(u) && u.length === 0 ? t.success(u as unknown as readonly never[]) : t.failure(u, c)),
  t.identity,
);

/**
 * A novel as `/v2/novel/detail`, the novel lists and user previews send it. Only what the model
 * reads is checked: `restrict`, `is_original`, `is_mypixiv_only` and `is_x_restricted` are missing
 * from 2018 bodies (user previews of `/v1/search/user`), and `request` or `comment_access_control`
 * from anything before 2022.
 */
export const RawNovel = t.intersection(
  [
    t.type(
      {
        id: t.number,
        title: t.string,
        caption: t.string,
        image_urls: RawImageUrls,
        create_date: IsoDateString,
        tags: t.array(RawNovelTag, 'Array<NovelTag>'),
        page_count: t.number,
        text_length: t.number,
        user: RawUser,
        // `{}` when the novel is in no series (`[]` in a 2020 follow feed, null is tolerated).
        series: t.union([RawSeries, EmptyObject, EmptyArray, t.null], 'Series | {} | [] | null'),
        is_bookmarked: t.boolean,
        total_bookmarks: t.number,
        total_view: t.number,
        visible: t.boolean,
        is_muted: t.boolean,
      },
      'NovelFields',
    ),
    t.partial({ x_restrict: t.number, total_comments: t.number, novel_ai_type: t.number }, 'OptionalNovelFields'),
  ],
  'Novel',
);
export type RawNovel = t.TypeOf<typeof RawNovel>;

/** A tag of a novel. */
export interface NovelTag {
  readonly name: string;
  /** The tag in the client's `language`, when Pixiv has a translation. */
  readonly translatedName: string | null;
  /** Whether the author (rather than a reader) added it; absent from some old bodies. */
  readonly addedByUploadedUser?: boolean;
}

/** A novel, as the detail and every novel listing send it (the text is read with `novelText$`). */
export interface Novel {
  readonly id: number;
  readonly title: string;
  /** HTML. */
  readonly caption: string;
  readonly createDate: Date;
  readonly tags: readonly NovelTag[];
  readonly user: User;
  /** The series the novel is part of, `null` when it is in none. */
  readonly series: Series | null;
  readonly pageCount: number;
  /** In characters. */
  readonly textLength: number;
  readonly totalBookmarks: number;
  readonly totalView: number;
  /** Sent by the detail and most lists; absent from a few bodies. */
  readonly totalComments?: number;
  readonly isBookmarked: boolean;
  readonly isMuted: boolean;
  /** `false` for a restricted placeholder. */
  readonly visible: boolean;
  /** 0 all ages, 1 R-18, 2 R-18G; 0 when the body predates the field. */
  readonly xRestrict: number;
  /** From `novel_ai_type`; `UNKNOWN` when absent. */
  readonly aiType: AiType;
  /** From `x_restrict`, or `HIDDEN` when Pixiv sent a `limit_*` placeholder cover. */
  readonly restriction: Restriction;
  /** The cover by size; a novel has no `original`. */
  readonly imageUrls: Readonly<Record<Exclude<Size, Size.ORIGINAL>, string>>;
}

/** Maps a decoded raw novel to the {@link Novel} model. */
export function toNovel(raw: RawNovel): Novel {
  const series = raw.series;
  const urls = raw.image_urls;
  return {
    id: raw.id,
    title: raw.title,
    caption: raw.caption,
    createDate: new Date(raw.create_date),
    tags: raw.tags.map(toNovelTag),
    user: toUser(raw.user),
    series: series === null || Array.isArray(series) || EmptyObject.is(series) ? null : toSeries(series as RawSeries),
    pageCount: raw.page_count,
    textLength: raw.text_length,
    totalBookmarks: raw.total_bookmarks,
    totalView: raw.total_view,
    totalComments: raw.total_comments,
    isBookmarked: raw.is_bookmarked,
    isMuted: raw.is_muted,
    visible: raw.visible,
    xRestrict: raw.x_restrict ?? 0,
    aiType: toAiType(raw.novel_ai_type),
    restriction: toRestriction(raw.x_restrict, urls.medium),
    // the known keys only: anything else in the raw object is unchecked
    imageUrls: { square_medium: urls.square_medium, medium: urls.medium, large: urls.large },
  };
}

function toNovelTag(raw: RawNovelTag): NovelTag {
  return {
    name: raw.name,
    translatedName: raw.translated_name ?? null,
    addedByUploadedUser: raw.added_by_uploaded_user,
  };
}
