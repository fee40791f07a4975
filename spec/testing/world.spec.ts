import { FakePixivServer } from '../../lib/testing';
import { apiGet } from './http-helpers';

describe('FakePixivServer world', () => {
  it('is the same for the same seed and sizes, and different for another seed', async () => {
    const [a, b, c] = await Promise.all([
      FakePixivServer.start({ seed: 9 }),
      FakePixivServer.start({ seed: 9 }),
      FakePixivServer.start({ seed: 10 }),
    ]);
    try {
      const strip = (server: FakePixivServer) =>
        server.world.illustrationsOf(server.world.showcaseUserId).map((work) => ({ ...work, originalUrls: [], zipUrls: null }));
      expect(strip(b)).toEqual(strip(a));
      expect(b.world.users.map((u) => u.name)).toEqual(a.world.users.map((u) => u.name));
      expect(b.world.bookmarksOf(b.world.accountId)).toEqual(a.world.bookmarksOf(a.world.accountId));
      expect(c.world.users.map((u) => u.name)).not.toEqual(a.world.users.map((u) => u.name));
      const path = (server: FakePixivServer) => new URL(server.world.illustrationsOf(server.world.showcaseUserId)[0]?.originalUrls[0]).pathname;
      expect(b.imageBytesOf(path(b)).equals(a.imageBytesOf(path(a)))).toBe(true);
    } finally {
      await Promise.all([a, b, c].map((server) => server.close()));
    }
  });

  describe('with the default sizes', () => {
    let server: FakePixivServer;

    beforeAll(async () => {
      server = await FakePixivServer.start();
    });

    afterAll(() => server.close());

    it('has the account, a showcase user with ~100 varied works and a prolific user', () => {
      const { world } = server;
      expect(world.users).toHaveLength(60);
      expect(world.user(world.accountId)?.role).toBe('account');
      const showcase = world.illustrationsOf(world.showcaseUserId);
      expect(showcase).toHaveLength(100);
      expect(showcase.filter((w) => w.pageCount > 1).length).toBeGreaterThan(10);
      expect(showcase.some((w) => w.type === 'ugoira')).toBe(true);
      expect(showcase.some((w) => w.type === 'manga')).toBe(true);
      expect(new Set(showcase.map((w) => w.series?.id).filter(Boolean)).size).toBe(2);
      expect(showcase.some((w) => w.placeholder)).toBe(false);
      expect(world.userWorkCount(world.prolificUserId)).toBe(3000);
      // the client lists type=illust by default: a benchmark of "3000 works" pages all of them
      expect(world.userWorkCount(world.prolificUserId, 'illust')).toBe(3000);
      expect(world.illustrationsOf(world.prolificUserId).filter((w) => w.pageCount === 2).length).toBeGreaterThan(400);
    });

    it('has optional fields present on some works and absent on others', () => {
      const works = server.world.users.flatMap((u) => server.world.illustrationsOf(u.id));
      expect(works.some((w) => w.aiType === undefined)).toBe(true);
      expect(works.some((w) => w.aiType !== undefined)).toBe(true);
      expect(works.some((w) => w.restrictionAttributes)).toBe(true);
      expect(works.some((w) => w.placeholder)).toBe(true);
      expect(works.some((w) => w.xRestrict === 1)).toBe(true);
      expect(works.every((w) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/.test(w.createDate))).toBe(true);
    });

    it('gives every work of a user a date older than the one before (ids are chronological)', () => {
      const works = server.world.illustrationsOf(server.world.prolificUserId);
      for (let i = 1; i < works.length; i++) {
        expect(Date.parse((works[i] as any).createDate)).toBeLessThan(Date.parse((works[i - 1] as any).createDate));
      }
    });

    it('has comments with replies and follows both ways', () => {
      const { world } = server;
      const comments = world.commentsOf(world.samples.commentedIllustId);
      expect(comments).toHaveLength(45);
      expect(world.repliesOf(world.samples.commentWithRepliesId)).toHaveLength(35);
      expect(world.commentById(world.samples.commentWithRepliesId)?.replyCount).toBe(35);
      const follower = world.followersOf(world.accountId)[0];
      expect(world.followingOf(follower).map((f) => f.userId)).toContain(world.accountId);
    });
  });

  it('refuses option values it cannot build a world from', async () => {
    await expect(FakePixivServer.start({ spanDays: 0 })).rejects.toThrow(TypeError);
    await expect(FakePixivServer.start({ showcaseNovels: -1 })).rejects.toThrow(TypeError);
    await expect(FakePixivServer.start({ novelsPerUser: 1.5 })).rejects.toThrow(TypeError);
  });

  it('gives novels, their series and uploaded images, the same for the same seed, also offline', async () => {
    const [a, b] = await Promise.all([FakePixivServer.start({ seed: 9 }), FakePixivServer.start({ seed: 9 })]);
    try {
      const novel = (server: FakePixivServer) => server.world.novel(server.world.samples.markupNovelId);
      const strip = (server: FakePixivServer) => ({ ...novel(server), coverUrls: null, images: novel(server)?.images.map((image) => image.id) });
      expect(strip(b)).toEqual(strip(a));
      const uploaded = novel(a)?.images[0]?.urls.original as string;
      const path = new URL(uploaded).pathname;
      expect(a.imageBytesOf(path).equals(b.imageBytesOf(path))).toBe(true);
      expect(FakePixivServer.imageBytesOf(path, { seed: 9 }).equals(a.imageBytesOf(path))).toBe(true);
      expect(FakePixivServer.expectedSha256(path, { seed: 9 })).toBe(a.expectedSha256(path));
      const series = a.world.novelSeries(a.world.samples.novelSeriesId);
      expect(series?.workIds.length).toBeGreaterThan(30);
      expect(series?.workIds.map((id) => a.world.novel(id)?.series?.id)).toEqual(series?.workIds.map(() => series?.id));
      const dates = series?.workIds.map((id) => a.world.novel(id)?.createDate as string) ?? [];
      expect(dates).toEqual([...dates].sort());
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('starts fast and pages a user with 10,000 works cheaply', async () => {
    const start = Date.now();
    const server = await FakePixivServer.start({ prolificWorks: 10_000, users: 200 });
    try {
      expect(Date.now() - start).toBeLessThan(1000);
      const token = server.issueAccessToken();
      const userId = server.world.prolificUserId;
      const last = await apiGet(server, `/v1/user/illusts?user_id=${userId}&offset=9990`, token);
      expect(last.json().illusts).toHaveLength(10);
      expect(last.json().next_url).toBeNull();
      const pageStart = Date.now();
      let url: string | null = `/v1/user/illusts?user_id=${userId}&offset=6000`;
      for (let i = 0; i < 20 && url; i++) url = (await apiGet(server, url, token)).json().next_url;
      expect(Date.now() - pageStart).toBeLessThan(2000);
    } finally {
      await server.close();
    }
  });
});
