import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { BadApiResponse, PixivError } from '../lib/errors';
import { API, fixture, mockedClient } from './support/mock-api';

/** A page of `userIllustrations$` built from the real 2021 body, with ids shifted per page. */
function illustrationsPage(pageIndex: number, nextUrl: string | null, count = 30): unknown {
  const body = fixture('v1-user-illusts/azuline-2021-2188232.json');
  body.illusts = body.illusts.slice(0, count).map((illust: any, i: number) => ({ ...illust, id: pageIndex * 1000 + i + 1 }));
  body.next_url = nextUrl;
  return body;
}

const listUrl = (offset: number) => `${API}/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios&offset=${offset}`;

function pagedListing(mock: ReturnType<typeof mockedClient>['mock'], pages: number): void {
  mock.onGet(/\/v1\/user\/illusts/).reply((config) => {
    const offset = Number(new URL(String(config.url)).searchParams.get('offset') ?? 0);
    const index = offset / 30;
    return [200, illustrationsPage(index, index + 1 < pages ? listUrl(offset + 30) : null)];
  });
}

describe('pagination', () => {
  it('follows next_url to the end and emits every item in order', async () => {
    const { client, mock, apiRequests } = mockedClient();
    pagedListing(mock, 3);
    const works = await lastValueFrom(client.userIllustrations$(2188232).pipe(toArray()));
    expect(works).toHaveLength(90);
    expect(works[0].id).toBe(1);
    expect(works[89].id).toBe(2030);
    expect(apiRequests().map((r) => r.url)).toEqual([
      `${API}/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios`,
      listUrl(30),
      listUrl(60),
    ]);
  });

  it('sends nothing before subscription', () => {
    const { client, mock } = mockedClient();
    pagedListing(mock, 3);
    client.userIllustrations$(2188232);
    client.userIllustrationPages$(2188232);
    expect(mock.history.get).toHaveLength(0);
    expect(mock.history.post).toHaveLength(0);
  });

  it('stops paging at the page that satisfied take(n): 100 items need 4 pages', async () => {
    const { client, mock, apiRequests } = mockedClient();
    pagedListing(mock, 10);
    const works = await lastValueFrom(client.userIllustrations$(2188232).pipe(take(100), toArray()));
    expect(works).toHaveLength(100);
    expect(apiRequests()).toHaveLength(4);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(apiRequests()).toHaveLength(4);
  });

  it('stops after the first page for take(30)', async () => {
    const { client, mock, apiRequests } = mockedClient();
    pagedListing(mock, 10);
    await lastValueFrom(client.userIllustrations$(2188232).pipe(take(30), toArray()));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(apiRequests()).toHaveLength(1);
  });

  it('keeps going past an empty page', async () => {
    const { client, mock } = mockedClient();
    mock
      .onGet(`${API}/v1/user/illusts?user_id=1&type=illust&filter=for_ios`)
      .reply(200, illustrationsPage(0, listUrl(30), 2))
      .onGet(listUrl(30))
      .reply(200, illustrationsPage(1, listUrl(60), 0))
      .onGet(listUrl(60))
      .reply(200, illustrationsPage(2, null, 3));
    const works = await lastValueFrom(client.userIllustrations$(1).pipe(toArray()));
    expect(works.map((w) => w.id)).toEqual([1, 2, 2001, 2002, 2003]);
  });

  it('emits pages with items, nextUrl and the decoded cursor', async () => {
    const { client, mock } = mockedClient();
    pagedListing(mock, 2);
    const pages = await lastValueFrom(client.userIllustrationPages$(2188232).pipe(toArray()));
    expect(pages.map((p) => [p.items.length, p.nextUrl, p.next])).toEqual([
      [30, listUrl(30), 30],
      [30, null, null],
    ]);
  });

  it('follows a next_url verbatim, viewed[] arrays included', async () => {
    const { client, mock, apiRequests } = mockedClient();
    const body = fixture('v2-illust-related/pixivpy-2025.json');
    const next = body.next_url as string;
    expect(next).toContain('viewed%5B');
    mock
      .onGet(/\/v2\/illust\/related\?illust_id=126839540&filter=for_ios$/)
      .reply(200, body)
      .onGet(next)
      .reply(200, { illusts: [], next_url: null });
    await lastValueFrom(client.relatedIllustrations$(126839540).pipe(toArray()));
    expect(apiRequests()[1].url).toBe(next);
  });

  it('aborts the request in flight when the subscriber unsubscribes', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(/\/v1\/user\/illusts/).reply(() => new Promise(() => undefined));
    const subscription = client.userIllustrations$(2188232).subscribe();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mock.history.get).toHaveLength(1);
    const signal = mock.history.get[0].signal as AbortSignal;
    expect(signal.aborted).toBe(false);
    subscription.unsubscribe();
    expect(signal.aborted).toBe(true);
  });

  it('refuses a next_url on another origin and never sends the token there', async () => {
    const { client, mock } = mockedClient();
    mock
      .onGet(/app-api\.pixiv\.net\/v1\/user\/illusts/)
      .reply(200, illustrationsPage(0, 'https://evil.example.com/v1/user/illusts?offset=30'));
    mock.onGet(/evil\.example\.com/).reply(200, illustrationsPage(1, null));
    const error = await lastValueFrom(client.userIllustrations$(2188232).pipe(toArray())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadApiResponse);
    expect((error as BadApiResponse).path).toBe('next_url');
    expect(String((error as Error).message)).toMatch(/leaves the API origin/);
    expect(mock.history.get.filter((r) => String(r.url).includes('evil'))).toHaveLength(0);
  });

  it('errors when next_url repeats a page already fetched', async () => {
    const { client, mock, apiRequests } = mockedClient();
    mock
      .onGet(`${API}/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios`)
      .reply(200, illustrationsPage(0, listUrl(30)))
      .onGet(listUrl(30))
      .reply(200, illustrationsPage(1, listUrl(30)));
    const error = await lastValueFrom(client.userIllustrations$(2188232).pipe(toArray())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadApiResponse);
    expect(String((error as Error).message)).toMatch(/repeats/);
    expect(apiRequests()).toHaveLength(2);
  });

  it('refuses a next_url of 100,000 characters without requesting it', async () => {
    const { client, mock, apiRequests } = mockedClient();
    const huge = `${API}/v1/user/illusts?offset=30&pad=${'x'.repeat(100_000)}`;
    mock.onGet(/\/v1\/user\/illusts/).reply(200, illustrationsPage(0, huge));
    const error = await firstValueFrom(client.userIllustrationPages$(2188232).pipe(toArray())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PixivError);
    expect((error as Error).message.length).toBeLessThan(1000);
    expect(apiRequests()).toHaveLength(1);
  });
});
