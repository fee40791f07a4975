import {
  AutocompleteBody,
  Duration,
  SearchAiType,
  SearchIllustrationsBody,
  SearchNovelsBody,
  SearchTarget,
  Sort,
  UserPreviewsBody,
  toIllustration,
  toNovel,
  toTag,
  toUserPreview,
} from '../models';
import { queryNumber } from '../pagination';
import { DateWindows, FOR_IOS, ResumeOptions, callEndpoint, listEndpoint } from './endpoint';
import * as check from './validate';

/** What the illustration and the novel search share. */
export interface SearchWorksOptions extends ResumeOptions {
  /** @default Sort.DATE_DESC */
  readonly sort?: Sort;
  /** Only works from this recent period; all time by default. */
  readonly duration?: Duration;
  /** Only works created on or after this day (`YYYY-MM-DD`, or a Date taken by its UTC day). */
  readonly startDate?: string | Date;
  /** Only works created on or before this day (`YYYY-MM-DD`, or a Date taken by its UTC day). */
  readonly endDate?: string | Date;
  /** Whether AI-generated works are included; the account's setting by default. */
  readonly searchAiType?: SearchAiType;
  /** Start at this result (Pixiv refuses offsets past 5000). */
  readonly offset?: number;
  /**
   * Go on past Pixiv's offset cap (5000) in date windows: when a window reaches the cap, the next
   * one ends (`Sort.DATE_DESC`) or starts (`Sort.DATE_ASC`) on the Tokyo day of the last work
   * emitted, and works already emitted are skipped. A window that brings nothing new ends the
   * walk; a single day holding more than the cap ends it with the cap's `PixivApiError`. Only
   * with a date sort (a TypeError otherwise).
   * @default false
   */
  readonly pastOffsetLimit?: boolean;
}

/** Options of `searchIllustrations$`. */
export interface SearchIllustrationsOptions extends SearchWorksOptions {
  /** How the words are matched. @default SearchTarget.TAGS_PARTIAL */
  readonly searchTarget?: SearchTarget;
}

/** Options of `searchNovels$`. */
export interface SearchNovelsOptions extends SearchWorksOptions {
  /**
   * How the words are matched: `TAGS_PARTIAL`, `TAGS_EXACT`, `TEXT` or `KEYWORD`.
   * @default SearchTarget.TAGS_PARTIAL
   */
  readonly searchTarget?: SearchTarget;
}

/** Options of `searchUsers$`. */
export interface SearchUsersOptions extends ResumeOptions {
  /** Start at this result. */
  readonly offset?: number;
}

const offsetCursor = queryNumber('offset');

const ILLUSTRATION_TARGETS: readonly SearchTarget[] = [
  SearchTarget.TAGS_PARTIAL,
  SearchTarget.TAGS_EXACT,
  SearchTarget.TITLE_AND_CAPTION,
];
const NOVEL_TARGETS: readonly SearchTarget[] = [
  SearchTarget.TAGS_PARTIAL,
  SearchTarget.TAGS_EXACT,
  SearchTarget.TEXT,
  SearchTarget.KEYWORD,
];

function searchTarget(value: unknown, allowed: readonly SearchTarget[]): SearchTarget {
  const target = check.oneOf('searchTarget', SearchTarget, value ?? SearchTarget.TAGS_PARTIAL);
  if (!allowed.includes(target)) {
    throw new TypeError(`searchTarget must be one of ${allowed.join(', ')} here, got "${target}"`);
  }
  return target;
}

/** The sort, checked against `pastOffsetLimit` (date windows need a date order). */
function sortOf(options: SearchWorksOptions): Sort {
  const sort = check.oneOf('sort', Sort, options.sort ?? Sort.DATE_DESC);
  if (options.pastOffsetLimit !== undefined && check.flag('pastOffsetLimit', options.pastOffsetLimit)) {
    if (sort !== Sort.DATE_DESC && sort !== Sort.DATE_ASC) {
      throw new TypeError(`pastOffsetLimit needs sort date_desc or date_asc, got "${sort}"`);
    }
  }
  return sort;
}

/** The date window, the AI filter and the offset, in the order pixivpy sends them. */
function windowParams(options: SearchWorksOptions) {
  return {
    start_date: check.date('startDate', options.startDate),
    end_date: check.date('endDate', options.endDate),
    search_ai_type: check.optionalNumericOneOf('searchAiType', SearchAiType, options.searchAiType),
    offset: check.offset(options.offset),
  };
}

/** The date windows of a work search, when `pastOffsetLimit` asks for them. */
function dateWindowsOf<Item extends { readonly id: number; readonly createDate: Date }>(
  options: SearchWorksOptions = {},
): DateWindows<Item> | undefined {
  if (options.pastOffsetLimit !== true) return undefined;
  return {
    bound: sortOf(options) === Sort.DATE_ASC ? 'start_date' : 'end_date',
    offsetParam: 'offset',
    idOf: (item) => item.id,
    dateOf: (item) => item.createDate,
  };
}

export const searchIllustrations = listEndpoint({
  path: '/v1/search/illust',
  query: (word: string, options: SearchIllustrationsOptions = {}) => ({
    word: check.word('word', word),
    search_target: searchTarget(options.searchTarget, ILLUSTRATION_TARGETS),
    sort: sortOf(options),
    filter: FOR_IOS,
    duration: check.optionalOneOf('duration', Duration, options.duration),
    ...windowParams(options),
  }),
  body: SearchIllustrationsBody,
  items: (body) => body.illusts.map(toIllustration),
  next: offsetCursor,
  extras: (body) => ({ searchSpanLimit: body.search_span_limit ?? null }),
  dateWindows: (_word: string, options?: SearchIllustrationsOptions) => dateWindowsOf(options),
});

export const searchNovels = listEndpoint({
  path: '/v1/search/novel',
  query: (word: string, options: SearchNovelsOptions = {}) => ({
    word: check.word('word', word),
    search_target: searchTarget(options.searchTarget, NOVEL_TARGETS),
    sort: sortOf(options),
    filter: FOR_IOS,
    merge_plain_keyword_results: true,
    include_translated_tag_results: true,
    duration: check.optionalOneOf('duration', Duration, options.duration),
    ...windowParams(options),
  }),
  body: SearchNovelsBody,
  items: (body) => body.novels.map(toNovel),
  next: offsetCursor,
  extras: (body) => ({ searchSpanLimit: body.search_span_limit ?? null, showAi: body.show_ai ?? null }),
  dateWindows: (_word: string, options?: SearchNovelsOptions) => dateWindowsOf(options),
});

export const searchUsers = listEndpoint({
  path: '/v1/search/user',
  query: (word: string, options: SearchUsersOptions = {}) => ({
    word: check.word('word', word),
    filter: FOR_IOS,
    offset: check.offset(options.offset),
  }),
  body: UserPreviewsBody,
  items: (body) => body.user_previews.map(toUserPreview),
  next: offsetCursor,
});

export const searchAutocomplete = callEndpoint({
  method: 'GET',
  path: '/v2/search/autocomplete',
  params: (word: string) => ({ word: check.word('word', word), merge_plain_keyword_results: true }),
  body: AutocompleteBody,
  result: (body) => body.tags.map(toTag),
});
