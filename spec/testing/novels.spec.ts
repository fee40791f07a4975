import { FakePixivServer } from '../../lib/testing';
import { allPages, apiGet, apiPost } from './http-helpers';

/** The embedded novel object of a webview page, read the robust way (a balanced object after `novel:`). */
function embeddedNovel(html: string): any {
  const start = html.indexOf('{', html.indexOf('novel:'));
  let depth = 0;
  let inString = false;
  for (let i = start; i < html.length; i++) {
    const c = html[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return JSON.parse(html.slice(start, i + 1));
  }
  throw new Error('no novel object');
}

describe('FakePixivServer novels', () => {
  let server: FakePixivServer;
  let token: string;

  beforeAll(async () => {
    server = await FakePixivServer.start({ seed: 4 });
    token = server.issueAccessToken();
  });

  afterAll(() => server.close());

  const get = (path: string) => apiGet(server, path, token);

  it('answers /v2/novel/detail with the real shape, series {} when there is none', async () => {
    const { world } = server;
    const body = (await get(`/v2/novel/detail?novel_id=${world.samples.markupNovelId}`)).json();
    expect(body.novel).toMatchObject({
      id: world.samples.markupNovelId,
      page_count: 4,
      visible: true,
      series: {},
      comment_access_control: 0,
      user: { id: world.showcaseUserId },
    });
    expect(body.novel.text_length).toBe(world.novel(world.samples.markupNovelId)?.text.length);
    expect(body.novel.image_urls.large).toMatch(/\/c\/240x480_80\/novel-cover-master\/img\/.*_master1200\.jpg$/);
    const inSeries = (await get(`/v2/novel/detail?novel_id=${world.novelSeries(world.samples.novelSeriesId)?.workIds[0]}`)).json();
    expect(inSeries.novel.series).toEqual({ id: world.samples.novelSeriesId, title: expect.any(String) });
    expect((await get(`/v2/novel/detail?novel_id=${world.samples.missingNovelId}`)).status).toBe(404);
  });

  it('serves AI, R-18 and placeholder novels with their flags', async () => {
    const { samples } = server.world;
    const ai = (await get(`/v2/novel/detail?novel_id=${samples.aiNovelId}`)).json().novel;
    expect(ai.novel_ai_type).toBe(2);
    const r18 = (await get(`/v2/novel/detail?novel_id=${samples.r18NovelId}`)).json().novel;
    expect(r18).toMatchObject({ x_restrict: 1, is_x_restricted: true });
    expect(r18.tags.map((t: any) => t.name)).toContain('R-18');
    const hidden = (await get(`/v2/novel/detail?novel_id=${samples.placeholderNovelId}`)).json().novel;
    expect(hidden).toMatchObject({ visible: false, title: '', tags: [] });
    expect(hidden.image_urls.medium).toMatch(/\/common\/images\/limit_\w+_360\.png$/);
  });

  it('answers /webview/v2/novel as HTML holding the novel object in the real shape, with markup of every kind', async () => {
    const { world } = server;
    const id = world.samples.markupNovelId;
    const res = await get(`/webview/v2/novel?id=${id}&viewer_version=20221031_ai`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toMatch(/Object\.defineProperty\(window, 'pixiv', \{\s+value: \{/);
    expect(res.text).toMatch(/novel: \{.*\},\s+isOwnWork: false,/);
    const novel = embeddedNovel(res.text);
    expect(Object.keys(novel)).toEqual([
      'id', 'title', 'seriesId', 'seriesTitle', 'seriesIsWatched', 'userId', 'coverUrl', 'tags', 'caption', 'cdate',
      'rating', 'text', 'marker', 'illusts', 'images', 'seriesNavigation', 'glossaryItems', 'replaceableItemIds', 'aiType', 'isOriginal',
    ]);
    expect(novel.id).toBe(String(id));
    const text: string = novel.text;
    expect(text).toBe(world.novel(id)?.text);
    for (const pattern of [/\[newpage\]/, /\[chapter:[^\]]+\]/, /\[jump:\d+\]/, /\[\[rb:[^>\]]+ ?> ?[^\]]+\]\]/, /\[\[jumpuri:[^>]+> https:\/\/[^\]]+\]\]/, /\[pixivimage:\d+\]/, /\[pixivimage:\d+-\d+\]/, /\[uploadedimage:\d+\]/]) {
      expect(text).toMatch(pattern);
    }
    const uploaded = [...text.matchAll(/\[uploadedimage:(\d+)\]/g)].map((m) => m[1]);
    expect(Object.keys(novel.images).sort()).toEqual([...new Set(uploaded)].sort());
    for (const imageId of uploaded) {
      expect(Object.keys(novel.images[imageId].urls)).toEqual(['240mw', '480mw', '1200x1200', '128x128', 'original']);
      const original = await apiGet(server, `${server.imageBaseUrl}${new URL(novel.images[imageId].urls.original).pathname}`, token, { Referer: 'https://app-api.pixiv.net/' });
      expect(original.status).toBe(200);
      expect(original.body.equals(server.imageBytesOf(novel.images[imageId].urls.original))).toBe(true);
    }
    const shown = [...text.matchAll(/\[pixivimage:(\d+(?:-\d+)?)\]/g)].map((m) => m[1]);
    expect(Object.keys(novel.illusts).sort()).toEqual([...new Set(shown)].sort());
    expect(novel.illusts[shown[0]].illust.images.original).toMatch(/\/img-original\//);
  });

  it('has a page without images holding [] for images and illusts, and series navigation in a series', async () => {
    const { world } = server;
    const series = world.novelSeries(world.samples.novelSeriesId);
    const second = series?.workIds[1] as number;
    const novel = embeddedNovel((await get(`/webview/v2/novel?id=${second}`)).text);
    expect(novel.seriesId).toBe(String(series?.id));
    expect(novel.seriesNavigation.prevNovel).toMatchObject({ id: series?.workIds[0], contentOrder: '1' });
    expect(novel.seriesNavigation.nextNovel).toMatchObject({ id: series?.workIds[2], contentOrder: '3' });
    const plain = world
      .newNovels()
      .map((novelId) => world.novel(novelId))
      .find((n) => n && !n.placeholder && !n.series && n.images.length === 0 && n.pixivImages.length === 0);
    expect(plain).toBeDefined();
    const body = embeddedNovel((await get(`/webview/v2/novel?id=${plain?.id}`)).text);
    expect(body.images).toEqual([]);
    expect(body.illusts).toEqual([]);
    expect(body.seriesNavigation).toBeNull();
    expect((await get('/v1/novel/text?novel_id=1')).status).toBe(404);
  });

  it('pages a novel series with the last_order cursor, with its detail, first and latest novels', async () => {
    const { world } = server;
    const seriesId = world.samples.novelSeriesId;
    const pages = await allPages(server, `/v2/novel/series?series_id=${seriesId}&filter=for_ios`, token);
    expect(pages.length).toBe(2);
    expect(new URL(pages[0].next_url).searchParams.get('last_order')).toBe('30');
    const ids = pages.flatMap((page) => page.novels.map((n: any) => n.id));
    const series = world.novelSeries(seriesId);
    expect(ids).toEqual(series?.workIds);
    expect(pages[0].novel_series_detail).toMatchObject({ id: seriesId, content_count: ids.length, user: { id: world.showcaseUserId } });
    expect(pages[0].novel_series_first_novel.id).toBe(ids[0]);
    expect(pages[0].novel_series_latest_novel.id).toBe(ids.at(-1));
  });

  it('lists a user\'s novels, comments, and the novel feeds with their cursors', async () => {
    const { world } = server;
    const user = await allPages(server, `/v1/user/novels?user_id=${world.showcaseUserId}&filter=for_ios`, token);
    expect(user.flatMap((p) => p.novels.map((n: any) => n.id))).toEqual(world.novelIdsOf(world.showcaseUserId));
    const commented = world.novelsOf(world.showcaseUserId).find((n) => n.totalComments > 0);
    const comments = (await get(`/v3/novel/comments?novel_id=${commented?.id}`)).json();
    expect(comments.comments.length).toBe(Math.min(30, commented?.totalComments ?? 0));
    expect(comments.total_comments).toBe(commented?.totalComments);
    const fresh = await allPages(server, '/v1/novel/new?filter=for_ios', token);
    const freshIds = fresh.flatMap((p) => p.novels.map((n: any) => n.id));
    expect(freshIds).toEqual(world.newNovels());
    expect(new URL(fresh[0].next_url).searchParams.get('max_novel_id')).toBe(String(freshIds[30]));
    const follow = await allPages(server, '/v1/novel/follow?restrict=all', token);
    expect(follow.flatMap((p) => p.novels.map((n: any) => n.id))).toEqual(world.followingNovels(world.accountId, 'all'));
    const ranking = await allPages(server, '/v1/novel/ranking?mode=day', token);
    expect(ranking.flatMap((p) => p.novels).every((n: any) => n.x_restrict === 0)).toBe(true);
    const recommended = (await get('/v1/novel/recommended?include_ranking_novels=true&include_ranking_label=true&filter=for_ios')).json();
    expect(recommended.ranking_novels.length).toBeGreaterThan(0);
    expect(recommended.next_url).toContain('max_bookmark_id_for_recommend=');
    const trending = (await get('/v1/trending-tags/novel?filter=for_ios')).json();
    expect(trending.trend_tags[0]).toMatchObject({ tag: expect.any(String), illust: { type: expect.stringMatching(/illust|manga|ugoira/) } });
  });

  it('keeps novel bookmarks that POSTs change, paged by max_bookmark_id, with their tags', async () => {
    const { world } = server;
    const pages = await allPages(server, `/v1/user/bookmarks/novel?user_id=${world.accountId}&restrict=public`, token);
    expect(pages.length).toBeGreaterThan(1);
    expect(new URL(pages[0].next_url).searchParams.get('max_bookmark_id')).toMatch(/^\d+$/);
    const target = world.novelsOf(world.showcaseUserId)[5]?.id;
    expect((await apiPost(server, '/v2/novel/bookmark/add', { novel_id: String(target), restrict: 'private', 'tags[]': ['読了', '名作'] }, token)).status).toBe(200);
    const detail = (await get(`/v2/novel/bookmark/detail?novel_id=${target}`)).json().bookmark_detail;
    expect(detail).toMatchObject({ is_bookmarked: true, restrict: 'private' });
    expect(detail.tags.filter((t: any) => t.is_registered).map((t: any) => t.name).sort()).toEqual(['名作', '読了']);
    const tags = await allPages(server, `/v1/user/bookmark-tags/novel?user_id=${world.accountId}&restrict=private`, token);
    expect(tags.flatMap((p) => p.bookmark_tags)).toEqual(expect.arrayContaining([{ name: '読了', count: 1 }]));
    expect((await apiPost(server, '/v1/novel/bookmark/delete', { novel_id: String(target) }, token)).status).toBe(200);
    expect((await get(`/v2/novel/bookmark/detail?novel_id=${target}`)).json().bookmark_detail.is_bookmarked).toBe(false);
  });

  it('serves novel covers and stock thumbnails on the image host', async () => {
    const novel = server.world.novel(server.world.samples.markupNovelId);
    const res = await apiGet(server, `${server.imageBaseUrl}${new URL(novel?.coverUrls.medium as string).pathname}`, token, { Referer: 'https://app-api.pixiv.net/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    const wrong = (novel?.coverUrls.medium as string).replace(/_[0-9a-f]{32}_/, `_${'0'.repeat(32)}_`);
    expect((await apiGet(server, `${server.imageBaseUrl}${new URL(wrong).pathname}`, token, { Referer: 'https://app-api.pixiv.net/' })).status).toBe(404);
    const stock = server.world
      .newNovels()
      .map((novelId) => server.world.novel(novelId))
      .find((n) => n && !n.placeholder && n.coverUrls.large.includes('/common/images/novel_thumb/'));
    expect(stock).toBeDefined();
    expect((await apiGet(server, `${server.imageBaseUrl}${new URL(stock?.coverUrls.large as string).pathname}`, token)).status).toBe(200);
  });
});
