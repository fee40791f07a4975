import { Observable, lastValueFrom, toArray } from 'rxjs';
import { BadApiResponse } from '../lib/errors';
import { ContentType } from '../lib/models';
import { API, TOKEN_URL, fixture, mockedClient } from './support/mock-api';

/** A page of `userIllustrations$` from the real 2021 body, with ids shifted per page. */
function illustrationsPage(pageIndex: number, nextUrl: string | null, count = 30): unknown {
  const body = fixture('v1-user-illusts/azuline-2021-2188232.json');
  body.illusts = body.illusts.slice(0, count).map((illust: any, i: number) => ({ ...illust, id: pageIndex * 1000 + i + 1 }));
  body.next_url = nextUrl;
  return body;
}

const PIXIV = 'https://app-api.pixiv.net';
const listPath = (offset: number) => `/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios&offset=${offset}`;

/** Serves `pages` pages of user illustrations on any origin, each `next_url` on `nextOrigin`. */
function serveListing(mock: ReturnType<typeof mockedClient>['mock'], pages: number, nextOrigin: string): void {
  mock.onGet(/\/v1\/user\/illusts/).reply((config) => {
    const offset = Number(new URL(String(config.url)).searchParams.get('offset') ?? 0);
    const index = offset / 30;
    return [200, illustrationsPage(index, index + 1 < pages ? `${nextOrigin}${listPath(offset + 30)}` : null)];
  });
}

