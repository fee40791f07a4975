import type MockAdapter from 'axios-mock-adapter';
import { Observable, lastValueFrom, take, toArray } from 'rxjs';
import { PixivApiError } from '../lib/errors';
import { Sort } from '../lib/models';
import { Demand, subscribeWithDemand } from '../lib/demand';
import { tokyoDay } from '../lib/pagination';
import { API, fixture, mockedClient } from './support/mock-api';

/**
 * A search server with Pixiv's offset cap: pages of 30, `offset` past 5000 answered with the real
 * 400, `start_date`/`end_date` read as Tokyo days (inclusive), `date_desc` or `date_asc`.
 */
interface Work {
  readonly id: number;
  /** ISO 8601 with +09:00, as Pixiv sends it. */
  readonly created: string;
}

const CAP = 5000;
const CAP_BODY = {
  error: { user_message: '', message: '{"offset":["Offset must be no more than 5000"]}', reason: '', user_message_details: {} },
};

/** `count` works, `perDay` a day, newest first, ids descending with the date. */
function corpus(count: number, perDay: number, lastDay = '2024-06-30'): Work[] {
  const end = Date.parse(`${lastDay}T23:00:00+09:00`);
  return Array.from({ length: count }, (_, i) => {
    const day = Math.floor(i / perDay);
    // spread the works of a day over its hours, newest first
    const at = end - day * 86_400_000 - (i % perDay) * Math.floor(82_800_000 / perDay);
    return { id: 1_000_000 - i, created: tokyoIso(at) };
  });
}

function tokyoIso(ms: number): string {
  return `${new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
}

const template = fixture('v1-search-illust/azuline-2021-trimmed.json').illusts[0];
const illust = (work: Work) => ({ ...template, id: work.id, create_date: work.created });

interface ServeOptions {
  /** Ignore the date window (a server that does not narrow). */
  readonly ignoreWindow?: boolean;
  /** Answer an empty listing once `end_date` is set (nothing older exists). */
  readonly emptyWhenNarrowed?: boolean;
  readonly path?: string;
  readonly item?: (work: Work) => unknown;
  readonly itemsKey?: string;
}

function serveSearch(mock: MockAdapter, works: readonly Work[], options: ServeOptions = {}): void {
  const { path = '/v1/search/illust', item = illust, itemsKey = 'illusts' } = options;
  const days = works.map((w) => tokyoDay(new Date(w.created)));
  mock.onGet(new RegExp(`${path.replace(/\//g, '\\/')}\\?`)).reply((config) => {
    const url = new URL(String(config.url));
    const query = url.searchParams;
    const offset = Number(query.get('offset') ?? 0);
    if (offset > CAP) return [400, CAP_BODY];
    if (options.emptyWhenNarrowed && query.has('end_date')) return [200, { [itemsKey]: [], next_url: null }];
    const start = query.get('start_date');
    const end = query.get('end_date');
    let matching = works.filter(
      (w, i) => options.ignoreWindow || ((start === null || days[i] >= start) && (end === null || days[i] <= end)),
    );
    if (query.get('sort') === 'date_asc') matching = [...matching].reverse();
    const page = matching.slice(offset, offset + 30);
    query.set('offset', String(offset + 30));
    const next = offset + 30 < matching.length ? `https://app-api.pixiv.net${url.pathname}?${query.toString()}` : null;
    return [200, { [itemsKey]: page.map(item), next_url: next, search_span_limit: 31536000 }];
  });
}

const searches = (mock: MockAdapter) => mock.history.get.map((r) => new URL(String(r.url)).searchParams);

async function outcome<T>(stream: Observable<T>): Promise<{ values: T[]; error: unknown }> {
  const values: T[] = [];
  return new Promise((resolve) => {
    stream.subscribe({
      next: (value) => values.push(value),
      error: (error: unknown) => resolve({ values, error }),
      complete: () => resolve({ values, error: undefined }),
    });
  });
}

