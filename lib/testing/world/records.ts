/**
 * The records of the fake world, as the routes and the tests read them. Ids, dates and image
 * URLs are what the API serves; everything else is derived from them.
 */

/** `type` of an illustration. */
export type WorkType = 'illust' | 'manga' | 'ugoira';
/** `restrict` of bookmarks and follows. */
export type Visibility = 'public' | 'private';
/** The `limit_*_360.png` image a hidden work is replaced by. */
export type PlaceholderKind = 'sanity_level' | 'unviewable' | 'mypixiv' | 'unknown' | 'r18';
/** What a user is there for. */
export type UserRole = 'account' | 'showcase' | 'prolific' | 'restricted' | 'member';

/** A user of the world. */
export interface FakeUser {
  readonly id: number;
  readonly role: UserRole;
  readonly name: string;
  readonly account: string;
  readonly mailAddress: string;
  readonly comment: string;
  /** Absolute URL of the 170×170 avatar (`profile_image_urls.medium`). */
  readonly profileImageUrl: string;
  readonly hasCustomProfileImage: boolean;
  readonly isPremium: boolean;
  /** How many works the user has (hidden and deleted ones included). */
  readonly workCount: number;
  /** How many novels the user has. */
  readonly novelCount: number;
}

/** A tag with the translations the fake serves per `Accept-Language` (`null`: none, as on Pixiv). */
export interface FakeTag {
  readonly name: string;
  readonly en: string | null;
  readonly zh: string | null;
}

/** A frame of an ugoira. */
export interface FakeUgoiraFrame {
  readonly file: string;
  readonly delay: number;
}

/** An illustration, manga or ugoira. */
export interface FakeIllustration {
  readonly id: number;
  readonly userId: number;
  readonly type: WorkType;
  readonly title: string;
  readonly caption: string;
  /** ISO 8601 with `+09:00`, as Pixiv sends it. */
  readonly createDate: string;
  /** The `YYYY/MM/DD/hh/mm/ss` part of every image path of the work. */
  readonly datePath: string;
  readonly width: number;
  readonly height: number;
  readonly pageCount: number;
  readonly tags: readonly FakeTag[];
  readonly tools: readonly string[];
  readonly xRestrict: 0 | 1 | 2;
  readonly sanityLevel: number;
  readonly series: { readonly id: number; readonly title: string } | null;
  readonly totalView: number;
  readonly totalBookmarks: number;
  /** Top-level comments plus replies. */
  readonly totalComments: number;
  /** `undefined` when the body leaves `illust_ai_type` out (the pre-2023 shape). */
  readonly aiType: 0 | 1 | 2 | undefined;
  readonly bookStyle: 0 | 1 | undefined;
  readonly restrictionAttributes: readonly string[] | undefined;
  /** Set when the API serves this work as a restricted placeholder. */
  readonly placeholder: PlaceholderKind | null;
  readonly originalExtension: 'jpg' | 'png';
  /** Ugoira frames (`null` for other types). */
  readonly ugoiraFrames: readonly FakeUgoiraFrame[] | null;
  /**
   * Absolute URLs of the originals as the API exposes them, one per page; for a placeholder, the
   * placeholder image.
   */
  readonly originalUrls: readonly string[];
  /** The ugoira zips (`null` for other types). */
  readonly zipUrls: { readonly medium: string; readonly large: string } | null;
}

/** A comment on an illustration or a novel. */
export interface FakeComment {
  readonly id: number;
  /** The illustration (or, for a novel comment, the novel) commented on. */
  readonly illustId: number;
  readonly userId: number;
  readonly comment: string;
  readonly date: string;
  /** A stamp comment has an empty `comment` and a stamp. */
  readonly stampId: number | null;
  /** The comment this one replies to (`null` for a top-level comment). */
  readonly parentId: number | null;
  readonly replyCount: number;
}

/** A bookmark of an illustration. */
export interface FakeBookmark {
  readonly bookmarkId: number;
  readonly illustId: number;
  readonly restrict: Visibility;
  readonly tags: readonly string[];
}

/** One user following another. */
export interface FakeFollow {
  readonly userId: number;
  readonly restrict: Visibility;
}

/** Ids worth knowing in a test or a demo. */
export interface FakeWorldSamples {
  /** A single-page illustration of the showcase user. */
  readonly singleIllustId: number;
  /** A multi-page manga (3 or more pages) of the showcase user, in a series. */
  readonly multiPageIllustId: number;
  readonly ugoiraIllustId: number;
  readonly seriesIllustId: number;
  /** A work served as the `limit_sanity_level` placeholder. */
  readonly placeholderIllustId: number;
  /** An R-18 work (`x_restrict: 1`). */
  readonly r18IllustId: number;
  /** An id no work has (404). */
  readonly missingIllustId: number;
  /** A work with 45 top-level comments (two pages). */
  readonly commentedIllustId: number;
  /** A comment of `commentedIllustId` with 35 replies (two pages). */
  readonly commentWithRepliesId: number;
  /** A user whose detail answers 403 "Your access is currently restricted." */
  readonly restrictedUserId: number;
  /** A user id nobody has (404). */
  readonly missingUserId: number;
  /** A novel of the showcase user whose text holds markup of every kind (and uploaded images). */
  readonly markupNovelId: number;
  /** A novel series of the showcase user with more than 30 novels (two `last_order` pages). */
  readonly novelSeriesId: number;
  /** A manga series of the showcase user (`/v1/illust/series`). */
  readonly illustSeriesId: number;
  /** A novel served as a restricted placeholder. */
  readonly placeholderNovelId: number;
  /** An R-18 novel. */
  readonly r18NovelId: number;
  /** An AI-generated novel (`novel_ai_type: 2`). */
  readonly aiNovelId: number;
  /** An id no novel has (404). */
  readonly missingNovelId: number;
  /** A tag every work of the prolific user carries: search it to list `prolificWorks` works. */
  readonly prolificTag: string;
}