const apiGets = (mock: ReturnType<typeof mockedClient>['mock']) => mock.history.get.map((r) => String(r.url));
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('resumeFrom', () => {
  it('starts the listing at the given nextUrl, sends it as given and follows on from there', async () => {
    const { client, mock } = mockedClient();
    serveListing(mock, 4, API);
    const works = await lastValueFrom(client.userIllustrations$(2188232, { resumeFrom: `${API}${listPath(60)}` }).pipe(toArray()));
    expect(works.map((w) => w.id)).toEqual([
      ...Array.from({ length: 30 }, (_, i) => 2001 + i),
      ...Array.from({ length: 30 }, (_, i) => 3001 + i),
    ]);
    expect(apiGets(mock)).toEqual([`${API}${listPath(60)}`, `${API}${listPath(90)}`]);
  });

  it('resumes from the nextUrl of a page of an earlier run: the two runs together are the whole listing', async () => {
    const { client, mock } = mockedClient();
    serveListing(mock, 3, API);
    const [first] = await lastValueFrom(client.userIllustrationPages$(2188232).pipe(toArray()));
    const rest = await lastValueFrom(client.userIllustrations$(2188232, { resumeFrom: first.nextUrl! }).pipe(toArray()));
    expect([...first.items, ...rest].map((w) => w.id)).toHaveLength(90);
    expect(new Set([...first.items, ...rest].map((w) => w.id)).size).toBe(90);
  });

  it("takes the account's own listing from the URL as given (the URL carries user_id)", async () => {
    const { client, mock } = mockedClient();
    const url = `${API}/v1/user/follower?user_id=777&filter=for_ios&offset=30`;
    mock.onGet(url).reply(200, { user_previews: [], next_url: null });
    await lastValueFrom(client.followers$({ resumeFrom: url }).pipe(toArray()));
    expect(apiGets(mock)).toEqual([url]);
  });

  it('resumes a listing on Pixiv’s own origin on apiBaseUrl when that is another (a proxy)', async () => {
    const { client, mock } = mockedClient({ apiBaseUrl: 'http://127.0.0.1:8080/pixiv' });
    serveListing(mock, 3, PIXIV);
    await lastValueFrom(client.userIllustrations$(2188232, { resumeFrom: `${PIXIV}${listPath(30)}` }).pipe(toArray()));
    expect(apiGets(mock)).toEqual([
      `http://127.0.0.1:8080/pixiv${listPath(30)}`,
      `http://127.0.0.1:8080/pixiv${listPath(60)}`,
    ]);
  });

  it('resumes a search with its date windows from the URL (pastOffsetLimit)', async () => {
    const { client, mock } = mockedClient();
    const url = `${API}/v1/search/illust?word=x&search_target=partial_match_for_tags&sort=date_desc&filter=for_ios&offset=60`;
    mock.onGet(url).reply(200, { illusts: [], next_url: null });
    await lastValueFrom(client.searchIllustrations$('x', { pastOffsetLimit: true, resumeFrom: url }).pipe(toArray()));
    expect(apiGets(mock)).toEqual([url]);
  });

  const REFUSED: ReadonlyArray<readonly [string, unknown]> = [
    ['another origin', `https://evil.example${listPath(30)}`],
    ['the API host over http', `http://app-api.pixiv.net${listPath(30)}`],
    ['the API host as user info', `https://app-api.pixiv.net@evil.example${listPath(30)}`],
    ["another endpoint's path", `${API}/v1/user/bookmarks/illust?user_id=2188232&restrict=public`],
    ['a path that only starts like the endpoint’s', `${API}/v1/user/illusts-and-more?offset=30`],
    ['a relative URL', listPath(30)],
    ['the empty string', ''],
    ['a number', 30],
  ];

  it.each(REFUSED)('refuses %s with a TypeError before anything is sent', async (_, resumeFrom) => {
    const { client, mock } = mockedClient();
    serveListing(mock, 3, API);
    const error = await lastValueFrom(
      client.userIllustrations$(2188232, { resumeFrom: resumeFrom as string }).pipe(toArray()),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/resumeFrom/);
    await settle();
    expect(apiGets(mock)).toEqual([]);
    expect(mock.history.post.map((r) => r.url)).toEqual([]);
  });

  it('resumes the novel listings the same way, and refuses another endpoint’s nextUrl there', async () => {
    const { client, mock } = mockedClient();
    const url = `${API}/v1/user/novels?user_id=24970193&filter=for_ios&offset=30`;
    mock.onGet(url).reply(200, { novels: [], next_url: null });
    await lastValueFrom(client.userNovels$(24970193, { resumeFrom: url }).pipe(toArray()));
    expect(apiGets(mock)).toEqual([url]);
    const error = await lastValueFrom(
      client.newNovels$({ resumeFrom: `${API}/v1/illust/new?filter=for_ios&max_illust_id=1` }).pipe(toArray()),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(apiGets(mock)).toEqual([url]);
  });

  it('refuses a nextUrl of another endpoint on every list endpoint, e.g. watchlist$ and spotlightArticles$', async () => {
    const { client, mock } = mockedClient();
    mock.onAny().reply(200, {});
    const resumeFrom = `${API}${listPath(30)}`;
    const streams: ReadonlyArray<Observable<unknown>> = [
      client.watchlist$(ContentType.NOVEL, { resumeFrom: `${API}/v1/watchlist/manga?offset=30` }),
      client.spotlightArticles$({ resumeFrom }),
      client.searchUsers$('x', { resumeFrom }),
      client.mypixiv$(1, { resumeFrom }),
    ];
    for (const stream of streams) {
      const error = await lastValueFrom(stream.pipe(toArray())).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
    }
    expect(apiGets(mock)).toEqual([]);
  });
});

describe('a next_url on Pixiv’s own origin', () => {
  it('is followed on apiBaseUrl with the same path and query when apiBaseUrl is another', async () => {
    const { client, mock } = mockedClient({ apiBaseUrl: 'http://127.0.0.1:8080' });
    serveListing(mock, 3, PIXIV);
    const works = await lastValueFrom(client.userIllustrations$(2188232).pipe(toArray()));
    expect(works).toHaveLength(90);
    expect(apiGets(mock)).toEqual([
      'http://127.0.0.1:8080/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios',
      `http://127.0.0.1:8080${listPath(30)}`,
      `http://127.0.0.1:8080${listPath(60)}`,
    ]);
    // the token goes to apiBaseUrl only, never to Pixiv's origin
    expect(mock.history.get.every((r) => String(r.url).startsWith('http://127.0.0.1:8080/'))).toBe(true);
  });

  it('keeps the path of apiBaseUrl in front of the rebased path', async () => {
    const { client, mock } = mockedClient({ apiBaseUrl: 'https://proxy.example/pixiv/' });
    serveListing(mock, 2, PIXIV);
    await lastValueFrom(client.userIllustrations$(2188232).pipe(toArray()));
    expect(apiGets(mock)[1]).toBe(`https://proxy.example/pixiv${listPath(30)}`);
  });

  it('is followed as it is when apiBaseUrl is Pixiv’s', async () => {
    const { client, mock } = mockedClient();
    serveListing(mock, 2, PIXIV);
    await lastValueFrom(client.userIllustrations$(2188232).pipe(toArray()));
    expect(apiGets(mock)[1]).toBe(`${PIXIV}${listPath(30)}`);
  });

  it.each([
    ['another origin', 'https://evil.example'],
    ['Pixiv’s API host over http', 'http://app-api.pixiv.net'],
    ['another port of Pixiv’s API host', 'https://app-api.pixiv.net:8443'],
    ['Pixiv’s web origin', 'https://www.pixiv.net'],
  ])('is refused on %s, with apiBaseUrl another, before anything is sent there', async (_, origin) => {
    const { client, mock } = mockedClient({ apiBaseUrl: 'http://127.0.0.1:8080' });
    serveListing(mock, 3, origin);
    const error = await lastValueFrom(client.userIllustrations$(2188232).pipe(toArray())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadApiResponse);
    expect((error as BadApiResponse).path).toBe('next_url');
    expect((error as Error).message).toMatch(/leaves the API origin/);
    expect(apiGets(mock)).toEqual(['http://127.0.0.1:8080/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios']);
    expect(mock.history.post.map((r) => r.url)).toEqual([TOKEN_URL]);
  });

  it('still counts as a repeat when the rebased URL was fetched already', async () => {
    const { client, mock } = mockedClient({ apiBaseUrl: 'http://127.0.0.1:8080' });
    mock
      .onGet('http://127.0.0.1:8080/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios')
      .reply(200, illustrationsPage(0, `${PIXIV}${listPath(30)}`))
      .onGet(`http://127.0.0.1:8080${listPath(30)}`)
      .reply(200, illustrationsPage(1, `${PIXIV}${listPath(30)}`));
    const error = await lastValueFrom(client.userIllustrations$(2188232).pipe(toArray())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadApiResponse);
    expect((error as Error).message).toMatch(/repeats/);
    expect(apiGets(mock)).toHaveLength(2);
  });
});
