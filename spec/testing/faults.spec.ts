import * as http from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakePixivServer, FakeResponses } from '../../lib/testing';
import { PIXIV_REFERER, apiGet, apiPost, appHeaders, tokenRequest } from './http-helpers';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '../fixtures', name), 'utf8'));

interface Outcome {
  status: number | undefined;
  headers: http.IncomingHttpHeaders | undefined;
  received: Buffer;
  error: Error | undefined;
}

/** A GET that reports what arrived before an error instead of rejecting. */
function outcome(url: string, headers: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    const result: Outcome = { status: undefined, headers: undefined, received: Buffer.alloc(0), error: undefined };
    const chunks: Buffer[] = [];
    const done = (error?: Error) => {
      result.received = Buffer.concat(chunks);
      result.error ??= error;
      resolve(result);
    };
    const req = http.get(url, { headers, agent: false }, (res) => {
      result.status = res.statusCode;
      result.headers = res.headers;
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('aborted', () => done(new Error('aborted')));
      res.on('error', (error) => done(error));
      res.on('end', () => done(res.complete ? undefined : new Error('incomplete')));
    });
    req.on('error', (error) => done(error));
  });
}

describe('FakePixivServer faults', () => {
  let server: FakePixivServer;
  let token: string;
  let detail: string;

  beforeEach(async () => {
    server = await FakePixivServer.start();
    token = server.issueAccessToken();
    detail = `/v1/illust/detail?illust_id=${server.world.samples.singleIllustId}`;
  });

  afterEach(() => server.close());

  const get = (path: string) => apiGet(server, path, token);
  const timed = async (run: () => Promise<unknown>) => {
    const start = Date.now();
    await run();
    return Date.now() - start;
  };

  // a delay well above a loaded machine's own answer time, so the two cannot be confused
  describe('latency', () => {
    it('delays every request, and latency(0) removes it', async () => {
      server.latency(600);
      expect(await timed(() => get(detail))).toBeGreaterThanOrEqual(590);
      server.latency(0);
      expect(await timed(() => get(detail))).toBeLessThan(400);
    });

    it('delays only the matching path', async () => {
      const handle = server.latency(600, '/v1/user/detail');
      expect(await timed(() => get(detail))).toBeLessThan(400);
      expect(await timed(() => get(`/v1/user/detail?user_id=${server.world.accountId}`))).toBeGreaterThanOrEqual(590);
      expect(handle.hits).toBe(1);
      handle.remove();
      expect(await timed(() => get(`/v1/user/detail?user_id=${server.world.accountId}`))).toBeLessThan(400);
    });
  });

  describe('failNext', () => {
    it('fails the next N matching requests, then answers normally', async () => {
      const handle = server.failNext('/v1/illust/detail', 2);
      expect(handle.remaining).toBe(2);
      const first = await get(detail);
      expect(first.status).toBe(500);
      expect(first.json().error.message).toBe('Internal Server Error');
      expect((await get(`/v1/user/detail?user_id=${server.world.accountId}`)).status).toBe(200);
      expect((await get(detail)).status).toBe(500);
      expect((await get(detail)).status).toBe(200);
      expect(handle).toMatchObject({ hits: 2, remaining: 0 });
    });

    it('answers 429 with Retry-After and the Rate Limit envelope', async () => {
      server.failNext('/v1/illust/detail', 1, FakeResponses.rateLimit({ retryAfterSeconds: 2 }));
      const res = await get(detail);
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('2');
      expect(res.json()).toEqual(fixture('errors/app-api-rate-limit-2019.json'));
    });

    it('answers 403 "Rate Limit" like the 2019 report', async () => {
      server.failNext(/^\/v1\//, 1, FakeResponses.rateLimit({ status: 403 }));
      const res = await get(detail);
      expect(res.status).toBe(403);
      expect(res.json()).toEqual(fixture('errors/app-api-rate-limit-2019.json'));
    });

    it('takes any status, body and headers, and object and function matchers', async () => {
      server.failNext({ origin: 'api', method: 'GET' }, 1, { status: 503, body: 'down', headers: { 'X-Test': '1' } });
      const res = await get(detail);
      expect([res.status, res.text, res.headers['x-test']]).toEqual([503, 'down', '1']);
      server.failNext((r) => r.query.illust_id === String(server.world.samples.singleIllustId), 1, { status: 502 });
      expect((await get(detail)).status).toBe(502);
    });

    it('fails the token endpoint and the image host too', async () => {
      server.failNext('/auth/token', 1, { status: 503 });
      expect((await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: server.refreshToken })).status).toBe(503);
      expect((await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: server.refreshToken })).status).toBe(200);
      server.failNext({ origin: 'image' }, 1, { status: 500 });
      const url = server.world.illustration(server.world.samples.singleIllustId)?.originalUrls[0] as string;
      expect((await outcome(url, { Referer: PIXIV_REFERER })).status).toBe(500);
      expect((await outcome(url, { Referer: PIXIV_REFERER })).status).toBe(200);
    });

    it('is cleared by clearFaults()', async () => {
      server.failNext('*', 5);
      server.clearFaults();
      expect((await get(detail)).status).toBe(200);
    });
  });

  describe('resetNext', () => {
    it('resets the connection before any answer, without handling the request', async () => {
      server.resetNext('/v2/illust/bookmark/add');
      const id = server.world.samples.singleIllustId;
      await expect(apiPost(server, '/v2/illust/bookmark/add', { illust_id: String(id), restrict: 'public' }, token)).rejects.toThrow();
      expect(server.world.bookmark(server.world.accountId, id)).toBeUndefined();
      expect(server.log.at(-1)).toMatchObject({ fault: 'reset', status: undefined, aborted: false });
    });

    it('resets mid-body after the headers and afterBytes bytes (the request was handled)', async () => {
      server.resetNext('/v1/illust/detail', 1, { afterBytes: 50 });
      const result = await outcome(`${server.apiBaseUrl}${detail}`, appHeaders({ Authorization: `Bearer ${token}` }));
      expect(result.status).toBe(200);
      expect(Number(result.headers?.['content-length'])).toBeGreaterThan(50);
      expect(result.received.length).toBeLessThanOrEqual(50);
      expect(result.error).toBeDefined();
      expect(server.log.at(-1)).toMatchObject({ fault: 'reset', status: 200, bytesSent: 50 });
    });

    it('resets an image transfer mid-body', async () => {
      const url = server.world.illustration(server.world.samples.singleIllustId)?.originalUrls[0] as string;
      server.resetNext({ origin: 'image' }, 1, { afterBytes: 1000 });
      const cut = await outcome(url, { Referer: PIXIV_REFERER });
      expect(cut.error).toBeDefined();
      expect(cut.received.equals(server.imageBytesOf(url).subarray(0, cut.received.length))).toBe(true);
      const whole = await outcome(url, { Referer: PIXIV_REFERER });
      expect(whole.error).toBeUndefined();
      expect(whole.received.length).toBe(server.imageSizeOf(url));
    });
  });

  describe('malformNext', () => {
    it('sends an HTML page instead of JSON', async () => {
      server.malformNext('/v1/illust/detail', 1, { kind: 'not-json' });
      const res = await get(detail);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(() => res.json()).toThrow();
    });

    it('sends truncated JSON', async () => {
      server.malformNext('/v1/illust/detail', 1, { kind: 'truncated' });
      const res = await get(detail);
      expect(() => res.json()).toThrow();
      expect(res.text.startsWith('{"illust":')).toBe(true);
    });

    it('breaks the schema: the first field becomes "broken", or what mutate returns', async () => {
      server.malformNext('/v1/illust/detail');
      expect((await get(detail)).json()).toEqual({ illust: 'broken' });
      server.malformNext('/v1/illust/detail', 1, {
        mutate: (body) => {
          delete body.illust.id;
        },
      });
      const { illust } = (await get(detail)).json();
      expect(illust).not.toHaveProperty('id');
      expect(illust).toHaveProperty('title');
      expect((await get(detail)).json().illust.id).toBe(server.world.samples.singleIllustId);
    });
  });

  describe('trickle', () => {
    it('sends bodies in small chunks at an interval until removed', async () => {
      const handle = server.trickle('/v1/illust/detail', 400, 20);
      const res = await get(detail);
      const chunks = Math.ceil(res.body.length / 400);
      expect(res.json().illust.id).toBe(server.world.samples.singleIllustId);
      handle.remove();
      expect(await timed(() => get(detail))).toBeLessThan((chunks - 1) * 20);
      server.trickle('/v1/illust/detail', 400, 20);
      expect(await timed(() => get(detail))).toBeGreaterThanOrEqual((chunks - 1) * 20 - 5);
    });
  });

  describe('chaos', () => {
    async function statuses(seed: number): Promise<(number | string)[]> {
      const chaotic = await FakePixivServer.start();
      try {
        chaotic.chaos({ rate5xx: 0.2, rate429: 0.2, rateReset: 0.1, seed });
        const t = chaotic.issueAccessToken();
        const out: (number | string)[] = [];
        for (let i = 0; i < 40; i++) {
          const result = await outcome(
            `${chaotic.apiBaseUrl}/v1/illust/detail?illust_id=${chaotic.world.samples.singleIllustId}`,
            appHeaders({ Authorization: `Bearer ${t}` }),
          );
          out.push(result.error ? 'reset' : (result.status as number));
        }
        return out;
      } finally {
        await chaotic.close();
      }
    }

    it('is deterministic from the seed and mixes 5xx, 429, resets and successes', async () => {
      const a = await statuses(42);
      expect(await statuses(42)).toEqual(a);
      expect(await statuses(43)).not.toEqual(a);
      expect(a).toContain(200);
      expect(a).toContain(429);
      expect(a).toContain('reset');
      expect(a.some((s) => typeof s === 'number' && s >= 500)).toBe(true);
    });

    it('sends Retry-After on its 429s', async () => {
      server.chaos({ rate429: 1, retryAfterSeconds: 3 });
      const res = await get(detail);
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('3');
    });

    it('leaves OAuth alone unless asked', async () => {
      const handle = server.chaos({ rate5xx: 1 });
      expect((await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: server.refreshToken })).status).toBe(200);
      expect((await get(detail)).status).toBeGreaterThanOrEqual(500);
      const url = server.world.illustration(server.world.samples.singleIllustId)?.originalUrls[0] as string;
      expect((await outcome(url, { Referer: PIXIV_REFERER })).status).toBeGreaterThanOrEqual(500);
      handle.remove();
      expect((await get(detail)).status).toBe(200);
    });
  });

  it('rejects bad fault arguments', () => {
    expect(() => server.failNext('*', 0)).toThrow(TypeError);
    expect(() => server.latency(-1)).toThrow(TypeError);
    expect(() => server.trickle('*', 0, 10)).toThrow(TypeError);
    expect(() => server.chaos({ rate5xx: 0.8, rate429: 0.8 })).toThrow(TypeError);
  });

  it('cuts requests in flight on close() without hanging', async () => {
    server.latency(10_000);
    const pending = outcome(`${server.apiBaseUrl}${detail}`, appHeaders({ Authorization: `Bearer ${token}` }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const start = Date.now();
    await server.close();
    expect(Date.now() - start).toBeLessThan(1000);
    expect((await pending).error).toBeDefined();
  });
});
