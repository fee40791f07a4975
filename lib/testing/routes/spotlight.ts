import { json } from '../reply';
import { filterOf, offset, oneOf, type RouteContext, type RouteTable } from './kit';

/** pixivision articles come 10 a page. */
const ARTICLES_PER_PAGE = 10;
const CATEGORIES = ['all', 'illust', 'manga', 'novel'] as const;

/** `/v1/spotlight/articles`. */
export function spotlightRoutes(ctx: RouteContext): RouteTable {
  const { world, serializer } = ctx;
  return {
    'GET /v1/spotlight/articles': (request) => {
      const q = request.query;
      const category = oneOf(q, 'category', CATEGORIES, 'all');
      const articles = world.spotlightArticles().filter((a) => category === 'all' || a.kind === category);
      const { items, next } = ctx.page(articles, offset(q), ARTICLES_PER_PAGE);
      return json(200, {
        spotlight_articles: items.map((article) => serializer.spotlightArticle(article)),
        next_url: next === null ? null : ctx.nextUrl(request.path, [['filter', filterOf(request)], ['category', category], ['offset', next]]),
      });
    },
  };
}
