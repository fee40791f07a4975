import { lastValueFrom, take, tap, toArray } from 'rxjs';
import { PixivApiError, SearchTarget, Sort, type PixivClient } from '../../lib';
import { FakePixivServer } from '../../lib/testing';
import { apiRequests, clientOf, collect, failure } from './helpers';

const tokyoDay = (date: Date) => new Date(date.getTime() + 9 * 3600_000).toISOString().slice(0, 10);

describe('searching past the offset cap over the fake', () => {
  let server: FakePixivServer;
  let client: PixivClient;
  let tag: string;

  beforeAll(async () => {
    server = await FakePixivServer.start({ seed: 13, prolificWorks: 6000 });
    client = clientOf(server);
    tag = server.world.samples.prolificTag;
  });

  afterAll(() => server.close());

  beforeEach(() => server.resetLog());

  it('without pastOffsetLimit, the cap ends the stream with the PixivApiError Pixiv sends, after 5010 works', async () => {
    const seen: number[] = [];
    const error = await failure(client.searchIllustrations$(tag, { searchTarget: SearchTarget.TAGS_EXACT }).pipe(tap((work) => seen.push(work.id))));
    expect(error).toBeInstanceOf(PixivApiError);
    expect(error.status).toBe(400);
    expect(error.apiMessage).toMatch(/offset must be no more than 5000/i);
    expect(seen).toHaveLength(5010);
  }, 90_000);

  it.each([Sort.DATE_DESC, Sort.DATE_ASC])('with pastOffsetLimit and %s, walks all 6000 works once each, never past the cap', async (sort) => {
    const works = await collect(client.searchIllustrations$(tag, { searchTarget: SearchTarget.TAGS_EXACT, sort, pastOffsetLimit: true }));
    const ids = works.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    const all = server.world.search(tag, 'exact_match_for_tags', sort);
    expect(ids.length).toBe(all.length);
    expect([...ids].sort()).toEqual([...all].sort());
    const requests = apiRequests(server).filter((e) => e.path === '/v1/search/illust');
    const bound = sort === Sort.DATE_DESC ? 'end_date' : 'start_date';
    const windows = requests.filter((e) => e.query[bound] !== undefined && (e.query.offset ?? '0') === '0');
    expect(windows.length).toBeGreaterThan(0);
    // each window ends where Pixiv refuses the offset: at most one refused request per window
    const refused = requests.filter((e) => Number(e.query.offset ?? 0) > 5000);
    expect(refused.every((e) => e.status === 400)).toBe(true);
    expect(refused.length).toBeLessThanOrEqual(windows.length + 1);
    // the new window starts at the creation day (Tokyo) of the last work emitted before it
    const firstWindow = windows[0]?.query[bound];
    expect(firstWindow).toBe(tokyoDay(works[5009]?.createDate ?? new Date(0)));
  }, 90_000);

  it('pastOffsetLimit with popular_desc is a TypeError before anything is sent', async () => {
    expect(await failure(client.searchIllustrations$(tag, { sort: Sort.POPULAR_DESC, pastOffsetLimit: true }))).toBeInstanceOf(TypeError);
    expect(apiRequests(server)).toHaveLength(0);
  });

  it('resumeFrom starts at a nextUrl of the same endpoint, and refuses others before sending', async () => {
    const pages = await lastValueFrom(client.searchIllustrationPages$(tag, { searchTarget: SearchTarget.TAGS_EXACT }).pipe(take(2), toArray()));
    const resumeFrom = pages[0]?.nextUrl as string;
    const resumed = await collect(client.searchIllustrations$(tag, { searchTarget: SearchTarget.TAGS_EXACT, resumeFrom }).pipe(take(30)));
    expect(resumed.map((w) => w.id)).toEqual(pages[1]?.items.map((w) => w.id));
    server.resetLog();
    const otherPath = await failure(client.searchIllustrations$(tag, { resumeFrom: resumeFrom.replace('/v1/search/illust', '/v1/search/novel') }));
    expect(otherPath).toBeInstanceOf(TypeError);
    const otherOrigin = await failure(client.searchIllustrations$(tag, { resumeFrom: 'https://evil.example/v1/search/illust?offset=30' }));
    expect(otherOrigin).toBeInstanceOf(TypeError);
    expect(apiRequests(server)).toHaveLength(0);
  });
});

describe('a search whose one day holds more than the cap', () => {
  it('errors with the cap error after emitting what it could, never looping', async () => {
    const server = await FakePixivServer.start({ seed: 13, prolificWorks: 5100, spanDays: 0.25, users: 8 });
    try {
      const client = clientOf(server);
      const emitted: number[] = [];
      const stream = client.searchIllustrations$(server.world.samples.prolificTag, { searchTarget: SearchTarget.TAGS_EXACT, pastOffsetLimit: true });
      const error = await new Promise<unknown>((resolve) => {
        stream.subscribe({ next: (w) => emitted.push(w.id), error: resolve, complete: () => resolve(undefined) });
      });
      expect(error).toBeInstanceOf(PixivApiError);
      expect(new Set(emitted).size).toBe(emitted.length);
      expect(emitted.length).toBeGreaterThanOrEqual(5010);
      expect(server.requests({ path: '/v1/search/illust' }).length).toBeLessThan(400);
    } finally {
      await server.close();
    }
  }, 180_000);
});

describe('resumeFrom with officialUrls', () => {
  it('rebases a next_url on Pixiv\'s origin onto apiBaseUrl', async () => {
    const server = await FakePixivServer.start({ seed: 13, officialUrls: true });
    try {
      const client = clientOf(server);
      const userId = server.world.showcaseUserId;
      const first = await lastValueFrom(client.userIllustrationPages$(userId).pipe(take(1)));
      expect(first.nextUrl).toMatch(/^https:\/\/app-api\.pixiv\.net\/v1\/user\/illusts\?/);
      const all = await collect(client.userIllustrations$(userId));
      expect(all.map((w) => w.id)).toEqual(server.world.illustrationIdsOf(userId, 'illust'));
      const resumed = await collect(client.userIllustrations$(userId, { resumeFrom: first.nextUrl as string }));
      expect(resumed.map((w) => w.id)).toEqual(all.slice(30).map((w) => w.id));
      expect(server.requests({ origin: 'api' }).every((e) => e.headers.host?.startsWith('127.0.0.1'))).toBe(true);
    } finally {
      await server.close();
    }
  });
});
