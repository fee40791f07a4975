import * as http from 'node:http';
import { FakePixivServer } from '../../lib/testing';
import { PIXIV_REFERER, apiGet, apiPost, appHeaders, request, tokenRequest } from './http-helpers';

describe('FakePixivServer request log', () => {
  let server: FakePixivServer;

  beforeEach(async () => {
    server = await FakePixivServer.start();
  });

  afterEach(() => server.close());

  it('records method, origin, path, parsed query (with arrays), headers and status', async () => {
    const token = server.issueAccessToken();
    const id = server.world.samples.singleIllustId;
    await apiGet(server, `/v2/illust/related?illust_id=${id}&filter=for_ios&seed_illust_ids%5B0%5D=${id}&viewed%5B0%5D=1&viewed%5B1%5D=2`, token);
    const [entry] = server.log;
    expect(entry).toMatchObject({
      seq: 1,
      method: 'GET',
      origin: 'api',
      path: '/v2/illust/related',
      query: { illust_id: String(id), filter: 'for_ios', seed_illust_ids: [String(id)], viewed: ['1', '2'] },
      status: 200,
      aborted: false,
      fault: undefined,
    });
    expect(entry?.headers.authorization).toBe(`Bearer ${token}`);
    expect(entry?.headers['user-agent']).toMatch(/^PixivAndroidApp\//);
    expect(entry?.durationMs).toEqual(expect.any(Number));
    expect(entry?.bytesSent).toBeGreaterThan(0);
  });

  it('records form bodies, tags[] included', async () => {
    await apiPost(server, '/v2/illust/bookmark/add', {
      illust_id: String(server.world.samples.singleIllustId),
      restrict: 'private',
      'tags[]': ['a', 'b c'],
    });
    const entry = server.requests('/v2/illust/bookmark/add')[0];
    expect(entry?.method).toBe('POST');
    expect(entry?.form).toEqual({ illust_id: String(server.world.samples.singleIllustId), restrict: 'private', tags: ['a', 'b c'] });
    expect(entry?.body).toContain('tags%5B%5D=a');
  });

  it('records the three origins and filters with matchers', async () => {
    await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: server.refreshToken });
    const url = server.world.illustration(server.world.samples.singleIllustId)?.originalUrls[0] as string;
    await request(url, { headers: { Referer: PIXIV_REFERER } });
    await apiGet(server, `/v1/user/detail?user_id=${server.world.accountId}`);
    expect(server.log.map((e) => e.origin)).toEqual(['oauth', 'image', 'api']);
    expect(server.requests({ origin: 'oauth' })[0]?.form?.grant_type).toBe('refresh_token');
    expect(server.requests({ origin: 'image' })[0]?.headers.authorization).toBeUndefined();
    expect(server.counters.requestsByPath['/v1/user/detail']).toBe(1);
  });

  it('marks requests the client abandoned as aborted', async () => {
    server.latency(300, '/v1/illust/detail');
    const token = server.issueAccessToken();
    await new Promise<void>((resolve) => {
      const req = http.get(
        `${server.apiBaseUrl}/v1/illust/detail?illust_id=${server.world.samples.singleIllustId}`,
        { headers: appHeaders({ Authorization: `Bearer ${token}` }), agent: false },
      );
      req.on('error', () => resolve());
      setTimeout(() => req.destroy(), 50);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.log[0]).toMatchObject({ aborted: true, status: undefined });
  });

  it('resetLog() empties the log and zeroes the counters', async () => {
    await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: server.refreshToken });
    server.resetLog();
    expect(server.log).toEqual([]);
    expect(server.counters).toEqual({
      tokenGrants: { refresh_token: 0, authorization_code: 0, password: 0 },
      tokenRequests: 0,
      imageTransfers: { current: 0, max: 0 },
      requestsByPath: {},
    });
    await apiGet(server, `/v1/user/detail?user_id=${server.world.accountId}`);
    expect(server.log[0]?.seq).toBeGreaterThan(1);
  });
});
