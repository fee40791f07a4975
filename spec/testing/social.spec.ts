import { FakePixivServer } from '../../lib/testing';
import { allPages, apiGet, apiPost } from './http-helpers';

describe('FakePixivServer follows, watchlists and the AI setting', () => {
  let server: FakePixivServer;
  let token: string;

  beforeEach(async () => {
    server = await FakePixivServer.start({ seed: 6 });
    token = server.issueAccessToken();
  });

  afterEach(() => server.close());

  const get = (path: string) => apiGet(server, path, token);
  const followingIds = async (restrict: string) =>
    (await allPages(server, `/v1/user/following?user_id=${server.world.accountId}&restrict=${restrict}`, token)).flatMap((p) =>
      p.user_previews.map((preview: any) => preview.user.id),
    );

  it('follow/add and follow/delete change follow/detail, following and is_followed', async () => {
    const { world } = server;
    const target = world.users.find((u) => u.role === 'member' && !world.isFollowing(world.accountId, u.id))?.id as number;
    expect((await get(`/v1/user/follow/detail?user_id=${target}`)).json()).toEqual({ follow_detail: { is_followed: false, restrict: 'public' } });
    expect((await apiPost(server, '/v1/user/follow/add', { user_id: String(target), restrict: 'private' }, token)).json()).toEqual({});
    expect((await get(`/v1/user/follow/detail?user_id=${target}`)).json()).toEqual({ follow_detail: { is_followed: true, restrict: 'private' } });
    expect((await followingIds('private'))[0]).toBe(target);
    expect(await followingIds('public')).not.toContain(target);
    expect((await get(`/v1/user/detail?user_id=${target}`)).json().user.is_followed).toBe(true);
    await apiPost(server, '/v1/user/follow/add', { user_id: String(target), restrict: 'public' }, token);
    expect((await followingIds('public'))[0]).toBe(target);
    expect(await followingIds('private')).not.toContain(target);
    expect((await apiPost(server, '/v1/user/follow/delete', { user_id: String(target) }, token)).status).toBe(200);
    expect((await get(`/v1/user/follow/detail?user_id=${target}`)).json().follow_detail.is_followed).toBe(false);
    expect(await followingIds('public')).not.toContain(target);
    expect((await apiPost(server, '/v1/user/follow/add', { user_id: String(world.samples.missingUserId) }, token)).status).toBe(404);
  });

  it('a follow shows in the following feeds and in my pixiv once it is mutual', async () => {
    const { world } = server;
    const target = world.users.find((u) => u.role === 'member' && u.workCount > 0 && u.novelCount > 0 && !world.isFollowing(world.accountId, u.id));
    expect(target).toBeDefined();
    const id = target?.id as number;
    await apiPost(server, '/v1/user/follow/add', { user_id: String(id), restrict: 'public' }, token);
    const feed = (await allPages(server, '/v2/illust/follow?restrict=public', token)).flatMap((p) => p.illusts.map((i: any) => i.user.id));
    expect(feed).toContain(id);
    const novels = (await allPages(server, '/v1/novel/follow?restrict=public', token)).flatMap((p) => p.novels.map((n: any) => n.user.id));
    expect(novels).toContain(id);
    const mypixiv = async () => (await allPages(server, `/v1/user/mypixiv?user_id=${world.accountId}`, token)).flatMap((p) => p.user_previews.map((u: any) => u.user.id));
    const followsBack = world.isFollowing(id, world.accountId);
    expect((await mypixiv()).includes(id)).toBe(followsBack);
    await apiPost(server, '/v1/user/follow/add', { user_id: String(world.accountId), restrict: 'public' }, server.issueAccessToken(id));
    expect(await mypixiv()).toContain(id);
  });

  it('keeps manga and novel watchlists that add and delete change', async () => {
    const { world } = server;
    const manga = (await get('/v1/watchlist/manga')).json();
    expect(manga.series).toHaveLength(1);
    expect(Object.keys(manga.series[0])).toEqual(['mask_text', 'user', 'latest_content_id', 'id', 'title', 'last_published_content_datetime', 'published_content_count', 'url']);
    expect(manga.series[0].id).toBe(world.samples.illustSeriesId);
    expect(manga.next_url).toBeNull();
    const other = world.seriesOf(world.showcaseUserId, 'novel')[1]?.id;
    expect((await apiPost(server, '/v1/watchlist/novel/add', { series_id: String(other) }, token)).status).toBe(200);
    expect((await get('/v1/watchlist/novel')).json().series.map((s: any) => s.id)).toEqual([other, world.samples.novelSeriesId]);
    const series = (await get(`/v2/novel/series?series_id=${other}`)).json();
    expect(series.novel_series_detail.watchlist_added).toBe(true);
    await apiPost(server, '/v1/watchlist/novel/delete', { series_id: String(other) }, token);
    expect((await get('/v1/watchlist/novel')).json().series.map((s: any) => s.id)).toEqual([world.samples.novelSeriesId]);
    await apiPost(server, '/v1/watchlist/manga/delete', { series_id: String(world.samples.illustSeriesId) }, token);
    expect((await get('/v1/watchlist/manga')).json().series).toEqual([]);
    expect((await apiPost(server, '/v1/watchlist/manga/add', { series_id: '999' }, token)).status).toBe(404);
  });

  it('hides AI works from listings and searches when show_ai is off, as Pixiv does', async () => {
    const { world } = server;
    expect((await get('/v1/user/ai-show-settings')).json()).toEqual({ show_ai: true });
    const search = '/v1/search/illust?word=original&search_target=partial_match_for_tags&sort=date_desc';
    const aiBefore = (await allPages(server, search, token)).flatMap((p) => p.illusts).filter((i: any) => world.isAiIllustration(i.id));
    expect(aiBefore.length).toBeGreaterThan(0);
    expect((await apiPost(server, '/v1/user/ai-show-settings/edit', { show_ai: 'false' }, token)).json()).toEqual({});
    expect((await get('/v1/user/ai-show-settings')).json()).toEqual({ show_ai: false });
    const after = (await allPages(server, search, token)).flatMap((p) => p.illusts);
    expect(after.some((i: any) => world.isAiIllustration(i.id))).toBe(false);
    const shown = (await allPages(server, `${search}&search_ai_type=0`, token)).flatMap((p) => p.illusts);
    expect(shown.some((i: any) => world.isAiIllustration(i.id))).toBe(true);
    const fresh = (await allPages(server, '/v1/novel/new', token)).flatMap((p) => p.novels);
    expect(fresh.some((n: any) => n.id === world.samples.aiNovelId)).toBe(false);
    const novelSearch = (await get('/v1/search/novel?word=novel&search_target=partial_match_for_tags&sort=date_desc')).json();
    expect(novelSearch.show_ai).toBe(false);
    expect((await apiPost(server, '/v1/user/ai-show-settings/edit', { show_ai: 'maybe' }, token)).status).toBe(400);
  });
});
