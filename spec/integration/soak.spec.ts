import { Observable, lastValueFrom, map, merge, tap, toArray } from 'rxjs';
import { ContentType, type RetryEvent } from '../../lib';
import { FakePixivServer } from '../../lib/testing';
import { apiRequests, clientOf } from './helpers';

/**
 * The proof of the resilience: 1,000 page requests through 5 concurrent streams while the fake
 * answers 10% with 5xx, 5% with 429 + Retry-After, resets 2% of the connections, and expires
 * every access token once in the middle.
 */
describe('soak: 1,000 requests through 5 streams under faults', () => {
  let server: FakePixivServer;

  beforeAll(async () => {
    // 6,000 works = 200 pages per stream, 5 streams = 1,000 pages
    server = await FakePixivServer.start({ seed: 11, users: 8, prolificWorks: 6000 });
  });

  afterAll(() => server.close());

  it('completes every stream with the exact items, in order, with one refresh per expiry', async () => {
    const retries: RetryEvent[] = [];
    const client = clientOf(server, {
      retry: { maxRetries: 12, baseDelayMs: 1, maxDelayMs: 8 },
      maxConcurrentRequests: 5,
      onRetry: (event) => retries.push(event),
    });
    const userId = server.world.prolificUserId;
    const expected = server.world.illustrationIdsOf(userId, 'illust');
    expect(expected).toHaveLength(6000);

    server.chaos({ rate5xx: 0.1, rate429: 0.05, rateReset: 0.02, retryAfterSeconds: 0.01, seed: 5, origins: ['api'] });
    let pages = 0;
    const stream = (): Observable<number[]> =>
      client.userIllustrationPages$(userId, { contentType: ContentType.ILLUSTRATION }).pipe(
        tap(() => {
          pages++;
          if (pages === 500) server.expireAccessTokens();
        }),
        // each stream's ids, in the order its pages arrived
        map((page) => page.items.map((item) => item.id)),
        toArray(),
        map((pageIds) => pageIds.flat()),
      );

    const results = await lastValueFrom(merge(stream(), stream(), stream(), stream(), stream()).pipe(toArray()));
    server.clearFaults();

    expect(results).toHaveLength(5);
    for (const ids of results) expect(ids).toEqual(expected); // no loss, no duplicate, in order
    expect(pages).toBe(1000);

    const log = apiRequests(server);
    // a reset mid-body is logged with the 200 it started to send, and its fault
    const answered = log.filter((entry) => entry.status === 200 && entry.fault === undefined);
    expect(answered.length).toBe(1000);
    const faulted = log.filter((entry) => entry.fault !== undefined);
    const expiredAnswers = log.filter((entry) => entry.status === 400);
    // every request that met the expired token (in flight, or sent before the first 400 came
    // back) replayed after the one shared refresh
    expect(expiredAnswers.length).toBeGreaterThanOrEqual(1);
    expect(server.counters.tokenGrants.refresh_token).toBe(2); // the first login + one per expiry
    // every injected fault cost exactly one retry, and nothing else did
    expect(faulted.length).toBeGreaterThan(100);
    expect(retries.length).toBe(faulted.length);
    const kinds = new Set(retries.map((event) => event.error.name));
    expect([...kinds].sort()).toEqual(['NetworkError', 'PixivApiError', 'RateLimitError']);
    // the report a user would log
    process.stdout.write(
      `soak: ${log.length} API requests, ${answered.length} pages, ${retries.length} retries ` +
        `(${[...kinds].map((k) => `${k} ${retries.filter((e) => e.error.name === k).length}`).join(', ')}), ` +
        `${expiredAnswers.length} expired-token replays\n`,
    );
  }, 60_000);
});
