import * as t from 'io-ts';
import { IsoDateString, enumCodec } from './codecs';
import { illustrationShapes } from './illustration-shapes';
import { AiType, ContentType, Restriction, Size } from './enums';
import { RawSeries, Series, toSeries } from './series';
import { withShapePrimer } from './shape-primer';
import { RawTag, Tag, toTag } from './tag';
import { RawUser, User, toUser } from './user';
import { toAiType, toRestriction } from './work-flags';

/** `image_urls` of a work: list items may point at `_webp` crops. There is no original here. */
export const RawImageUrls = t.type({ square_medium: t.string, medium: t.string, large: t.string }, 'ImageUrls');
export type RawImageUrls = t.TypeOf<typeof RawImageUrls>;

/** `meta_pages[i].image_urls` of a multi-page work: every size, the original included. */
export const RawPageImageUrls = t.type(
  { square_medium: t.string, medium: t.string, large: t.string, original: t.string },
  'PageImageUrls',
);
export type RawPageImageUrls = t.TypeOf<typeof RawPageImageUrls>;

const RawMetaPage = t.type({ image_urls: RawPageImageUrls }, 'MetaPage');

/**
 * An illustration, manga or ugoira as every illust endpoint sends it. Its compiled check is
 * preceded by a parse of every shape a work comes in (see `ShapePrimer`).
 */
export const RawIllustration = withShapePrimer(
  t.intersection(
    [
      t.type(
        {
          id: t.number,
          title: t.string,
          type: enumCodec(ContentType, 'ContentType'),
          image_urls: RawImageUrls,
          caption: t.string,
          restrict: t.number,
          user: RawUser,
          tags: t.array(RawTag, 'Array<Tag>'),
          tools: t.array(t.string, 'Array<string>'),
          create_date: IsoDateString,
          page_count: t.number,
          width: t.number,
          height: t.number,
          sanity_level: t.number,
          series: t.union([RawSeries, t.null], 'Series | null'),
          // `{ original_image_url }` for a single page, `{}` for a multi-page work.
          meta_single_page: t.partial({ original_image_url: t.string }, 'MetaSinglePage'),
          // `[]` for a single page.
          meta_pages: t.array(RawMetaPage, 'Array<MetaPage>'),
          total_view: t.number,
          total_bookmarks: t.number,
          is_bookmarked: t.boolean,
          visible: t.boolean,
          is_muted: t.boolean,
        },
        'IllustrationFields',
      ),
      // Fields that come and go with the API's age (PROTOCOL.md, "Works").
      t.partial(
        {
          x_restrict: t.number,
          total_comments: t.number,
          illust_ai_type: t.number,
          illust_book_style: t.number,
          comment_access_control: t.number,
          restriction_attributes: t.array(t.string, 'Array<string>'),
        },
        'OptionalIllustrationFields',
      ),
    ],
    'Illustration',
  ),
  illustrationShapes,
);
export type RawIllustration = t.TypeOf<typeof RawIllustration>;

/** An illustration, manga or ugoira. */
export interface Illustration {
  readonly id: number;
  readonly title: string;
  readonly type: ContentType;
  /** HTML. */
  readonly caption: string;
  readonly createDate: Date;
  readonly width: number;
  readonly height: number;
  readonly pageCount: number;
  /**
   * The work's images by size. `original` is the original of a single-page work, and `null` for
   * a multi-page work, whose originals are in {@link metaPages}.
   */
  readonly imageUrls: Readonly<Record<Size, string | null>>;
  /** One entry per page of a multi-page work (every size, the original included); `[]` for a single page. */
  readonly metaPages: ReadonlyArray<Readonly<Record<Size, string>>>;
  readonly tags: readonly Tag[];
  readonly tools: readonly string[];
  readonly user: User;
  readonly series: Series | null;
  readonly totalBookmarks: number;
  readonly totalView: number;
  /** Sent by the detail and some list endpoints only. */
  readonly totalComments?: number;
  readonly isBookmarked: boolean;
  readonly isMuted: boolean;
  /** `false` for a restricted placeholder (whose images are `limit_*_360.png`). */
  readonly visible: boolean;
  readonly restrict: number;
  readonly sanityLevel: number;
  /** 0 all ages, 1 R-18, 2 R-18G; 0 when the body predates the field. */
  readonly xRestrict: number;
  /** Whether the work was made with AI (`illust_ai_type`); `UNKNOWN` when the body does not say. */
  readonly aiType: AiType;
  /** Who may see the work (`x_restrict`); `HIDDEN` when Pixiv sent a `limit_*` placeholder instead. */
  readonly restriction: Restriction;
  /** 0 or 1 not AI-generated, 2 AI-generated (since 2022), as sent. */
  readonly illustAiType?: number;
  readonly illustBookStyle?: number;
  readonly commentAccessControl?: number;
  /** E.g. `["restricted_mode"]`. */
  readonly restrictionAttributes?: readonly string[];
}

/** Maps a raw work to an {@link Illustration}. */
export function toIllustration(raw: RawIllustration): Illustration {
  const imageUrls = raw.image_urls;
  return {
    id: raw.id,
    title: raw.title,
    type: raw.type,
    caption: raw.caption,
    createDate: new Date(raw.create_date),
    width: raw.width,
    height: raw.height,
    pageCount: raw.page_count,
    imageUrls: {
      square_medium: imageUrls.square_medium,
      medium: imageUrls.medium,
      large: imageUrls.large,
      original: raw.meta_single_page.original_image_url ?? null,
    },
    metaPages: raw.meta_pages.map(toPageImageUrls),
    tags: raw.tags.map(toTag),
    tools: raw.tools,
    user: toUser(raw.user),
    series: raw.series === null ? null : toSeries(raw.series),
    totalBookmarks: raw.total_bookmarks,
    totalView: raw.total_view,
    totalComments: raw.total_comments,
    isBookmarked: raw.is_bookmarked,
    isMuted: raw.is_muted,
    visible: raw.visible,
    restrict: raw.restrict,
    sanityLevel: raw.sanity_level,
    xRestrict: raw.x_restrict ?? 0,
    aiType: toAiType(raw.illust_ai_type),
    restriction: toRestriction(raw.x_restrict, imageUrls.square_medium),
    illustAiType: raw.illust_ai_type,
    illustBookStyle: raw.illust_book_style,
    commentAccessControl: raw.comment_access_control,
    restrictionAttributes: raw.restriction_attributes,
  };
}

// The page's `image_urls` is keyed by exactly the Size values: it is used as is, not copied.
function toPageImageUrls(page: t.TypeOf<typeof RawMetaPage>): Readonly<Record<Size, string>> {
  // the known keys only: anything else in the raw object is unchecked
  const urls = page.image_urls;
  return { square_medium: urls.square_medium, medium: urls.medium, large: urls.large, original: urls.original };
}