describe('searchIllustrations$ with pastOffsetLimit', () => {
  it('walks past 5,000 results newest first, each work once and in order', async () => {
    const { client, mock } = mockedClient();
    const works = corpus(12_000, 25);
    serveSearch(mock, works);
    const found = await lastValueFrom(client.searchIllustrations$('original', { pastOffsetLimit: true }).pipe(toArray()));
    expect(found.map((w) => w.id)).toEqual(works.map((w) => w.id));
    const windows = searches(mock).filter((q) => !q.has('offset'));
    // the first window has no end, each next one ends on the Tokyo day of the last work emitted:
    // the cap lets 5,010 results through (offsets 0 to 4,980), and the second window starts again
    // at the first work of that day
    const dayOf = (index: number) => tokyoDay(new Date(works[index].created));
    expect(windows.map((q) => q.get('end_date'))).toEqual([null, dayOf(5_009), dayOf(5_000 + 5_009)]);
    expect(windows.every((q) => q.get('start_date') === null && q.get('sort') === 'date_desc')).toBe(true);
  }, 30_000);

  it('moves start_date instead for date_asc, keeping end_date as given', async () => {
    const { client, mock } = mockedClient();
    const works = corpus(6_000, 40);
    serveSearch(mock, works);
    const found = await lastValueFrom(
      client
        .searchIllustrations$('original', { pastOffsetLimit: true, sort: Sort.DATE_ASC, endDate: '2024-06-30' })
        .pipe(toArray()),
    );
    expect(found.map((w) => w.id)).toEqual([...works].reverse().map((w) => w.id));
    const windows = searches(mock).filter((q) => !q.has('offset'));
    expect(windows).toHaveLength(2);
    expect(windows[1].get('start_date')).toBe(tokyoDay(found[5009].createDate));
    expect(windows.map((q) => q.get('end_date'))).toEqual(['2024-06-30', '2024-06-30']);
  }, 30_000);

  it('narrows the window from the given endDate and keeps startDate', async () => {
    const { client, mock } = mockedClient();
    serveSearch(mock, corpus(6_000, 30));
    const found = await lastValueFrom(
      client
        .searchIllustrations$('original', { pastOffsetLimit: true, startDate: '2024-01-01', endDate: new Date('2024-06-15T00:00:00Z') })
        .pipe(toArray()),
    );
    expect(new Set(found.map((w) => w.id)).size).toBe(found.length);
    expect(found.every((w) => tokyoDay(w.createDate) >= '2024-01-01' && tokyoDay(w.createDate) <= '2024-06-15')).toBe(true);
    const windows = searches(mock).filter((q) => !q.has('offset'));
    expect(windows[0].get('end_date')).toBe('2024-06-15');
    expect(windows.every((q) => q.get('start_date') === '2024-01-01')).toBe(true);
  }, 30_000);

  it('takes the window’s day in Asia/Tokyo, not in UTC', async () => {
    const { client, mock } = mockedClient();
    // 5,010 works on days newer than the last one, then the last work emitted at 05:00 in Tokyo
    // (20:00 UTC the day before)
    const works: Work[] = [
      ...corpus(5_009, 30, '2024-07-30'),
      { id: 1, created: '2024-01-02T05:00:00+09:00' },
      { id: 0, created: '2024-01-01T12:00:00+09:00' },
    ];
    serveSearch(mock, works);
    const found = await lastValueFrom(client.searchIllustrations$('original', { pastOffsetLimit: true }).pipe(toArray()));
    expect(found.map((w) => w.id).slice(-2)).toEqual([1, 0]);
    expect(searches(mock).filter((q) => !q.has('offset'))[1].get('end_date')).toBe('2024-01-02');
  }, 30_000);

  it('ends with the cap’s PixivApiError after every work it could emit when one day holds more than the cap', async () => {
    const { client, mock } = mockedClient();
    // 100 works on newer days, then 6,000 on 2024-03-01
    const works = [...corpus(100, 50, '2024-03-03'), ...corpus(6_000, 6_000, '2024-03-01')].map((w, i) => ({ ...w, id: 1_000_000 - i }));
    serveSearch(mock, works);
    const { values, error } = await outcome(client.searchIllustrations$('original', { pastOffsetLimit: true }));
    expect(error).toBeInstanceOf(PixivApiError);
    expect((error as PixivApiError).status).toBe(400);
    expect((error as PixivApiError).apiMessage).toMatch(/no more than 5000/);
    // the second window (ending 2024-03-01) brought the works of that day up to the cap
    expect(values.map((w) => w.id)).toEqual(works.slice(0, 100 + 5_010).map((w) => w.id));
    const windows = searches(mock).filter((q) => !q.has('offset'));
    expect(windows.map((q) => q.get('end_date'))).toEqual([null, '2024-03-01']);
    const sent = mock.history.get.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mock.history.get).toHaveLength(sent);
  }, 30_000);

  it('stops when a window brings nothing new (a server that ignores the window): the cap’s error, no loop', async () => {
    const { client, mock } = mockedClient();
    const works = corpus(7_000, 25);
    serveSearch(mock, works, { ignoreWindow: true });
    const { values, error } = await outcome(client.searchIllustrations$('original', { pastOffsetLimit: true }));
    expect(error).toBeInstanceOf(PixivApiError);
    expect(values.map((w) => w.id)).toEqual(works.slice(0, 5_010).map((w) => w.id));
    // two windows of 168 requests each (167 pages and the refused offset), nothing more
    expect(mock.history.get).toHaveLength(2 * 168);
  }, 30_000);

  it('completes when a new window ends the listing without anything new', async () => {
    const { client, mock } = mockedClient();
    const works = corpus(6_000, 25);
    serveSearch(mock, works, { emptyWhenNarrowed: true });
    const { values, error } = await outcome(client.searchIllustrations$('original', { pastOffsetLimit: true }));
    expect(error).toBeUndefined();
    expect(values.map((w) => w.id)).toEqual(works.slice(0, 5_010).map((w) => w.id));
    const windows = searches(mock).filter((q) => !q.has('offset'));
    expect(windows.map((q) => q.get('end_date'))).toEqual([null, tokyoDay(values[5_009].createDate)]);
    expect(mock.history.get).toHaveLength(168 + 1);
  }, 30_000);

  it('without it, the cap’s 400 ends the stream with the PixivApiError after 5,010 works', async () => {
    const { client, mock } = mockedClient();
    const works = corpus(7_000, 25);
    serveSearch(mock, works);
    const { values, error } = await outcome(client.searchIllustrations$('original'));
    expect(error).toBeInstanceOf(PixivApiError);
    expect((error as PixivApiError).status).toBe(400);
    expect(values).toHaveLength(5_010);
    expect(searches(mock).at(-1)!.get('offset')).toBe('5010');
    expect(searches(mock).every((q) => q.get('end_date') === null)).toBe(true);
  }, 30_000);

  it('stops paging for take(n) inside the first window', async () => {
    const { client, mock } = mockedClient();
    serveSearch(mock, corpus(7_000, 25));
    const found = await lastValueFrom(client.searchIllustrations$('x', { pastOffsetLimit: true }).pipe(take(45), toArray()));
    expect(found).toHaveLength(45);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mock.history.get).toHaveLength(2);
  });

  it('holds the next window back while a slow consumer catches up, as it holds pages back', async () => {
    const { client, mock } = mockedClient();
    const works = corpus(5_100, 25);
    const demand = new Demand(1);
    // the consumer falls behind just as the first window meets the cap
    mock.onGet(/offset=5010/).reply(() => {
      demand.add(1);
      return [400, CAP_BODY];
    });
    serveSearch(mock, works);
    const ids: number[] = [];
    const done = new Promise<void>((resolve, reject) => {
      subscribeWithDemand(demand, () =>
        client.searchIllustrations$('x', { pastOffsetLimit: true }).subscribe({
          next: (work) => ids.push(work.id),
          error: reject,
          complete: resolve,
        }),
      );
    });
    while (!searches(mock).some((q) => q.get('offset') === '5010')) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sentBefore = searches(mock).filter((q) => q.has('end_date'));
    expect(ids).toHaveLength(5_010);
    expect(sentBefore).toEqual([]);
    demand.take(1);
    await done;
    expect(ids).toEqual(works.map((w) => w.id));
  }, 30_000);

  it('passes other errors through untouched', async () => {
    const { client, mock } = mockedClient({ retry: false });
    mock.onGet(/\/v1\/search\/illust/).reply(404, { error: { user_message: 'gone', message: '', reason: '' } });
    const { error } = await outcome(client.searchIllustrations$('x', { pastOffsetLimit: true }));
    expect(error).toBeInstanceOf(PixivApiError);
    expect((error as PixivApiError).status).toBe(404);
    expect(mock.history.get).toHaveLength(1);
  });

  it.each([
    ['popular_desc', { sort: Sort.POPULAR_DESC }, /pastOffsetLimit/],
    ['a sort outside the enum', { sort: 'popular_male_desc' as Sort }, /sort/],
    ['pastOffsetLimit not a boolean', { pastOffsetLimit: 'yes' as unknown as boolean }, /pastOffsetLimit/],
  ])('errors with a TypeError before sending anything for %s', async (_, options, message) => {
    const { client, mock } = mockedClient();
    mock.onAny().reply(200, {});
    const { error } = await outcome(client.searchIllustrations$('x', { pastOffsetLimit: true, ...options }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect(mock.history.get).toHaveLength(0);
    expect(mock.history.post).toHaveLength(0);
  });

  it('sends popular_desc when pastOffsetLimit is not asked for', async () => {
    const { client, mock } = mockedClient();
    serveSearch(mock, corpus(10, 5));
    await lastValueFrom(client.searchIllustrations$('x', { sort: Sort.POPULAR_DESC }).pipe(toArray()));
    expect(searches(mock)[0].get('sort')).toBe('popular_desc');
  });
});

