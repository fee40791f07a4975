import { take } from 'rxjs';
import { ContentType, Visibility, type PixivClient } from '../../lib';
import { FakePixivServer } from '../../lib/testing';
import { apiRequests, clientOf, collect } from './helpers';

describe('pagination over the fake', () => {
  let server: FakePixivServer;
  let client: PixivClient;

  beforeEach(async () => {
    server = await FakePixivServer.start({ seed: 4 });
    client = clientOf(server);
  });

  afterEach(() => server.close());

  describe('userIllustrations$', () => {
    it('follows next_url to the end, one request per page', async () => {
      const userId = server.world.showcaseUserId;
      const works = await collect(client.userIllustrations$(userId));
      expect(works.map((w) => w.id)).toEqual(server.world.illustrationIdsOf(userId, 'illust'));
      const pages = apiRequests(server);
      expect(pages).toHaveLength(Math.ceil(works.length / 30));
      expect(pages.map((entry) => entry.query.offset)).toEqual([undefined, '30', '60'].slice(0, pages.length));
      expect(pages[0]?.query).toMatchObject({ user_id: String(userId), type: 'illust' });
    });

    it('lists manga with contentType MANGA', async () => {
      const userId = server.world.showcaseUserId;
      const works = await collect(client.userIllustrations$(userId, { contentType: ContentType.MANGA }));
      expect(works.map((w) => w.id)).toEqual(server.world.illustrationIdsOf(userId, 'manga'));
      expect(works.every((w) => w.type === ContentType.MANGA && w.metaPages.length === w.pageCount)).toBe(true);
    });

    it('stops paging at take(n): a take satisfied by a page sends nothing more', async () => {
      const userId = server.world.showcaseUserId;
      await collect(client.userIllustrations$(userId).pipe(take(30)));
      expect(apiRequests(server)).toHaveLength(1);
      server.resetLog();
      const works = await collect(client.userIllustrations$(userId).pipe(take(45)));
      expect(works).toHaveLength(45);
      expect(apiRequests(server)).toHaveLength(2);
    });

    it('exposes the offset cursor on pages', async () => {
      const pages = await collect(client.userIllustrationPages$(server.world.showcaseUserId));
      expect(pages.map((page) => page.next)).toEqual([...pages.slice(1).map((_, i) => 30 * (i + 1)), null]);
      expect(pages.at(-1)?.nextUrl).toBeNull();
    });

    it('starts at an offset', async () => {
      const userId = server.world.showcaseUserId;
      const works = await collect(client.userIllustrations$(userId, { offset: 60 }));
      expect(works.map((w) => w.id)).toEqual(server.world.illustrationIdsOf(userId, 'illust').slice(60));
    });

    it('aborts the request in flight when the subscriber unsubscribes', async () => {
      server.latency(2_000, (request) => request.path === '/v1/user/illusts' && request.query.offset === '30');
      const subscription = client.userIllustrations$(server.world.showcaseUserId).subscribe();
      // unsubscribe once the second page is in flight (the first request may take a while to start)
      for (let waited = 0; waited < 5_000 && !apiRequests(server).some((entry) => entry.query.offset === '30'); waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      subscription.unsubscribe();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const second = apiRequests(server).find((entry) => entry.query.offset === '30');
      expect(second?.aborted).toBe(true);
      expect(apiRequests(server)).toHaveLength(2);
    });

    it('pages 900 works of the prolific user in 30 requests', async () => {
      const userId = server.world.prolificUserId;
      const works = await collect(client.userIllustrations$(userId, { contentType: ContentType.ILLUSTRATION }).pipe(take(900)));
      expect(works.map((w) => w.id)).toEqual(server.world.illustrationIdsOf(userId, 'illust').slice(0, 900));
      expect(apiRequests(server)).toHaveLength(30);
    });
  });

  describe('userBookmarks$', () => {
    it('pages with max_bookmark_id to the end', async () => {
      const accountId = server.world.accountId;
      const pages = await collect(client.userBookmarkPages$(accountId));
      const ids = pages.flatMap((page) => page.items.map((w) => w.id));
      const bookmarks = server.world.bookmarksOf(accountId, 'public');
      expect(ids).toEqual(bookmarks.map((b) => b.illustId));
      expect(pages[0]?.next).toBe(bookmarks[30]?.bookmarkId);
      expect(apiRequests(server)[1]?.query.max_bookmark_id).toBe(String(bookmarks[30]?.bookmarkId));
      expect(pages.at(-1)?.next).toBeNull();
    });

    it('starts below maxBookmarkId and filters by tag and visibility', async () => {
      const accountId = server.world.accountId;
      const bookmarks = server.world.bookmarksOf(accountId, 'public');
      const from = await collect(client.userBookmarks$(accountId, { maxBookmarkId: bookmarks[40]?.bookmarkId }));
      expect(from.map((w) => w.id)).toEqual(bookmarks.slice(40).map((b) => b.illustId));
      const [tag] = server.world.bookmarkTagsOf(accountId, 'public');
      const tagged = await collect(client.userBookmarks$(accountId, { tag: tag?.name }));
      expect(tagged).toHaveLength(tag?.count);
      const privateOnes = await collect(client.userBookmarks$(accountId, { visibility: Visibility.PRIVATE }));
      expect(privateOnes.map((w) => w.id)).toEqual(server.world.bookmarksOf(accountId, 'private').map((b) => b.illustId));
    });
  });

  describe('relatedIllustrations$', () => {
    it('follows the seed_illust_ids / viewed[] next_urls verbatim', async () => {
      const id = server.world.samples.singleIllustId;
      const works = await collect(client.relatedIllustrations$(id).pipe(take(100)));
      expect(new Set(works.map((w) => w.id)).size).toBe(100);
      const requests = apiRequests(server);
      expect(requests).toHaveLength(4);
      expect(requests[3]?.query.seed_illust_ids).toEqual([String(id)]);
      expect(requests[3]?.query.viewed).toHaveLength(90);
      expect(requests[3]?.query.viewed).toEqual(works.slice(0, 90).map((w) => String(w.id)));
    });
  });

  describe('recommendedIllustrations$', () => {
    it('carries the min/max bookmark id pair and the offset from page to page', async () => {
      const pages = await collect(client.recommendedIllustrationPages$().pipe(take(5)));
      const ids = pages.flatMap((page) => page.items.map((w) => w.id));
      expect(new Set(ids).size).toBe(150);
      expect(pages[0]?.rankingIllustrations.length).toBeGreaterThan(0);
      expect(pages[0]?.contestExists).toBe(false);
      expect(pages[2]?.next).toEqual({
        minBookmarkIdForRecentIllustrations: expect.any(Number),
        maxBookmarkIdForRecommend: expect.any(Number),
        offset: 0,
      });
      const requests = apiRequests(server);
      expect(requests[3]?.query).toMatchObject({
        max_bookmark_id_for_recommend: String(pages[2]?.next?.maxBookmarkIdForRecommend),
        min_bookmark_id_for_recent_illust: expect.any(String),
        offset: '0',
      });
    });

    it('resumes from a cursor passed as options', async () => {
      const [, second] = await collect(client.recommendedIllustrationPages$().pipe(take(2)));
      const cursor = second?.next;
      const all = await collect(client.recommendedIllustrations$().pipe(take(90)));
      const resumed = await collect(
        client
          .recommendedIllustrations$({
            maxBookmarkIdForRecommend: cursor?.maxBookmarkIdForRecommend ?? undefined,
            minBookmarkIdForRecentIllustrations: cursor?.minBookmarkIdForRecentIllustrations ?? undefined,
            offset: cursor?.offset ?? undefined,
          })
          .pipe(take(30)),
      );
      expect(resumed.map((w) => w.id)).toEqual(all.slice(60, 90).map((w) => w.id));
    });
  });

  describe('searchIllustrations$', () => {
    it('pages search results with offset and exposes searchSpanLimit', async () => {
      const pages = await collect(client.searchIllustrationPages$('girl'));
      expect(pages[0]?.searchSpanLimit).toBe(31536000);
      const ids = pages.flatMap((page) => page.items.map((w) => w.id));
      expect(ids).toEqual([...server.world.search('girl', 'partial_match_for_tags', 'date_desc')]);
    });
  });

  describe('illustrationComments$', () => {
    it('pages the v3 comments to the end', async () => {
      const id = server.world.samples.commentedIllustId;
      const pages = await collect(client.illustrationCommentPages$(id, { includeTotalComments: true }));
      expect(pages.flatMap((page) => page.items)).toHaveLength(45);
      expect(pages[0]?.totalComments).toBe(server.world.illustration(id)?.totalComments);
      expect(apiRequests(server).every((entry) => entry.path === '/v3/illust/comments')).toBe(true);
    });
  });

  describe('the other offset listings', () => {
    it('pages following$, followers$, userBookmarkTags$, followingIllustrations$ and rankingIllustrations$ to the end', async () => {
      const { world } = server;
      const following = await collect(client.following$(world.accountId));
      expect(following.map((p) => p.user.id)).toEqual(world.followingOf(world.accountId, 'public').map((f) => f.userId));
      const followers = await collect(client.followers$());
      expect(followers.map((p) => p.user.id)).toEqual(world.followersOf(world.accountId));
      const tags = await collect(client.userBookmarkTags$(world.accountId));
      expect(tags).toEqual(world.bookmarkTagsOf(world.accountId, 'public'));
      const feed = await collect(client.followingIllustrations$());
      expect(feed.map((w) => w.id)).toEqual([...world.followingFeed(world.accountId, 'public')]);
      const ranking = await collect(client.rankingIllustrations$({ date: '2025-01-15' }));
      expect(ranking.map((w) => w.id)).toEqual([...world.ranking('day', '2025-01-15')]);
    });
  });

  it('keeps going when a stream is interrupted by an empty page', async () => {
    server.malformNext((request) => request.path === '/v1/user/illusts' && request.query.offset === '30', 1, {
      mutate: (body) => {
        body.illusts = [];
      },
    });
    const works = await collect(client.userIllustrations$(server.world.showcaseUserId));
    expect(works.map((w) => w.id)).toEqual(
      server.world.illustrationIdsOf(server.world.showcaseUserId, 'illust').filter((_, i) => i < 30 || i >= 60),
    );
  });
});
