import { firstValueFrom, take } from 'rxjs';
import { AiType, Restriction, Visibility, type PixivClient } from '../../lib';
import { FakePixivServer } from '../../lib/testing';
import { apiRequests, clientOf, collect } from './helpers';

describe('novels over the fake', () => {
  let server: FakePixivServer;
  let client: PixivClient;

  beforeAll(async () => {
    server = await FakePixivServer.start({ seed: 11 });
    client = clientOf(server);
  });

  afterAll(() => server.close());

  beforeEach(() => server.resetLog());

  it('novel$ maps a novel with its AI type and restriction', async () => {
    const { samples } = server.world;
    const ai = await firstValueFrom(client.novel$(samples.aiNovelId));
    expect(ai).toMatchObject({ id: samples.aiNovelId, aiType: AiType.AI, restriction: Restriction.NONE });
    const r18 = await firstValueFrom(client.novel$(samples.r18NovelId));
    expect(r18.restriction).toBe(Restriction.R18);
    const hidden = await firstValueFrom(client.novel$(samples.placeholderNovelId));
    expect(hidden).toMatchObject({ visible: false, restriction: Restriction.HIDDEN });
    const markup = await firstValueFrom(client.novel$(samples.markupNovelId));
    expect(markup.series).toBeNull();
  });

  it('novelText$ reads the webview page: pages split at [newpage], uploaded images and every node kind', async () => {
    const id = server.world.samples.markupNovelId;
    const novel = server.world.novel(id);
    const text = await firstValueFrom(client.novelText$(id));
    expect(text.novelId).toBe(id);
    expect(text.text).toBe(novel?.text);
    expect(text.pages).toHaveLength(novel?.pageCount as number);
    const kinds = new Set(text.pages.flat().map((node) => node.type));
    expect([...kinds].sort()).toEqual(['chapter', 'jump', 'link', 'pixivImage', 'ruby', 'text', 'uploadedImage']);
    expect(Object.keys(text.images).sort()).toEqual(novel?.images.map((image) => image.id).sort());
    for (const image of novel?.images ?? []) expect(text.images[image.id]).toBe(image.urls.original);
    const request = apiRequests(server).find((entry) => entry.path === '/webview/v2/novel');
    expect(request?.query).toMatchObject({ id: String(id) });
  });

  it('novelSeries$ follows the last_order cursor verbatim to the end, and take stops early', async () => {
    const { world } = server;
    const seriesId = world.samples.novelSeriesId;
    const novels = await collect(client.novelSeries$(seriesId));
    expect(novels.map((n) => n.id)).toEqual(world.novelSeries(seriesId)?.workIds);
    const requests = apiRequests(server).filter((entry) => entry.path === '/v2/novel/series');
    expect(requests).toHaveLength(2);
    expect(requests[1]?.query.last_order).toBe('30');
    const pages = await collect(client.novelSeriesPages$(seriesId));
    expect(pages[0]).toMatchObject({ seriesDetail: { id: seriesId }, firstNovel: { id: novels[0]?.id }, latestNovel: { id: novels.at(-1)?.id } });
    server.resetLog();
    const resumed = await collect(client.novelSeries$(seriesId, { lastOrder: 30 }));
    expect(resumed.map((n) => n.id)).toEqual(novels.slice(30).map((n) => n.id));
    server.resetLog();
    expect(await collect(client.novelSeries$(seriesId).pipe(take(5)))).toHaveLength(5);
    expect(apiRequests(server).filter((entry) => entry.path === '/v2/novel/series')).toHaveLength(1);
  });

  it('newNovels$ follows max_novel_id verbatim, and userNovels$ pages by offset to the end', async () => {
    const { world } = server;
    const fresh = await collect(client.newNovels$().pipe(take(75)));
    expect(fresh.map((n) => n.id)).toEqual(world.newNovels().slice(0, 75));
    const cursors = apiRequests(server).filter((entry) => entry.path === '/v1/novel/new').map((entry) => entry.query.max_novel_id);
    expect(cursors).toEqual([undefined, String(world.newNovels()[30]), String(world.newNovels()[60])]);
    const own = await collect(client.userNovels$(world.showcaseUserId));
    expect(own.map((n) => n.id)).toEqual(world.novelIdsOf(world.showcaseUserId));
  });

  it('novel comments, recommendations, follow feed, ranking, search and trending tags decode', async () => {
    const { world } = server;
    const commented = world.novelsOf(world.showcaseUserId).find((n) => n.totalComments > 0) ?? world.novel(world.samples.markupNovelId);
    const comments = await collect(client.novelComments$(commented?.id as number));
    expect(comments).toHaveLength(commented?.totalComments as number);
    const recommended = await collect(client.recommendedNovels$({ includeRankingNovels: true }).pipe(take(40)));
    expect(recommended).toHaveLength(40);
    const following = await collect(client.followingNovels$({ visibility: Visibility.PUBLIC }));
    expect(following.map((n) => n.id)).toEqual(world.followingNovels(world.accountId, 'public'));
    const ranking = await collect(client.rankingNovels$());
    expect(ranking.length).toBeGreaterThan(0);
    const found = await collect(client.searchNovels$('novel').pipe(take(31)));
    expect(found).toHaveLength(31);
    const tags = await collect(client.trendingNovelTags$());
    expect(tags.length).toBeGreaterThan(0);
    expect(tags[0]?.illustration.id).toEqual(expect.any(Number));
  });

  it('novel bookmarks: add, detail, list by max_bookmark_id, tags and delete', async () => {
    const { world } = server;
    const target = world.novelIdsOf(world.showcaseUserId)[7];
    await firstValueFrom(client.addNovelBookmark(target, { visibility: Visibility.PRIVATE, tags: ['再読'] }), { defaultValue: undefined });
    const detail = await firstValueFrom(client.novelBookmark$(target));
    expect(detail.isBookmarked).toBe(true);
    const privateOnes = await collect(client.userNovelBookmarks$(world.accountId, { visibility: Visibility.PRIVATE }));
    expect(privateOnes[0]?.id).toBe(target);
    const publicOnes = await collect(client.userNovelBookmarks$(world.accountId));
    expect(publicOnes.map((n) => n.id)).toEqual(world.novelBookmarksOf(world.accountId, 'public').map((b) => b.novelId));
    const cursors = apiRequests(server).filter((e) => e.path === '/v1/user/bookmarks/novel' && e.query.restrict === 'public').map((e) => e.query.max_bookmark_id);
    expect(cursors[1]).toBe(String(world.novelBookmarksOf(world.accountId, 'public')[30]?.bookmarkId));
    const tags = await collect(client.userNovelBookmarkTags$(world.accountId, { visibility: Visibility.PRIVATE }));
    expect(tags.map((t) => t.name)).toContain('再読');
    await firstValueFrom(client.deleteNovelBookmark(target), { defaultValue: undefined });
    expect((await firstValueFrom(client.novelBookmark$(target))).isBookmarked).toBe(false);
  });
});
