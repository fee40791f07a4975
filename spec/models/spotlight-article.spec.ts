import { SpotlightArticlesBody, decode, toSpotlightArticle } from '../../lib/models';
import { decodeError, fixture } from './fixture';
import { expectHostileBodiesHandled } from './mutations';

const recorded = () => fixture('v1-spotlight-articles/pixiv-shaft-2019-zh.json');

describe('SpotlightArticlesBody and toSpotlightArticle', () => {
  it('maps every recorded article to camelCase with a Date', () => {
    const articles = decode(SpotlightArticlesBody, recorded()).spotlight_articles.map(toSpotlightArticle);
    expect(articles).toHaveLength(10);
    expect(articles.every((a) => a.publishDate instanceof Date && !Number.isNaN(a.publishDate.getTime()))).toBe(true);
    expect(articles.every((a) => a.articleUrl.startsWith('https://www.pixivision.net/zh/a/'))).toBe(true);
  });

  it('refuses an article without its title or url', () => {
    const body = recorded();
    delete body.spotlight_articles[4].article_url;
    expect(decodeError(SpotlightArticlesBody, body).path).toBe('spotlight_articles.4.article_url');
  });

  it('decodes or refuses damaged bodies, never throwing anything else', () => {
    const body = recorded();
    body.spotlight_articles = body.spotlight_articles.slice(0, 2);
    expectHostileBodiesHandled(SpotlightArticlesBody, body, (b) => b.spotlight_articles.map(toSpotlightArticle));
  });
});
