import { FakePixivServer } from '../../lib/testing';
import { apiGet, request } from './http-helpers';

describe('FakePixivServer with officialUrls', () => {
  let server: FakePixivServer;
  let token: string;

  beforeAll(async () => {
    server = await FakePixivServer.start({ seed: 3, officialUrls: true });
    token = server.issueAccessToken();
  });

  afterAll(() => server.close());

  it('still listens on loopback', () => {
    expect(server.apiBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.imageBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('puts https://app-api.pixiv.net in next_url and Pixiv image hosts in bodies', async () => {
    const res = await apiGet(server, `/v1/user/illusts?user_id=${server.world.showcaseUserId}&type=illust`, token);
    const body = res.json();
    expect(body.next_url).toMatch(/^https:\/\/app-api\.pixiv\.net\/v1\/user\/illusts\?/);
    const work = body.illusts[0];
    expect(work.image_urls.square_medium).toMatch(/^https:\/\/i\.pximg\.net\/c\//);
    expect(work.user.profile_image_urls.medium).toMatch(/^https:\/\/(i|s)\.pximg\.net\//);
    expect(res.text).not.toContain('127.0.0.1');
    const hidden = (await apiGet(server, `/v1/illust/detail?illust_id=${server.world.samples.placeholderIllustId}`, token)).json();
    expect(hidden.illust.image_urls.medium).toMatch(/^https:\/\/s\.pximg\.net\/common\/images\/limit_/);
    const novel = (await apiGet(server, `/webview/v2/novel?id=${server.world.samples.markupNovelId}`, token)).text;
    expect(novel).toContain('https:\\/\\/i.pximg.net\\/novel-cover-original\\/');
    expect(novel).not.toContain('127.0.0.1');
  });

  it('answers the next_url path on loopback and the image paths on the image host', async () => {
    const first = (await apiGet(server, `/v1/user/illusts?user_id=${server.world.showcaseUserId}&type=illust`, token)).json();
    const next = new URL(first.next_url);
    const second = await apiGet(server, `${server.apiBaseUrl}${next.pathname}${next.search}`, token);
    expect(second.status).toBe(200);
    const original = first.illusts[0].meta_single_page.original_image_url ?? first.illusts[0].meta_pages[0].image_urls.original;
    const image = await request(`${server.imageBaseUrl}${new URL(original).pathname}`, { headers: { Referer: 'https://app-api.pixiv.net/' } });
    expect(image.status).toBe(200);
    expect(image.body.equals(server.imageBytesOf(original))).toBe(true);
  });
});