describe('searchNovels$ with pastOffsetLimit', () => {
  const novelTemplate = fixture('v1-search-novel/owlbear-2019-trimmed.json').novels[0];
  const novel = (work: Work) => ({ ...novelTemplate, id: work.id, create_date: work.created });

  it('walks past 5,000 novels, each once', async () => {
    const { client, mock } = mockedClient();
    const works = corpus(6_000, 20);
    serveSearch(mock, works, { path: '/v1/search/novel', item: novel, itemsKey: 'novels' });
    const found = await lastValueFrom(client.searchNovels$('original', { pastOffsetLimit: true }).pipe(toArray()));
    expect(found.map((n) => n.id)).toEqual(works.map((w) => w.id));
    expect(searches(mock).filter((q) => !q.has('offset'))).toHaveLength(2);
    expect(mock.history.get.every((r) => String(r.url).startsWith(`${API}/v1/search/novel?`))).toBe(true);
  }, 30_000);

  it('without it, ends with the cap’s PixivApiError', async () => {
    const { client, mock } = mockedClient();
    serveSearch(mock, corpus(6_000, 20), { path: '/v1/search/novel', item: novel, itemsKey: 'novels' });
    const { values, error } = await outcome(client.searchNovels$('original'));
    expect(error).toBeInstanceOf(PixivApiError);
    expect(values).toHaveLength(5_010);
  }, 30_000);
});