/** The `mode`s `/v1/illust/ranking` takes. */
export const RANKING_MODES = [
  'day', 'week', 'month', 'day_male', 'day_female', 'week_original', 'week_rookie', 'day_manga',
  'week_manga', 'month_manga', 'week_rookie_manga', 'day_r18', 'day_male_r18', 'day_female_r18',
  'week_r18', 'week_r18g',
] as const;
/** A ranking mode. */
export type RankingMode = (typeof RANKING_MODES)[number];

/** `search_target` of `/v1/search/illust`. */
export type SearchTarget = 'partial_match_for_tags' | 'exact_match_for_tags' | 'title_and_caption';
/** `sort` of the searches. */
export type SearchSort = 'date_desc' | 'date_asc' | 'popular_desc';
/** `duration` of the searches. */
export type SearchDuration = 'within_last_day' | 'within_last_week' | 'within_last_month';


/** `search_target` of `/v1/search/novel`. */
export type NovelSearchTarget = 'partial_match_for_tags' | 'exact_match_for_tags' | 'text' | 'keyword';

/** The `mode`s `/v1/novel/ranking` takes. */
export const NOVEL_RANKING_MODES = [
  'day', 'week', 'day_male', 'day_female', 'week_rookie', 'day_ai', 'day_r18', 'day_male_r18',
  'day_female_r18', 'week_r18', 'week_r18g', 'day_r18_ai',
] as const;
/** A novel ranking mode. */
export type NovelRankingMode = (typeof NOVEL_RANKING_MODES)[number];

/** An image uploaded with a novel's text, `[uploadedimage:ID]`. */
export interface FakeNovelImage {
  /** `novelImageId`, the ID of the tag. */
  readonly id: string;
  /** Sanity level (`sl`), as a string like the webview sends it. */
  readonly sl: string;
  /** Absolute URLs by size: `240mw`, `480mw`, `1200x1200`, `128x128`, `original`. */
  readonly urls: Readonly<Record<'240mw' | '480mw' | '1200x1200' | '128x128' | 'original', string>>;
}

/** A novel. */
export interface FakeNovel {
  readonly id: number;
  readonly userId: number;
  readonly title: string;
  readonly caption: string;
  /** ISO 8601 with `+09:00`. */
  readonly createDate: string;
  /** The `YYYY/MM/DD/hh/mm/ss` part of the cover and uploaded-image paths. */
  readonly datePath: string;
  readonly tags: readonly FakeTag[];
  readonly isOriginal: boolean;
  /** Pages of the text (`[newpage]` count + 1). */
  readonly pageCount: number;
  readonly textLength: number;
  readonly xRestrict: 0 | 1 | 2;
  /** `undefined` when the body leaves `novel_ai_type` out (older shape). */
  readonly aiType: 0 | 1 | 2 | undefined;
  readonly series: { readonly id: number; readonly title: string } | null;
  readonly totalView: number;
  readonly totalBookmarks: number;
  readonly totalComments: number;
  /** Set when the API serves this novel as a restricted placeholder. */
  readonly placeholder: PlaceholderKind | null;
  /** Cover URLs (`square_medium`, `medium`, `large`): an uploaded cover or a stock `novel_thumb`. */
  readonly coverUrls: Readonly<Record<'square_medium' | 'medium' | 'large', string>>;
  /** The raw text with its markup. */
  readonly text: string;
  /** Images uploaded with the text, in the order the text places them. */
  readonly images: readonly FakeNovelImage[];
  /** Illustrations the text shows (`[pixivimage:ID]` / `[pixivimage:ID-N]`): `[id, page | null]`. */
  readonly pixivImages: readonly (readonly [number, number | null])[];
}

/** A bookmark of a novel. */
export interface FakeNovelBookmark {
  readonly bookmarkId: number;
  readonly novelId: number;
  readonly restrict: Visibility;
  readonly tags: readonly string[];
}

/** A series of manga (`/v1/illust/series`) or of novels (`/v2/novel/series`). */
export interface FakeSeries {
  readonly id: number;
  readonly kind: 'manga' | 'novel';
  readonly userId: number;
  readonly title: string;
  readonly caption: string;
  /** Ids of the series' works, oldest first (the series' reading order). */
  readonly workIds: readonly number[];
}

/** A pixivision (spotlight) article. */
export interface FakeSpotlightArticle {
  readonly id: number;
  readonly title: string;
  readonly pureTitle: string;
  readonly thumbnail: string;
  readonly articleUrl: string;
  /** ISO 8601 with `+09:00`. */
  readonly publishDate: string;
  /** What the article is about: `illust`, `manga`, `novel` (the `category` filter). */
  readonly kind: 'illust' | 'manga' | 'novel';
  readonly category: 'spotlight' | 'inspiration' | 'tutorial';
  readonly subcategoryLabel: string;
}
