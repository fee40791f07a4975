import { lastValueFrom, merge, toArray } from 'rxjs';
import { API, fixture, mockedClient } from '../support/mock-api';

function page(userId: number, offset: number, last: boolean): unknown {
  const body = fixture('v1-user-illusts/azuline-2021-2188232.json');
  body.illusts = body.illusts.map((illust: any, i: number) => ({ ...illust, id: userId * 100_000 + offset + i + 1 }));
  body.next_url = last ? null : `${API}/v1/user/illusts?user_id=${userId}&type=illust&filter=for_ios&offset=${offset + 30}`;
  return body;
}

describe('maxConcurrentRequests', () => {
  it('bounds API requests in flight across 10 paging streams of one client', async () => {
    const { client, mock } = mockedClient({ maxConcurrentRequests: 3 });
    let inFlight = 0;
    let peak = 0;
    mock.onGet(/\/v1\/user\/illusts/).reply(async (config) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
      const url = new URL(String(config.url));
      const offset = Number(url.searchParams.get('offset') ?? 0);
      return [200, page(Number(url.searchParams.get('user_id')), offset, offset >= 90)];
    });
    const streams = Array.from({ length: 10 }, (_, i) => client.userIllustrations$(i + 1));
    const works = await lastValueFrom(merge(...streams).pipe(toArray()));
    expect(works).toHaveLength(10 * 4 * 30);
    expect(new Set(works.map((w) => w.id)).size).toBe(1200);
    expect(mock.history.get).toHaveLength(40);
    expect(peak).toBe(3);
  });

  it('frees the slot of a stream that is unsubscribed mid-request', async () => {
    const { client, mock } = mockedClient({ maxConcurrentRequests: 1 });
    mock.onGet(/illust_id=1$/).reply(() => new Promise(() => undefined));
    mock.onGet(/illust_id=2$/).reply(200, fixture('v1-illust-detail/pixivpy-2025-126839540.json'));
    const stuck = client.illustration$(1).subscribe();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const next = lastValueFrom(client.illustration$(2));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(mock.history.get.map((r) => r.url)).toEqual([`${API}/v1/illust/detail?illust_id=1`]);
    stuck.unsubscribe();
    await expect(next).resolves.toMatchObject({ id: 126839540 });
  });
});
