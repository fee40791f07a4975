/**
 * The constants of the API, spelled as the API spells them. Members and values are those of the
 * original Python library (azuline/pixiv-api 0.2.1, `pixivapi/enums.py`).
 */

/** The kinds of work on Pixiv. */
export enum ContentType {
  ILLUSTRATION = 'illust',
  MANGA = 'manga',
  UGOIRA = 'ugoira',
  NOVEL = 'novel',
}

/** How far back a search looks. */
export enum Duration {
  LAST_DAY = 'within_last_day',
  LAST_WEEK = 'within_last_week',
  LAST_MONTH = 'within_last_month',
}

/** Which ranking list to fetch. */
export enum RankingMode {
  DAY = 'day',
  WEEK = 'week',
  MONTH = 'month',
  DAY_MALE = 'day_male',
  DAY_FEMALE = 'day_female',
  WEEK_ORIGINAL = 'week_original',
  WEEK_ROOKIE = 'week_rookie',
  DAY_MANGA = 'day_manga',
}

/** How a search matches its words against works. */
export enum SearchTarget {
  TAGS_PARTIAL = 'partial_match_for_tags',
  TAGS_EXACT = 'exact_match_for_tags',
  TITLE_AND_CAPTION = 'title_and_caption',
  /** Novels only: the words anywhere in the text. */
  TEXT = 'text',
  /** Novels only: the words in the title, caption or tags. */
  KEYWORD = 'keyword',
}

/** The sizes an image comes in; `ORIGINAL` has the best quality. */
export enum Size {
  SQUARE_MEDIUM = 'square_medium',
  MEDIUM = 'medium',
  LARGE = 'large',
  ORIGINAL = 'original',
}

/** Search result order: by date, or by popularity (premium accounts only). */
export enum Sort {
  DATE_DESC = 'date_desc',
  DATE_ASC = 'date_asc',
  POPULAR_DESC = 'popular_desc',
}

/** Whether a bookmark or a follow is public or private (the API's `restrict`). */
export enum Visibility {
  PUBLIC = 'public',
  PRIVATE = 'private',
}

/**
 * Whether `value` is one of the values of the string enum `enumObj`, e.g.
 * `isEnumValue(Sort, 'date_desc') === true`. For validating arguments before a request is sent.
 */
export function isEnumValue<E extends Record<string, string>>(enumObj: E, value: unknown): value is E[keyof E] {
  if (typeof value !== 'string') return false;
  for (const key in enumObj) {
    if (Object.prototype.hasOwnProperty.call(enumObj, key) && enumObj[key] === value) return true;
  }
  return false;
}

/** Whether a work was made with AI, from `illust_ai_type` / `novel_ai_type`. */
export enum AiType {
  /** The field is absent or 0: the artist did not say. */
  UNKNOWN = 0,
  NOT_AI = 1,
  AI = 2,
}

/** The audience a work is restricted to, from `x_restrict`; `HIDDEN` for a `limit_*` placeholder. */
export enum Restriction {
  NONE = 'none',
  R18 = 'r18',
  R18G = 'r18g',
  /** Pixiv sent a placeholder instead of the work (hidden, deleted, or not viewable by the account). */
  HIDDEN = 'hidden',
}

/**
 * Whether a search includes AI works (`search_ai_type`). The values follow pixivpy#410, which
 * corrected its docstring to 0 = show, 1 = hide (unverified against a real account).
 */
export enum SearchAiType {
  SHOW = 0,
  HIDE = 1,
}
