// The README's "Testing your app offline" example, as it runs (imports from lib/ instead of the
// package name).
import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { PixivClient, RateLimitError } from '../../lib';
import { FakePixivServer, FakeResponses } from '../../lib/testing';

describe('my gallery sync', () => {
  let server: FakePixivServer;
  let client: PixivClient;

  beforeEach(async () => {
    server = await FakePixivServer.start({ seed: 42 });
    client = new PixivClient({
      apiBaseUrl: server.apiBaseUrl,
      oauthBaseUrl: server.oauthBaseUrl,
      refreshToken: server.refreshToken,
      retry: { maxRetries: 1, baseDelayMs: 1 },
    });
  });

  afterEach(() => server.close());

  it('reads an artist’s first 50 works in two pages', async () => {
    const artist = server.world.showcaseUserId;
    const works = await lastValueFrom(client.userIllustrations$(artist).pipe(take(50), toArray()));
    expect(works.map((w) => w.id)).toEqual(server.world.illustrationIdsOf(artist, 'illust').slice(0, 50));
    expect(server.requests({ path: '/v1/user/illusts' })).toHaveLength(2);
  });

  it('survives an expired token', async () => {
    await firstValueFrom(client.user$(server.world.accountId));
    server.expireAccessTokens();
    await firstValueFrom(client.user$(server.world.accountId));
    expect(server.counters.tokenGrants.refresh_token).toBe(2);
  });

  it('reports a rate limit', async () => {
    server.failNext('/v1/illust/detail', 5, FakeResponses.rateLimit({ retryAfterSeconds: 0 }));
    const error = await firstValueFrom(client.illustration$(server.world.samples.singleIllustId)).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
  });
});
