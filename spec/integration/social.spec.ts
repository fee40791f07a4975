import { firstValueFrom, take } from 'rxjs';
import { AiType, ContentType, Visibility, type PixivClient } from '../../lib';
import { FakePixivServer } from '../../lib/testing';
import { apiRequests, clientOf, collect } from './helpers';

const done = (source: import('rxjs').Observable<void>) => firstValueFrom(source, { defaultValue: undefined });

describe('follows, watchlists, settings and discovery over the fake', () => {
  let server: FakePixivServer;
  let client: PixivClient;

  beforeAll(async () => {
    server = await FakePixivServer.start({ seed: 12 });
    client = clientOf(server);
  });

  afterAll(() => server.close());

  beforeEach(() => server.resetLog());

  it('follow and unfollow change followDetail$ and following$', async () => {
    const { world } = server;
    const target = world.users.find((u) => u.role === 'member' && !world.isFollowing(world.accountId, u.id))?.id as number;
    expect(await firstValueFrom(client.followDetail$(target))).toEqual({ isFollowed: false, visibility: null });
    await done(client.follow(target, { visibility: Visibility.PRIVATE }));
    expect(await firstValueFrom(client.followDetail$(target))).toEqual({ isFollowed: true, visibility: Visibility.PRIVATE });
    const following = await collect(client.following$(world.accountId, { visibility: Visibility.PRIVATE }));
    expect(following[0]?.user.id).toBe(target);
    expect(server.requests({ method: 'POST', path: '/v1/user/follow/add' })[0]?.form).toEqual({ user_id: String(target), restrict: 'private' });
    await done(client.unfollow(target));
    expect(await firstValueFrom(client.followDetail$(target))).toEqual({ isFollowed: false, visibility: null });
    expect((await collect(client.following$(world.accountId, { visibility: Visibility.PRIVATE }))).map((p) => p.user.id)).not.toContain(target);
  });

  it('addToWatchlist and removeFromWatchlist change watchlist$', async () => {
    const { world } = server;
    const ids = async (kind: ContentType.MANGA | ContentType.NOVEL) => (await collect(client.watchlist$(kind))).map((s) => s.id);
    expect(await ids(ContentType.MANGA)).toEqual([world.samples.illustSeriesId]);
    const other = world.seriesOf(world.showcaseUserId, 'manga')[1]?.id;
    await done(client.addToWatchlist(other, ContentType.MANGA));
    expect(await ids(ContentType.MANGA)).toEqual([other, world.samples.illustSeriesId]);
    await done(client.removeFromWatchlist(world.samples.illustSeriesId, ContentType.MANGA));
    expect(await ids(ContentType.MANGA)).toEqual([other]);
    const novels = await collect(client.watchlist$(ContentType.NOVEL));
    expect(novels[0]).toMatchObject({ id: world.samples.novelSeriesId, user: { id: world.showcaseUserId }, maskText: null });
  });

  it('setAiShowSettings(false) hides AI works from the listings that honour it', async () => {
    const { world } = server;
    expect(await firstValueFrom(client.aiShowSettings$())).toEqual({ showAi: true });
    await done(client.setAiShowSettings(false));
    try {
      expect(await firstValueFrom(client.aiShowSettings$())).toEqual({ showAi: false });
      const works = await collect(client.searchIllustrations$('original').pipe(take(300)));
      expect(works.some((w) => w.aiType === AiType.AI || world.isAiIllustration(w.id))).toBe(false);
    } finally {
      await done(client.setAiShowSettings(true));
    }
  });

  it('newIllustrations$ follows max_illust_id verbatim; illustrationSeries$ and recommendedManga$ decode', async () => {
    const { world } = server;
    const manga = await collect(client.newIllustrations$({ contentType: ContentType.MANGA }));
    expect(manga.map((w) => w.id)).toEqual(world.newIllustrations('manga'));
    const cursors = apiRequests(server).filter((e) => e.path === '/v1/illust/new').map((e) => e.query.max_illust_id);
    expect(cursors[1]).toBe(String(world.newIllustrations('manga')[30]));
    const series = await collect(client.illustrationSeries$(world.samples.illustSeriesId));
    expect(series.map((w) => w.id)).toEqual(world.illustSeries(world.samples.illustSeriesId)?.workIds);
    const pages = await collect(client.illustrationSeriesPages$(world.samples.illustSeriesId));
    expect(pages[0]).toMatchObject({ seriesDetail: { id: world.samples.illustSeriesId }, firstIllustration: { id: series[0]?.id } });
    const recommended = await collect(client.recommendedManga$().pipe(take(45)));
    expect(recommended).toHaveLength(45);
  });

  it('user searches, related, recommended and my pixiv users, autocomplete and pixivision', async () => {
    const { world } = server;
    const someone = world.users.find((u) => u.role === 'member') as { name: string; id: number };
    expect((await collect(client.searchUsers$(someone.name))).map((p) => p.user.id)).toContain(someone.id);
    const related = await collect(client.relatedUsers$(world.showcaseUserId));
    expect(related.map((p) => p.user.id)).toEqual(world.relatedUsersOf(world.showcaseUserId));
    const recommended = await collect(client.recommendedUsers$());
    expect(recommended.map((p) => p.user.id)).toEqual(world.recommendedUsersFor(world.accountId));
    const mypixiv = await collect(client.mypixiv$(world.accountId));
    expect(mypixiv.map((p) => p.user.id)).toEqual(world.mypixivOf(world.accountId));
    const tags = await collect(client.searchAutocomplete$('猫'));
    expect(tags[0]).toEqual({ name: '猫', translatedName: 'cat' });
    const articles = await collect(client.spotlightArticles$());
    expect(articles.map((a) => a.id)).toEqual(world.spotlightArticles().map((a) => a.id));
    expect(apiRequests(server).filter((e) => e.path === '/v1/spotlight/articles').map((e) => e.query.offset)).toEqual([
      undefined,
      ...Array.from({ length: Math.ceil(articles.length / 10) - 1 }, (_, i) => String(10 * (i + 1))),
    ]);
    expect(articles[0]?.publishDate).toBeInstanceOf(Date);
  });
});
