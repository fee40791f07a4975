import { FakePixivServer } from '../../lib/testing';
import { allPages, apiGet } from './http-helpers';

describe('FakePixivServer discovery endpoints', () => {
  let server: FakePixivServer;
  let token: string;

  beforeAll(async () => {
    server = await FakePixivServer.start({ seed: 8 });
    token = server.issueAccessToken();
  });

  afterAll(() => server.close());

  const get = (path: string) => apiGet(server, path, token);

  it('pages /v1/illust/new with the max_illust_id cursor, newest first', async () => {
    const pages = await allPages(server, '/v1/illust/new?content_type=manga&filter=for_ios', token);
    const ids = pages.flatMap((p) => p.illusts.map((i: any) => i.id));
    expect(ids).toEqual(server.world.newIllustrations('manga'));
    expect(pages.flatMap((p) => p.illusts).every((i: any) => i.type === 'manga' || i.visible === false)).toBe(true);
    const next = new URL(pages[0].next_url).searchParams;
    expect([...next.keys()]).toEqual(['filter', 'content_type', 'max_illust_id']);
    expect(next.get('max_illust_id')).toBe(String(ids[30]));
    expect((await get('/v1/illust/new?content_type=novel')).status).toBe(400);
  });

  it('answers /v1/illust/series with its detail, first work and works oldest first', async () => {
    const { world } = server;
    const body = (await get(`/v1/illust/series?illust_series_id=${world.samples.illustSeriesId}&filter=for_ios`)).json();
    const series = world.illustSeries(world.samples.illustSeriesId);
    expect(body.illust_series_detail).toMatchObject({ id: series?.id, title: series?.title, series_work_count: series?.workIds.length, user: { id: world.showcaseUserId } });
    expect(body.illust_series_first_illust.id).toBe(series?.workIds[0]);
    expect(body.illusts.map((i: any) => i.id)).toEqual(series?.workIds);
    expect((await get('/v1/illust/series?illust_series_id=1')).status).toBe(404);
  });

  it('answers /v1/manga/recommended with manga, ranking_illusts and an offset + max_bookmark_id cursor', async () => {
    const body = (await get('/v1/manga/recommended?include_ranking_label=true&include_ranking_illusts=true&filter=for_ios')).json();
    expect(body.illusts.every((i: any) => i.type === 'manga')).toBe(true);
    expect(body.ranking_illusts.length).toBeGreaterThan(0);
    const next = new URL(body.next_url).searchParams;
    expect(next.get('offset')).toBe('30');
    expect(next.get('max_bookmark_id')).toMatch(/^\d+$/);
  });

  it('searches users, lists related, recommended and my pixiv users as previews with offset cursors', async () => {
    const { world } = server;
    const someone = world.users.find((u) => u.role === 'member') as { name: string; id: number };
    const found = (await get(`/v1/search/user?word=${encodeURIComponent(someone.name)}&filter=for_ios`)).json();
    expect(found.user_previews.map((p: any) => p.user.id)).toContain(someone.id);
    const related = await allPages(server, `/v1/user/related?filter=for_ios&seed_user_id=${world.showcaseUserId}`, token);
    expect(related.length).toBe(2);
    expect(new URL(related[0].next_url).searchParams.get('seed_user_id')).toBe(String(world.showcaseUserId));
    const recommended = await allPages(server, '/v1/user/recommended?filter=for_ios', token);
    const ids = recommended.flatMap((p) => p.user_previews.map((u: any) => u.user.id));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id: number) => !world.isFollowing(world.accountId, id))).toBe(true);
    expect(recommended[0].user_previews[0]).toEqual({ user: expect.any(Object), illusts: expect.any(Array), novels: expect.any(Array), is_muted: false });
    expect((await get(`/v1/user/related?seed_user_id=${world.samples.missingUserId}`)).status).toBe(404);
  });

  it('completes tags with translations and no next_url', async () => {
    const body = (await get('/v2/search/autocomplete?word=%E7%8C%AB&merge_plain_keyword_results=true')).json();
    expect(Object.keys(body)).toEqual(['tags']);
    expect(body.tags[0]).toEqual({ name: '猫', translated_name: 'cat' });
  });

  it('pages pixivision articles 10 at a time, by category', async () => {
    const pages = await allPages(server, '/v1/spotlight/articles?filter=for_ios&category=all', token);
    expect(pages[0].spotlight_articles).toHaveLength(10);
    expect(Object.keys(pages[0].spotlight_articles[0])).toEqual(['id', 'title', 'pure_title', 'thumbnail', 'article_url', 'publish_date', 'category', 'subcategory_label']);
    expect(new URL(pages[0].next_url).searchParams.get('offset')).toBe('10');
    const count = pages.flatMap((p) => p.spotlight_articles).length;
    const novels = (await allPages(server, '/v1/spotlight/articles?category=novel', token)).flatMap((p) => p.spotlight_articles);
    expect(novels.length).toBeLessThan(count);
    expect(novels.every((a: any) => a.subcategory_label === '小説')).toBe(true);
    const thumb = await apiGet(server, `${server.imageBaseUrl}${new URL(pages[0].spotlight_articles[0].thumbnail).pathname}`, token, { Referer: 'https://www.pixiv.net/' });
    expect(thumb.status).toBe(200);
  });
});
