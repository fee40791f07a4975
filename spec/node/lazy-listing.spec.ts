import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Subscription, take } from 'rxjs';
import { ContentType, PixivClient } from '../../lib';
import { downloadIllustrations } from '../../lib/node';
import { FakePixivServer } from '../../lib/testing';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('downloadIllustrations on a listing', () => {
  let server: FakePixivServer;
  let client: PixivClient;
  let directory: string;
  let subscription: Subscription | undefined;

  beforeEach(async () => {
    server = await FakePixivServer.start({ seed: 3, users: 8, prolificWorks: 3000, imageBytes: 2048 });
    client = new PixivClient({ apiBaseUrl: server.apiBaseUrl, oauthBaseUrl: server.oauthBaseUrl, refreshToken: server.refreshToken });
    directory = await mkdtemp(join(tmpdir(), 'pixiv-rx-lazy-'));
  });

  afterEach(async () => {
    subscription?.unsubscribe();
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });

  const pageRequests = () => server.requests({ origin: 'api', path: '/v1/user/illusts' }).length;

  it('does not page ahead of slow downloads', async () => {
    server.latency(150, { origin: 'image' });
    const results: unknown[] = [];
    subscription = client
      .userIllustrations$(server.world.prolificUserId, { contentType: ContentType.ILLUSTRATION })
      .pipe(downloadIllustrations(client, { directory, concurrency: 2 }))
      .subscribe((result) => results.push(result));
    // from the first download on (the fake builds a large world on its first request)
    while (results.length === 0) await pause(10);
    await pause(700);
    // 100 pages are there to be had; the operator has 2 transfers at a time, each 150 ms slow
    expect(results.length).toBeGreaterThan(1);
    expect(pageRequests()).toBeLessThanOrEqual(2);
  });

  it('still pages on as the downloads catch up, through take()', async () => {
    const results: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      subscription = client
        .userIllustrations$(server.world.prolificUserId, { contentType: ContentType.ILLUSTRATION })
        .pipe(take(75), downloadIllustrations(client, { directory, concurrency: 4 }))
        .subscribe({ next: (result) => results.push(result), error: reject, complete: resolve });
    });
    expect(results).toHaveLength(75);
    expect(pageRequests()).toBe(3);
  });
});
