import { inspect } from 'node:util';
import { firstValueFrom, lastValueFrom, take } from 'rxjs';
import {
  BadApiResponse,
  ContentType,
  LoginError,
  NetworkError,
  PixivApiError,
  RateLimitError,
  type PixivClient,
} from '../../lib';
import { FakePixivServer, FakeResponses } from '../../lib/testing';
import { apiRequests, clientOf, collect, failure } from './helpers';

describe('fault kinds, mapped to the error family', () => {
  let server: FakePixivServer;
  let client: PixivClient;
  let detailPath: string;

  beforeEach(async () => {
    server = await FakePixivServer.start({ seed: 2 });
    client = clientOf(server);
    detailPath = '/v1/illust/detail';
    // authenticate first, so the faults below meet API calls only
    await firstValueFrom(client.user$(server.world.accountId));
    server.resetLog();
  });

  afterEach(() => server.close());

  const detail$ = () => client.illustration$(server.world.samples.singleIllustId);

  describe('5xx', () => {
    it('retries a transient 500 and succeeds', async () => {
      server.failNext(detailPath, 2);
      const work = await firstValueFrom(detail$());
      expect(work.id).toBe(server.world.samples.singleIllustId);
      expect(apiRequests(server).map((entry) => entry.status)).toEqual([500, 500, 200]);
    });

    it('fails with PixivApiError (status 500) when retries run out', async () => {
      server.failNext(detailPath, 10);
      const error = await failure(detail$());
      expect(error).toBeInstanceOf(PixivApiError);
      expect(error).not.toBeInstanceOf(RateLimitError);
      expect(error.status).toBe(500);
      expect(apiRequests(server)).toHaveLength(4);
    });

    it('reads a 502 HTML page as a PixivApiError', async () => {
      server.failNext(detailPath, 10, FakeResponses.serverError(502));
      const error = await failure(detail$());
      expect(error).toBeInstanceOf(PixivApiError);
      expect(error.status).toBe(502);
    });
  });

  describe('rate limits', () => {
    it('waits out a 429 with Retry-After and succeeds', async () => {
      server.failNext(detailPath, 1, FakeResponses.rateLimit({ retryAfterSeconds: 0 }));
      await firstValueFrom(detail$());
      expect(apiRequests(server).map((entry) => entry.status)).toEqual([429, 200]);
    });

    it('fails with RateLimitError when 429s persist', async () => {
      server.failNext(detailPath, 10, FakeResponses.rateLimit({ retryAfterSeconds: 0 }));
      const error = await failure(detail$());
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ status: 429, apiMessage: 'Rate Limit', retryAfterMs: 0 });
    });

    it('classifies a 403 "Rate Limit" envelope as RateLimitError', async () => {
      server.failNext(detailPath, 10, FakeResponses.rateLimit({ status: 403 }));
      const error = await failure(detail$());
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.status).toBe(403);
    });

    it('fails at once when Retry-After is longer than maxRetryAfterMs', async () => {
      server.failNext(detailPath, 1, FakeResponses.rateLimit({ retryAfterSeconds: 3600 }));
      const error = await failure(detail$());
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.retryAfterMs).toBe(3_600_000);
      expect(apiRequests(server)).toHaveLength(1);
    });
  });

  describe('4xx answers', () => {
    it('maps a deleted work to PixivApiError 404 with the user message, without retrying', async () => {
      const error = await failure(client.illustration$(server.world.samples.missingIllustId));
      expect(error).toBeInstanceOf(PixivApiError);
      expect(error).toMatchObject({
        status: 404,
        userMessage: 'The artwork has been deleted or the artwork ID does not exist.',
      });
      expect(apiRequests(server)).toHaveLength(1);
    });

    it('maps a restricted user to PixivApiError 403 "Your access is currently restricted."', async () => {
      const error = await failure(client.user$(server.world.samples.restrictedUserId));
      expect(error).toBeInstanceOf(PixivApiError);
      expect(error).not.toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ status: 403, userMessage: 'Your access is currently restricted.' });
    });

    it('maps the search offset cap to PixivApiError 400 with the message', async () => {
      const error = await failure(client.searchIllustrations$('girl', { offset: 5030 }));
      expect(error).toBeInstanceOf(PixivApiError);
      expect(error.status).toBe(400);
      expect(error.apiMessage).toMatch(/offset must be no more than 5000/i);
    });
  });

  describe('connection resets', () => {
    it('retries a GET reset before the answer', async () => {
      server.resetNext(detailPath, 2);
      await firstValueFrom(detail$());
      expect(apiRequests(server).map((entry) => entry.fault)).toEqual(['reset', 'reset', undefined]);
    });

    it('retries a GET reset mid-body', async () => {
      server.resetNext(detailPath, 1, { afterBytes: 100 });
      const work = await firstValueFrom(detail$());
      expect(work.id).toBe(server.world.samples.singleIllustId);
      expect(apiRequests(server)).toHaveLength(2);
    });

    it('fails with NetworkError (reset) when resets persist', async () => {
      server.resetNext(detailPath, 10);
      const error = await failure(detail$());
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ kind: 'reset', reachedServer: true });
    });

    it('does not resend a bookmark POST whose connection was reset', async () => {
      server.resetNext('/v2/illust/bookmark/add', 1);
      const error = await failure(client.addBookmark(server.world.samples.singleIllustId));
      expect(error).toBeInstanceOf(NetworkError);
      expect(server.requests('/v2/illust/bookmark/add')).toHaveLength(1);
    });

    it('fails with NetworkError (refused) when the server is gone', async () => {
      await server.close();
      const error = await failure(detail$());
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ kind: 'refused', reachedServer: false });
    });
  });

  describe('malformed bodies', () => {
    it('maps an HTML page to BadApiResponse', async () => {
      server.malformNext(detailPath, 10, { kind: 'not-json' });
      expect(await failure(detail$())).toBeInstanceOf(BadApiResponse);
    });

    it('maps truncated JSON to BadApiResponse', async () => {
      server.malformNext(detailPath, 10, { kind: 'truncated' });
      expect(await failure(detail$())).toBeInstanceOf(BadApiResponse);
    });

    it('maps a schema break to BadApiResponse with the path of the bad field', async () => {
      server.malformNext('/v1/user/illusts', 1, {
        mutate: (body) => {
          body.illusts[3].id = '3';
        },
      });
      const error = await failure(client.userIllustrations$(server.world.showcaseUserId));
      expect(error).toBeInstanceOf(BadApiResponse);
      expect(error.path).toBe('illusts.3.id');
    });

    it('maps the default schema break to BadApiResponse', async () => {
      server.malformNext(detailPath);
      const error = await failure(detail$());
      expect(error).toBeInstanceOf(BadApiResponse);
      expect(error.path).toBe('illust');
    });
  });

  describe('slowness', () => {
    // timeoutMs is "per request" (API.md): a body that trickles in for longer must time out too,
    // not only a socket that goes quiet for timeoutMs (axios' `timeout` is an idle timeout in Node)
    it('times out a trickling answer with NetworkError (timeout): timeoutMs bounds the whole request', async () => {
      const impatient = clientOf(server, { timeoutMs: 150, retry: false });
      server.trickle(detailPath, 100, 40);
      const error = await failure(impatient.illustration$(server.world.samples.singleIllustId));
      expect(error).toBeInstanceOf(NetworkError);
      expect(error.kind).toBe('timeout');
    });

    it('times out a slow answer and retries it', async () => {
      const impatient = clientOf(server, { timeoutMs: 150 });
      server.latency(400, (request) => request.path === detailPath && server.requests(detailPath).length === 1);
      const work = await firstValueFrom(impatient.illustration$(server.world.samples.singleIllustId));
      expect(work.id).toBe(server.world.samples.singleIllustId);
      expect(server.requests(detailPath)[0]?.aborted).toBe(true);
    });

    it('still delivers a trickling answer within the timeout', async () => {
      server.trickle(detailPath, 1000, 5);
      const work = await firstValueFrom(detail$());
      expect(work.id).toBe(server.world.samples.singleIllustId);
    });
  });

  describe('the token endpoint', () => {
    it('maps a refused refresh to LoginError when the API token expires and the refresh token was revoked', async () => {
      server.expireAccessTokens();
      server.revokeRefreshToken(server.refreshToken);
      const error = await failure(detail$());
      expect(error).toBeInstanceOf(LoginError);
      expect(error.serverMessage).toBe('Invalid refresh token');
    });

    it('maps a token endpoint that keeps failing to LoginError', async () => {
      server.expireAccessTokens();
      server.failNext('/auth/token', 20, { status: 503 });
      const error = await failure(detail$());
      expect(error).toBeInstanceOf(LoginError);
    });
  });

  it('survives a chaos soak: 600 works through 5xx, 429 and resets, in order', async () => {
    const sturdy = clientOf(server, { retry: { maxRetries: 8, baseDelayMs: 1, maxDelayMs: 5 } });
    server.chaos({ rate5xx: 0.15, rate429: 0.1, rateReset: 0.1, retryAfterSeconds: 0, seed: 7 });
    const works = await collect(
      sturdy.userIllustrations$(server.world.prolificUserId, { contentType: ContentType.ILLUSTRATION }).pipe(take(600)),
    );
    expect(works.map((w) => w.id)).toEqual(server.world.illustrationIdsOf(server.world.prolificUserId, 'illust').slice(0, 600));
    expect(apiRequests(server).some((entry) => entry.fault !== undefined)).toBe(true);
  });

  it('never puts a token or secret into an error', async () => {
    server.failNext(detailPath, 10, { status: 500 });
    const errors = [await failure(detail$())];
    server.clearFaults();
    server.revokeRefreshToken(server.refreshToken);
    server.expireAccessTokens();
    errors.push(await failure(detail$()));
    const secrets = [server.refreshToken, client.accessToken, 'lsACyCD94FhDUtGTXi3QzcFE2uU1hqtDaKeqrdwj'].filter(
      (secret): secret is string => typeof secret === 'string' && secret.length > 0,
    );
    for (const error of errors) {
      const views = [String(error.message), String(error.stack), JSON.stringify(error), inspect(error, { showHidden: true, depth: 10 })];
      for (const view of views) for (const secret of secrets) expect(view).not.toContain(secret);
    }
    expect(errors.map((e) => e.constructor.name)).toEqual(['PixivApiError', 'LoginError']);
  });

  it('lastValueFrom of a failing POST rejects (no silent success)', async () => {
    server.failNext('/v1/illust/bookmark/delete', 10, { status: 500 });
    await expect(lastValueFrom(client.deleteBookmark(server.world.samples.singleIllustId))).rejects.toBeInstanceOf(PixivApiError);
  });
});
