import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakePixivServer } from '../../lib/testing';
import { apiGet, appHeaders, request } from './http-helpers';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '../fixtures', name), 'utf8'));

/** One valid call of every endpoint, given the world. */
function everyEndpoint(server: FakePixivServer): [string, string, Record<string, string>?][] {
  const { world } = server;
  const { samples } = world;
  return [
    ['GET', '/v1/search/illust?word=girl&search_target=partial_match_for_tags&sort=date_desc&filter=for_ios'],
    ['GET', `/v1/illust/detail?illust_id=${samples.singleIllustId}`],
    ['GET', `/v3/illust/comments?illust_id=${samples.commentedIllustId}`],
    ['GET', `/v2/illust/comment/replies?comment_id=${samples.commentWithRepliesId}`],
    ['GET', `/v2/illust/related?illust_id=${samples.singleIllustId}&filter=for_ios`],
    ['GET', '/v2/illust/follow?restrict=public'],
    ['GET', '/v1/illust/recommended?content_type=illust&include_ranking_label=true&filter=for_ios'],
    ['GET', '/v1/illust/ranking?mode=day&filter=for_ios'],
    ['GET', '/v1/trending-tags/illust?filter=for_ios'],
    ['GET', `/v2/illust/bookmark/detail?illust_id=${samples.singleIllustId}`],
    ['POST', '/v2/illust/bookmark/add', { illust_id: String(samples.singleIllustId), restrict: 'public' }],
    ['POST', '/v1/illust/bookmark/delete', { illust_id: String(samples.singleIllustId) }],
    ['GET', `/v1/user/detail?user_id=${world.showcaseUserId}&filter=for_ios`],
    ['GET', `/v1/user/illusts?user_id=${world.showcaseUserId}&type=illust&filter=for_ios`],
    ['GET', `/v1/user/bookmarks/illust?user_id=${world.accountId}&restrict=public`],
    ['GET', `/v1/user/bookmark-tags/illust?user_id=${world.accountId}&restrict=public`],
    ['GET', `/v1/user/following?user_id=${world.accountId}&restrict=public`],
    ['GET', `/v1/user/follower?user_id=${world.accountId}&filter=for_ios`],
    ['GET', `/v1/ugoira/metadata?illust_id=${samples.ugoiraIllustId}`],
  ];
}

function call(server: FakePixivServer, [method, path, form]: [string, string, Record<string, string>?], headers: Record<string, string>) {
  return request(`${server.apiBaseUrl}${path}`, {
    method,
    headers: form ? { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' } : headers,
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
}

describe('FakePixivServer API errors', () => {
  let server: FakePixivServer;

  beforeAll(async () => {
    server = await FakePixivServer.start();
  });

  afterAll(() => server.close());

  it('answers every endpoint 200 with a valid token', async () => {
    const token = server.issueAccessToken();
    for (const endpoint of everyEndpoint(server)) {
      const res = await call(server, endpoint, appHeaders({ Authorization: `Bearer ${token}` }));
      expect([endpoint[1], res.status]).toEqual([endpoint[1], 200]);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
    expect(server.internalErrors).toEqual([]);
  });

  it('checks authorization on every endpoint: no token is 400 invalid_request', async () => {
    for (const endpoint of everyEndpoint(server)) {
      const res = await call(server, endpoint, appHeaders());
      expect([endpoint[1], res.status]).toEqual([endpoint[1], 400]);
      expect(res.json()).toEqual(fixture('errors/app-api-oauth-process-error-2017.json'));
    }
  });

  it('checks authorization on every endpoint: an unknown token is 400 invalid_grant', async () => {
    for (const endpoint of everyEndpoint(server)) {
      const res = await call(server, endpoint, appHeaders({ Authorization: 'Bearer not-a-token' }));
      expect([endpoint[1], res.status]).toEqual([endpoint[1], 400]);
      expect(res.json().error.message).toBe(
        'Error occurred at the OAuth process. Please check your Access Token to fix this. Error Message: invalid_grant',
      );
    }
  });

  it('answers an expired token 400 invalid_grant after expireAccessTokens(), and accepts tokens issued later', async () => {
    const old = server.issueAccessToken();
    const path = `/v1/illust/detail?illust_id=${server.world.samples.singleIllustId}`;
    expect((await apiGet(server, path, old)).status).toBe(200);
    server.expireAccessTokens();
    const expired = await apiGet(server, path, old);
    expect(expired.status).toBe(400);
    expect(expired.json().error.message).toMatch(/Error Message: invalid_grant$/);
    expect((await apiGet(server, path, server.issueAccessToken())).status).toBe(200);
  });

  it.each([
    ['no User-Agent', undefined],
    ['a library User-Agent', 'axios/1.13.0'],
    ['a browser User-Agent', 'Mozilla/5.0 (X11; Linux x86_64)'],
  ])('answers 403 like Cloudflare to %s', async (_, userAgent) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${server.issueAccessToken()}` };
    if (userAgent) headers['User-Agent'] = userAgent;
    const res = await request(`${server.apiBaseUrl}/v1/illust/detail?illust_id=${server.world.samples.singleIllustId}`, { headers });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('Cloudflare');
  });

  it('accepts the iOS app User-Agent', async () => {
    const res = await apiGet(server, `/v1/illust/detail?illust_id=${server.world.samples.singleIllustId}`, server.issueAccessToken(), {
      'User-Agent': 'PixivIOSApp/7.13.3 (iOS 14.6; iPhone13,2)',
    });
    expect(res.status).toBe(200);
  });

  it('can skip the User-Agent check', async () => {
    const lax = await FakePixivServer.start({ checkUserAgent: false });
    try {
      const res = await request(`${lax.apiBaseUrl}/v1/illust/detail?illust_id=${lax.world.samples.singleIllustId}`, {
        headers: { Authorization: `Bearer ${lax.issueAccessToken()}` },
      });
      expect(res.status).toBe(200);
    } finally {
      await lax.close();
    }
  });

  it('answers unknown endpoints 404 "Specified end-point doesn\'t exist"', async () => {
    const res = await apiGet(server, '/v1/no/such/thing');
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({
      error: { user_message: '', message: "Specified end-point doesn't exist", reason: '', user_message_details: {} },
    });
  });

  it('answers bad parameters 400 with field messages inside message', async () => {
    const res = await apiGet(server, '/v1/user/illusts?user_id=abc');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.json().error.message)).toEqual({ user_id: [expect.any(String)] });
  });
});
