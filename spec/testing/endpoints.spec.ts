import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakePixivServer, MAX_SEARCH_OFFSET, PAGE_SIZE } from '../../lib/testing';
import { allPages, apiGet, apiPost } from './http-helpers';

function query(url: string): URLSearchParams {
  return new URL(url).searchParams;
}

describe('FakePixivServer endpoints', () => {
  let server: FakePixivServer;
  let token: string;

  beforeAll(async () => {
    server = await FakePixivServer.start({ seed: 3 });
    token = server.issueAccessToken();
  });

  afterAll(() => server.close());

  const get = (path: string) => apiGet(server, path, token);

  describe('GET /v1/illust/detail', () => {
    it('answers a single-page work with meta_single_page and no meta_pages', async () => {
      const id = server.world.samples.singleIllustId;
      const { illust } = (await get(`/v1/illust/detail?illust_id=${id}`)).json();
      const work = server.world.illustration(id);
      expect(illust).toMatchObject({ id, title: work?.title, type: 'illust', page_count: 1, meta_pages: [], visible: true });
      expect(illust.meta_single_page.original_image_url).toBe(work?.originalUrls[0]);
      expect(illust.meta_single_page.original_image_url).toMatch(
        new RegExp(`^${server.imageBaseUrl}/img-original/img/\\d{4}/\\d{2}/\\d{2}/\\d{2}/\\d{2}/\\d{2}/${id}_p0\\.(png|jpg)$`),
      );
      expect(illust.image_urls.square_medium).toContain('/c/360x360_70/img-master/');
      expect(illust.create_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
      expect(illust).toHaveProperty('total_comments');
      expect(illust).toHaveProperty('comment_access_control', 0);
    });

    it('answers a multi-page work with meta_pages and an empty meta_single_page', async () => {
      const id = server.world.samples.multiPageIllustId;
      const { illust } = (await get(`/v1/illust/detail?illust_id=${id}`)).json();
      expect(illust.page_count).toBeGreaterThanOrEqual(3);
      expect(illust.meta_single_page).toEqual({});
      expect(illust.meta_pages).toHaveLength(illust.page_count);
      illust.meta_pages.forEach((page: any, i: number) => {
        expect(Object.keys(page.image_urls)).toEqual(['square_medium', 'medium', 'large', 'original']);
        expect(page.image_urls.original).toMatch(new RegExp(`/${id}_p${i}\\.(png|jpg)$`));
      });
      expect(illust.series).toEqual({ id: expect.any(Number), title: expect.any(String) });
    });

    it('answers an ugoira with the _ugoira0 original', async () => {
      const id = server.world.samples.ugoiraIllustId;
      const { illust } = (await get(`/v1/illust/detail?illust_id=${id}`)).json();
      expect(illust.type).toBe('ugoira');
      expect(illust.meta_single_page.original_image_url).toMatch(new RegExp(`/img-original/img/.*/${id}_ugoira0\\.jpg$`));
      expect(illust.image_urls.medium).toMatch(new RegExp(`/${id}_master1200\\.jpg$`));
    });

    it('answers a restricted work as the limit_sanity_level placeholder', async () => {
      const id = server.world.samples.placeholderIllustId;
      const { illust } = (await get(`/v1/illust/detail?illust_id=${id}`)).json();
      const limit = `${server.imageBaseUrl}/common/images/limit_sanity_level_360.png`;
      expect(illust).toMatchObject({
        id,
        title: '',
        image_urls: { square_medium: limit, medium: limit, large: limit },
        width: 100,
        height: 100,
        visible: false,
        tags: [],
        tools: [],
        meta_single_page: { original_image_url: limit },
      });
      expect(illust.user).not.toHaveProperty('is_followed');
      expect(illust.user.name).toBe('');
      const real = JSON.parse(
        readFileSync(join(__dirname, '../fixtures/v1-illust-detail/lifegpc-issue640-2023-limit-sanity-placeholder.json'), 'utf8'),
      ).illust;
      expect(Object.keys(illust)).toEqual(Object.keys(real));
      expect(Object.keys(illust.user)).toEqual(Object.keys(real.user));
      const same = (body: any) => ({ ...body, id: 0, create_date: '', image_urls: {}, meta_single_page: {}, user: { ...body.user, id: 0, profile_image_urls: {} } });
      expect(same(illust)).toEqual(same(real));
    });

    it('translates tags by Accept-Language', async () => {
      const id = server.world.samples.singleIllustId;
      const en = (await apiGet(server, `/v1/illust/detail?illust_id=${id}`, token, { 'Accept-Language': 'en-us' })).json();
      const ja = (await apiGet(server, `/v1/illust/detail?illust_id=${id}`, token, { 'Accept-Language': 'ja' })).json();
      expect(en.illust.tags.some((tag: any) => typeof tag.translated_name === 'string')).toBe(true);
      expect(ja.illust.tags.every((tag: any) => tag.translated_name === null)).toBe(true);
    });

    it('answers 404 for a work that does not exist or was deleted', async () => {
      const missing = await get(`/v1/illust/detail?illust_id=${server.world.samples.missingIllustId}`);
      expect(missing.status).toBe(404);
      expect(missing.json().error.user_message).toBe('The artwork has been deleted or the artwork ID does not exist.');
    });

    it('answers 400 without illust_id', async () => {
      expect((await get('/v1/illust/detail')).status).toBe(400);
    });

    it('escapes slashes and non-ASCII like the real API', async () => {
      const res = await get(`/v1/illust/detail?illust_id=${server.world.samples.singleIllustId}`);
      expect(res.text).toContain('http:\\/\\/127.0.0.1');
      expect([...res.text].every((c) => c.charCodeAt(0) <= 0x7f)).toBe(true);
    });
  });

  describe('GET /v1/user/illusts', () => {
    it('pages a user with offset and absolute next_urls in the real parameter order', async () => {
      const userId = server.world.showcaseUserId;
      const first = (await get(`/v1/user/illusts?user_id=${userId}&type=illust&filter=for_ios`)).json();
      expect(first.illusts).toHaveLength(PAGE_SIZE);
      expect(first.next_url).toBe(`${server.apiBaseUrl}/v1/user/illusts?user_id=${userId}&type=illust&filter=for_ios&offset=30`);
      expect(first.illusts[0]).toHaveProperty('total_comments');
      expect(first.illusts[0].image_urls.square_medium).toContain('/c/360x360_10_webp/');
    });

    it('lists every work of the type, newest first, then stops', async () => {
      const userId = server.world.showcaseUserId;
      for (const type of ['illust', 'manga'] as const) {
        const pages = await allPages(server, `/v1/user/illusts?user_id=${userId}&type=${type}`, token);
        const ids = pages.flatMap((page) => page.illusts.map((illust: any) => illust.id));
        expect(ids).toEqual(server.world.illustrationIdsOf(userId, type));
        expect(pages.every((page) => page.illusts.length <= PAGE_SIZE)).toBe(true);
        expect(pages.at(-1).next_url).toBeNull();
        const types = new Set(pages.flatMap((page) => page.illusts.map((illust: any) => illust.type)));
        expect([...types].sort()).toEqual(type === 'manga' ? ['manga'] : ['illust', 'ugoira']);
      }
      const ids = server.world.illustrationIdsOf(userId);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
    });

    it('answers 404 for an unknown user and 403 for a restricted one', async () => {
      expect((await get(`/v1/user/illusts?user_id=${server.world.samples.missingUserId}`)).status).toBe(404);
      const restricted = await get(`/v1/user/illusts?user_id=${server.world.samples.restrictedUserId}`);
      expect(restricted.status).toBe(403);
      expect(restricted.json().error.user_message).toBe('Your access is currently restricted.');
    });
  });

  describe('GET /v1/search/illust', () => {
    it('finds works by tag with offset pages and search_span_limit', async () => {
      const pages = await allPages(server, '/v1/search/illust?word=original&search_target=partial_match_for_tags&sort=date_desc&filter=for_ios', token);
      expect(pages[0].search_span_limit).toBe(31536000);
      const ids = pages.flatMap((page) => page.illusts.map((illust: any) => illust.id));
      expect(ids.length).toBeGreaterThan(PAGE_SIZE);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(new Set(ids).size).toBe(ids.length);
      const next = query(pages[0].next_url);
      expect([...next.keys()]).toEqual(['search_target', 'sort', 'word', 'filter', 'offset']);
      // hidden works come as placeholders with no tags
      for (const illust of pages[0].illusts.filter((i: any) => i.visible)) {
        expect(illust.tags.some((tag: any) => /original/i.test(tag.translated_name ?? '') || /オリジナル/.test(tag.name))).toBe(true);
      }
    });

    it('encodes the word like PHP (space as +) and matches every term', async () => {
      const first = (await get(`/v1/search/illust?word=${encodeURIComponent('オリジナル 風景')}&search_target=exact_match_for_tags`)).json();
      for (const illust of first.illusts.filter((i: any) => i.visible)) {
        const names = illust.tags.map((tag: any) => tag.name);
        expect(names).toEqual(expect.arrayContaining(['オリジナル', '風景']));
      }
      if (first.next_url) expect(first.next_url).toContain('word=%E3%82%AA%E3%83%AA%E3%82%B8%E3%83%8A%E3%83%AB+%E9%A2%A8%E6%99%AF');
    });

    it('sorts by date_asc and popular_desc', async () => {
      const asc = (await get('/v1/search/illust?word=girl&sort=date_asc')).json().illusts.map((i: any) => i.id);
      expect(asc).toEqual([...asc].sort((a: number, b: number) => a - b));
      const popular = (await get('/v1/search/illust?word=girl&sort=popular_desc')).json().illusts.map((i: any) => i.total_bookmarks);
      expect(popular).toEqual([...popular].sort((a: number, b: number) => b - a));
    });

    it('refuses an offset past 5000 with the message Pixiv sends', async () => {
      const res = await get(`/v1/search/illust?word=girl&offset=${MAX_SEARCH_OFFSET + 30}`);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.json().error.message)).toEqual({ offset: ['offset must be no more than 5000'] });
      expect((await get(`/v1/search/illust?word=girl&offset=${MAX_SEARCH_OFFSET}`)).status).toBe(200);
    });

    it('needs a word', async () => {
      expect((await get('/v1/search/illust?word=')).status).toBe(400);
    });
  });

  describe('GET /v3/illust/comments and /v2/illust/comment/replies', () => {
    it('pages comments with offset, total_comments and comment_access_control', async () => {
      const id = server.world.samples.commentedIllustId;
      const pages = await allPages(server, `/v3/illust/comments?illust_id=${id}`, token);
      expect(pages).toHaveLength(2);
      expect(pages[0].next_url).toBe(`${server.apiBaseUrl}/v3/illust/comments?illust_id=${id}&offset=30`);
      const comments = pages.flatMap((page) => page.comments);
      expect(comments).toHaveLength(45);
      expect(pages[0].total_comments).toBe(server.world.illustration(id)?.totalComments);
      expect(pages[0].comment_access_control).toBe(0);
      expect(Object.keys(comments[0])).toEqual(['id', 'comment', 'date', 'user', 'has_replies', 'stamp']);
      const dates = comments.map((c: any) => Date.parse(c.date));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      const stamp = comments.find((c: any) => c.stamp !== null);
      if (stamp) {
        expect(stamp.comment).toBe('');
        expect(stamp.stamp).toEqual({ stamp_id: expect.any(Number), stamp_url: expect.stringContaining('/common/images/stamp/') });
      }
    });

    it('pages the replies of a comment', async () => {
      const commentId = server.world.samples.commentWithRepliesId;
      const pages = await allPages(server, `/v2/illust/comment/replies?comment_id=${commentId}`, token);
      expect(pages[0].next_url).toBe(`${server.apiBaseUrl}/v2/illust/comment/replies?comment_id=${commentId}&offset=30`);
      const replies = pages.flatMap((page) => page.comments);
      expect(replies).toHaveLength(35);
      expect(replies.every((reply: any) => reply.has_replies === false)).toBe(true);
      const first = (await get(`/v3/illust/comments?illust_id=${server.world.samples.commentedIllustId}`)).json();
      expect(first.comments[0]).toMatchObject({ id: commentId, has_replies: true });
    });

    it('answers /v1/illust/comments 404 like the real service', async () => {
      const res = await get(`/v1/illust/comments?illust_id=${server.world.samples.commentedIllustId}`);
      expect(res.status).toBe(404);
      expect(res.json().error.message).toBe("Specified end-point doesn't exist");
    });
  });

  describe('GET /v2/illust/related', () => {
    it('pages with seed_illust_ids[0] and a growing viewed[] array', async () => {
      const id = server.world.samples.singleIllustId;
      const pages = await allPages(server, `/v2/illust/related?illust_id=${id}&filter=for_ios`, token);
      expect(pages.length).toBeGreaterThan(2);
      const first = query(pages[0].next_url);
      expect(first.get('seed_illust_ids[0]')).toBe(String(id));
      expect(first.get('viewed[29]')).toBe(String(pages[0].illusts[29].id));
      expect(first.has('viewed[30]')).toBe(false);
      expect(pages[0].next_url).toContain('seed_illust_ids%5B0%5D=');
      const second = query(pages[1].next_url);
      expect(second.get('viewed[59]')).toBe(String(pages[1].illusts[29].id));
      const ids = pages.flatMap((page) => page.illusts.map((illust: any) => illust.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).not.toContain(id);
    });
  });

  describe('GET /v2/illust/follow', () => {
    it('lists the works of followed users newest first, by restrict', async () => {
      const pages = await allPages(server, '/v2/illust/follow?restrict=public', token);
      const ids = pages.flatMap((page) => page.illusts.map((illust: any) => illust.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const followed = new Set(server.world.followingOf(server.world.accountId, 'public').map((f) => f.userId));
      for (const page of pages) for (const illust of page.illusts) expect(followed.has(illust.user.id)).toBe(true);
      expect(pages[0].illusts[0].user.is_followed).toBe(true);
      expect(query(pages[0].next_url).get('offset')).toBe('30');
      expect((await get('/v2/illust/follow?restrict=everyone')).status).toBe(400);
    });
  });

  describe('GET /v1/illust/recommended', () => {
    it('pages with min_bookmark_id_for_recent_illust / max_bookmark_id_for_recommend and offset', async () => {
      const first = (await get('/v1/illust/recommended?content_type=illust&include_ranking_label=true&filter=for_ios&include_ranking_illusts=true')).json();
      expect(Object.keys(first).sort()).toEqual(['contest_exists', 'illusts', 'next_url', 'privacy_policy', 'ranking_illusts']);
      expect(first.ranking_illusts.length).toBeGreaterThan(0);
      const next = query(first.next_url);
      expect(next.get('min_bookmark_id_for_recent_illust')).toMatch(/^\d+$/);
      expect(next.get('max_bookmark_id_for_recommend')).toMatch(/^\d+$/);
      const pages = [first];
      let url: string | null = first.next_url;
      while (url && pages.length < 6) {
        const page: any = (await get(url)).json();
        pages.push(page);
        expect(page.ranking_illusts).toEqual([]);
        url = page.next_url;
      }
      const ids = pages.flatMap((page) => page.illusts.map((illust: any) => illust.id));
      expect(new Set(ids).size).toBe(ids.length);
      const cursors = pages.slice(0, -1).map((page) => query(page.next_url).get('max_bookmark_id_for_recommend'));
      expect(new Set(cursors).size).toBeGreaterThan(1);
    });

    it('repeats itself when the pair is dropped (a client must send both back)', async () => {
      const first = (await get('/v1/illust/recommended?content_type=illust')).json();
      let url: string = first.next_url;
      for (let i = 0; i < 3; i++) url = (await get(url)).json().next_url;
      const offsetOnly = new URL(url);
      offsetOnly.searchParams.delete('max_bookmark_id_for_recommend');
      const withPair = (await get(url)).json().illusts[0].id;
      const withoutPair = (await get(offsetOnly.toString())).json().illusts[0].id;
      expect(withoutPair).not.toBe(withPair);
    });

    it('serves manga for content_type=manga', async () => {
      const { illusts } = (await get('/v1/illust/recommended?content_type=manga')).json();
      expect(illusts.every((illust: any) => illust.type === 'manga')).toBe(true);
    });
  });

  describe('GET /v1/illust/ranking', () => {
    it('pages a mode and date with offset, keeping date in next_url', async () => {
      const pages = await allPages(server, '/v1/illust/ranking?mode=day&filter=for_ios&date=2025-01-20', token);
      expect(pages[0].next_url).toBe(`${server.apiBaseUrl}/v1/illust/ranking?mode=day&filter=for_ios&date=2025-01-20&offset=30`);
      const ids = pages.flatMap((page) => page.illusts.map((illust: any) => illust.id));
      expect(ids.length).toBeGreaterThan(60);
      expect(new Set(ids).size).toBe(ids.length);
      for (const page of pages) for (const illust of page.illusts) expect(Date.parse(illust.create_date)).toBeLessThan(Date.parse('2025-01-21T00:00:00+09:00'));
    });

    it('honours the mode', async () => {
      const manga = (await get('/v1/illust/ranking?mode=day_manga')).json();
      expect(manga.illusts.every((illust: any) => illust.type === 'manga')).toBe(true);
      const r18 = (await get('/v1/illust/ranking?mode=day_r18')).json();
      expect(r18.illusts.every((illust: any) => illust.x_restrict === 1)).toBe(true);
      expect((await get('/v1/illust/ranking?mode=hourly')).status).toBe(400);
      expect((await get('/v1/illust/ranking?mode=day&date=2025-02-30')).status).toBe(400);
    });
  });

  describe('GET /v1/trending-tags/illust', () => {
    it('answers trend_tags of {tag, translated_name, illust} whose illust carries the tag', async () => {
      const { trend_tags } = (await get('/v1/trending-tags/illust?filter=for_ios')).json();
      expect(trend_tags.length).toBeGreaterThan(10);
      for (const trend of trend_tags) {
        expect(Object.keys(trend)).toEqual(['tag', 'translated_name', 'illust']);
        expect(trend.illust.tags.map((tag: any) => tag.name)).toContain(trend.tag);
      }
    });
  });

  describe('GET /v1/user/detail', () => {
    it('answers user, profile, profile_publicity and workspace', async () => {
      const userId = server.world.showcaseUserId;
      const body = (await get(`/v1/user/detail?user_id=${userId}&filter=for_ios`)).json();
      expect(Object.keys(body)).toEqual(['user', 'profile', 'profile_publicity', 'workspace']);
      expect(body.user).toMatchObject({ id: userId, is_followed: true, comment: expect.any(String) });
      expect(body.profile.total_illusts + body.profile.total_manga).toBe(server.world.user(userId)?.workCount);
      expect(body.profile.total_illust_series).toBe(2);
    });

    it('answers 403 "Your access is currently restricted." for a restricted user', async () => {
      const res = await get(`/v1/user/detail?user_id=${server.world.samples.restrictedUserId}`);
      expect(res.status).toBe(403);
      expect(res.json().error.user_message).toBe('Your access is currently restricted.');
    });
  });

  describe('GET /v1/user/following and /v1/user/follower', () => {
    it('pages the following list with user previews', async () => {
      const accountId = server.world.accountId;
      const pages = await allPages(server, `/v1/user/following?user_id=${accountId}&restrict=public`, token);
      const previews = pages.flatMap((page) => page.user_previews);
      expect(previews.map((p: any) => p.user.id)).toEqual(server.world.followingOf(accountId, 'public').map((f) => f.userId));
      expect(pages.length).toBeGreaterThan(1);
      expect(Object.keys(previews[0]).sort()).toEqual(['illusts', 'is_muted', 'novels', 'user']);
      expect(previews.every((p: any) => p.illusts.length <= 3 && p.novels.length <= 3)).toBe(true);
      expect(previews.every((p: any) => p.user.is_followed === true)).toBe(true);
      const priv = await allPages(server, `/v1/user/following?user_id=${accountId}&restrict=private`, token);
      expect(priv.flatMap((page) => page.user_previews).length).toBe(server.world.followingOf(accountId, 'private').length);
    });

    it('pages the followers of a user', async () => {
      const accountId = server.world.accountId;
      const pages = await allPages(server, `/v1/user/follower?user_id=${accountId}&filter=for_ios`, token);
      const ids = pages.flatMap((page) => page.user_previews.map((p: any) => p.user.id));
      expect(ids).toEqual(server.world.followersOf(accountId));
      expect(ids.length).toBeGreaterThan(PAGE_SIZE);
      expect(pages[0].next_url).toBe(`${server.apiBaseUrl}/v1/user/follower?user_id=${accountId}&filter=for_ios&offset=30`);
    });
  });

  describe('GET /v1/ugoira/metadata', () => {
    it('answers the zip URL and the frames', async () => {
      const id = server.world.samples.ugoiraIllustId;
      const body = (await get(`/v1/ugoira/metadata?illust_id=${id}`)).json();
      const work = server.world.illustration(id);
      expect(body).toEqual({
        ugoira_metadata: {
          zip_urls: { medium: work?.zipUrls?.medium },
          frames: work?.ugoiraFrames?.map((f) => ({ file: f.file, delay: f.delay })),
        },
      });
      expect(body.ugoira_metadata.zip_urls.medium).toMatch(new RegExp(`/img-zip-ugoira/img/.*/${id}_ugoira600x600\\.zip$`));
      expect(work?.zipUrls?.large).toMatch(/_ugoira1920x1080\.zip$/);
      expect((await get(`/v1/ugoira/metadata?illust_id=${server.world.samples.singleIllustId}`)).status).toBe(400);
    });
  });
});

describe('FakePixivServer bookmarks', () => {
  let server: FakePixivServer;
  let token: string;

  beforeEach(async () => {
    server = await FakePixivServer.start({ seed: 5 });
    token = server.issueAccessToken();
  });

  afterEach(() => server.close());

  const get = (path: string) => apiGet(server, path, token);

  it('pages user bookmarks with max_bookmark_id', async () => {
    const accountId = server.world.accountId;
    const pages = await allPages(server, `/v1/user/bookmarks/illust?user_id=${accountId}&restrict=public`, token);
    const ids = pages.flatMap((page) => page.illusts.map((illust: any) => illust.id));
    expect(ids).toEqual(server.world.bookmarksOf(accountId, 'public').map((b) => b.illustId));
    const next = query(pages[0].next_url);
    expect([...next.keys()]).toEqual(['user_id', 'restrict', 'max_bookmark_id']);
    expect(Number(next.get('max_bookmark_id'))).toBe(server.world.bookmarksOf(accountId, 'public')[PAGE_SIZE]?.bookmarkId);
    expect(pages[0].illusts.every((illust: any) => illust.is_bookmarked === true)).toBe(true);
  });

  it('filters user bookmarks by tag', async () => {
    const accountId = server.world.accountId;
    const tags = server.world.bookmarkTagsOf(accountId, 'public');
    const tag = tags[0]?.name;
    const pages = await allPages(server, `/v1/user/bookmarks/illust?user_id=${accountId}&restrict=public&tag=${encodeURIComponent(tag)}`, token);
    expect(pages.flatMap((page) => page.illusts)).toHaveLength(tags[0]?.count);
  });

  it('adds a bookmark with tags and restrict, seen by bookmark/detail and the bookmark list', async () => {
    const id = server.world.samples.multiPageIllustId;
    const before = (await get(`/v2/illust/bookmark/detail?illust_id=${id}`)).json();
    expect(before.bookmark_detail.is_bookmarked).toBe(false);
    const added = await apiPost(server, '/v2/illust/bookmark/add', { illust_id: String(id), restrict: 'private', 'tags[]': ['資料', 'mine'] }, token);
    expect(added.status).toBe(200);
    expect(added.json()).toEqual({});
    const detail = (await get(`/v2/illust/bookmark/detail?illust_id=${id}`)).json().bookmark_detail;
    expect(detail.is_bookmarked).toBe(true);
    expect(detail.restrict).toBe('private');
    expect(detail.tags.filter((t: any) => t.is_registered).map((t: any) => t.name).sort()).toEqual(['mine', '資料']);
    const list = (await get(`/v1/user/bookmarks/illust?user_id=${server.world.accountId}&restrict=private`)).json();
    expect(list.illusts[0].id).toBe(id);
    expect(list.illusts[0].is_bookmarked).toBe(true);
    const tags = (await get(`/v1/user/bookmark-tags/illust?user_id=${server.world.accountId}&restrict=private`)).json();
    expect(tags.bookmark_tags).toEqual(expect.arrayContaining([{ name: 'mine', count: 1 }]));
    const illust = (await get(`/v1/illust/detail?illust_id=${id}`)).json().illust;
    expect(illust.is_bookmarked).toBe(true);
  });

  it('deletes a bookmark', async () => {
    const [bookmark] = server.world.bookmarksOf(server.world.accountId, 'public');
    const id = bookmark?.illustId;
    const res = await apiPost(server, '/v1/illust/bookmark/delete', { illust_id: String(id) }, token);
    expect(res.status).toBe(200);
    expect((await get(`/v2/illust/bookmark/detail?illust_id=${id}`)).json().bookmark_detail.is_bookmarked).toBe(false);
    const list = (await get(`/v1/user/bookmarks/illust?user_id=${server.world.accountId}&restrict=public`)).json();
    expect(list.illusts.map((i: any) => i.id)).not.toContain(id);
  });

  it('answers 404 for bookmarking a missing work and 404 for GET on the POST endpoints', async () => {
    const res = await apiPost(server, '/v2/illust/bookmark/add', { illust_id: String(server.world.samples.missingIllustId), restrict: 'public' }, token);
    expect(res.status).toBe(404);
    expect((await get(`/v2/illust/bookmark/add?illust_id=${server.world.samples.singleIllustId}`)).status).toBe(404);
  });

  it('pages bookmark tags by name with offset', async () => {
    const accountId = server.world.accountId;
    const pages = await allPages(server, `/v1/user/bookmark-tags/illust?user_id=${accountId}&restrict=public`, token);
    const tags = pages.flatMap((page) => page.bookmark_tags);
    expect(tags).toEqual(server.world.bookmarkTagsOf(accountId, 'public'));
    expect(tags.every((tag: any) => Object.keys(tag).join() === 'name,count')).toBe(true);
  });

  it('hides deleted works from listings', async () => {
    const userId = server.world.showcaseUserId;
    const [newest] = server.world.illustrationIdsOf(userId);
    server.deleteIllustration(newest);
    expect((await get(`/v1/illust/detail?illust_id=${newest}`)).status).toBe(404);
    const first = (await get(`/v1/user/illusts?user_id=${userId}`)).json();
    expect(first.illusts.map((i: any) => i.id)).not.toContain(newest);
  });
});
