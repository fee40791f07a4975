import { Duration, SearchIllustrationsBody, SearchTarget, Sort, toIllustration } from '../models';
import { queryNumber } from '../pagination';
import { FOR_IOS, listEndpoint } from './endpoint';
import * as check from './validate';

export interface SearchIllustrationsOptions {
  /** How the words are matched. @default SearchTarget.TAGS_PARTIAL */
  readonly searchTarget?: SearchTarget;
  /** @default Sort.DATE_DESC */
  readonly sort?: Sort;
  /** Only works from this recent period; all time by default. */
  readonly duration?: Duration;
  /** Start at this result (Pixiv refuses offsets past 5000). */
  readonly offset?: number;
}

export const searchIllustrations = listEndpoint({
  path: '/v1/search/illust',
  query: (word: string, options: SearchIllustrationsOptions = {}) => ({
    word: check.word('word', word),
    search_target: check.oneOf('searchTarget', SearchTarget, options.searchTarget ?? SearchTarget.TAGS_PARTIAL),
    sort: check.oneOf('sort', Sort, options.sort ?? Sort.DATE_DESC),
    filter: FOR_IOS,
    duration: check.optionalOneOf('duration', Duration, options.duration),
    offset: check.offset(options.offset),
  }),
  body: SearchIllustrationsBody,
  items: (body) => body.illusts.map(toIllustration),
  next: queryNumber('offset'),
  extras: (body) => ({ searchSpanLimit: body.search_span_limit ?? null }),
});
