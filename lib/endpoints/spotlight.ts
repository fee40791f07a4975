import { SpotlightArticlesBody, toSpotlightArticle } from '../models';
import { queryNumber } from '../pagination';
import { FOR_IOS, ResumeOptions, listEndpoint } from './endpoint';
import * as check from './validate';

/** Options of `spotlightArticles$`. */
export interface SpotlightArticlesOptions extends ResumeOptions {
  /** The pixivision category, e.g. `illust` or `manga`. @default 'all' */
  readonly category?: string;
  /** Start at this article. */
  readonly offset?: number;
}

export const spotlightArticles = listEndpoint({
  path: '/v1/spotlight/articles',
  query: (options: SpotlightArticlesOptions = {}) => ({
    filter: FOR_IOS,
    category: check.word('category', options.category ?? 'all'),
    offset: check.offset(options.offset),
  }),
  body: SpotlightArticlesBody,
  items: (body) => body.spotlight_articles.map(toSpotlightArticle),
  next: queryNumber('offset'),
});
