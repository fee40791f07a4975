import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { BadApiResponse, PixivApiError, RateLimitError } from '../../lib/errors';
import { ContentType, Duration, SearchTarget, Size, Sort } from '../../lib/models';
import { fixture, mockedClient } from '../support/mock-api';
import {
  BAD_OFFSETS,
  errorEnvelope,
  errorOf,
  expectAppHeaders,
  expectTypeErrorBeforeSending,
  sentGets,
  settle,
} from './request-shape';

const SEARCH = /\/v1\/search\/illust\?/;
const EMPTY_PAGE = { illusts: [], next_url: null, search_span_limit: 31536000 };

describe('searchIllustrations$', () => {
  it('sends GET /v1/search/illust with the word and the defaults', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(SEARCH).reply(200, EMPTY_PAGE);
    await lastValueFrom(client.searchIllustrations$('emt').pipe(toArray()));
    const [request, ...others] = sentGets(mock);
    expect(others).toHaveLength(0);
    expect(request!.path).toBe('/v1/search/illust');
    expect(request!.query).toEqual([
      ['word', 'emt'],
      ['search_target', 'partial_match_for_tags'],
      ['sort', 'date_desc'],
      ['filter', 'for_ios'],
    ]);
    expectAppHeaders(request!);
  });

  it('sends every option when given', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(SEARCH).reply(200, EMPTY_PAGE);
    await lastValueFrom(
      client
        .searchIllustrations$('エミリア 女の子', {
          searchTarget: SearchTarget.TITLE_AND_CAPTION,
          sort: Sort.DATE_ASC,
          duration: Duration.LAST_WEEK,
          offset: 60,
        })
        .pipe(toArray()),
    );
    expect(sentGets(mock)[0]!.query).toEqual([
      ['word', 'エミリア 女の子'],
      ['search_target', 'title_and_caption'],
      ['sort', 'date_asc'],
      ['filter', 'for_ios'],
      ['duration', 'within_last_week'],
      ['offset', '60'],
    ]);
  });

  it('percent-encodes the word so that & and = stay inside it', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(SEARCH).reply(200, EMPTY_PAGE);
    await lastValueFrom(client.searchIllustrations$('a&b=c #d', { searchTarget: SearchTarget.TAGS_EXACT }).pipe(toArray()));
    expect(sentGets(mock)[0]!.query.slice(0, 2)).toEqual([
      ['word', 'a&b=c #d'],
      ['search_target', 'exact_match_for_tags'],
    ]);
  });

  it('decodes the 2018 shape: no x_restrict, tags without translated_name, a ugoira, searchSpanLimit', async () => {
    const { client, mock } = mockedClient();
    const body = fixture('v1-search-illust/pix-ezviewer-2018.json');
    mock.onGet(SEARCH).replyOnce(200, body);
    const page = await firstValueFrom(client.searchIllustrationPages$('emt'));
    expect(page.items).toHaveLength(30);
    expect(page.searchSpanLimit).toBe(31536000);
    expect(page.nextUrl).toBe(
      'https://app-api.pixiv.net/v1/search/illust?search_target=partial_match_for_tags&sort=date_desc&word=emt&filter=for_ios&offset=30',
    );
    expect(page.next).toBe(30);
    const [first] = page.items;
    expect(first).toMatchObject({ id: 67290736, title: 'EMT', type: ContentType.ILLUSTRATION, xRestrict: 0 });
    expect(first!.createDate.toISOString()).toBe('2018-02-15T08:34:51.000Z');
    expect(first!.user).toMatchObject({ id: 19997437, name: '日青', isFollowed: false });
    expect(first!.tags.slice(0, 2)).toEqual([
      { name: '女の子', translatedName: null },
      { name: 'Re:ゼロから始める異世界生活', translatedName: null },
    ]);
    expect(first!.imageUrls[Size.ORIGINAL]).toBe('https://i.pximg.net/img-original/img/2018/02/15/17/34/51/67290736_p0.png');
    expect(page.items.every((w) => w.xRestrict === 0)).toBe(true);
    expect(page.items.every((w) => w.tags.every((tag) => tag.translatedName === null))).toBe(true);
    const ugoira = page.items[6]!;
    expect(ugoira).toMatchObject({ id: 66898349, type: ContentType.UGOIRA, title: 'エミリア' });
    expect(ugoira.imageUrls[Size.ORIGINAL]).toBe(
      'https://i.pximg.net/img-original/img/2018/01/21/15/53/00/66898349_ugoira0.jpg',
    );
    const last = page.items[29]!;
    expect(last).toMatchObject({ id: 66043358, title: 'かわいいエミリアたんかわいい', pageCount: 7 });
    expect(last.imageUrls[Size.ORIGINAL]).toBeNull();
    expect(last.metaPages).toHaveLength(7);
    expect(page.items.filter((w) => w.metaPages.length > 0)).toHaveLength(5);
    await settle();
    expect(mock.history.get).toHaveLength(1);
  });

  it('decodes the 2021 trimmed page whose next_url is null, and completes', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(SEARCH).replyOnce(200, fixture('v1-search-illust/azuline-2021-trimmed.json'));
    const pages = await lastValueFrom(client.searchIllustrationPages$('ghostblade').pipe(toArray()));
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page!.items.map((w) => w.id)).toHaveLength(5);
    expect(page!.items[0]).toMatchObject({ id: 87180953, title: 'Salvation', user: { id: 2188232, name: 'wlop' } });
    expect(page!.items[0]!.tags[0]).toEqual({ name: 'ghostblade', translatedName: null });
    expect(page!.items[4]).toMatchObject({ id: 86966556, title: '风铃' });
    expect(page!.searchSpanLimit).toBe(31536000);
    expect(page!.nextUrl).toBeNull();
    expect(page!.next).toBeNull();
    expect(mock.history.get).toHaveLength(1);
  });

  it('gives searchSpanLimit null when the page has none', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(SEARCH).replyOnce(200, { illusts: [], next_url: null });
    const page = await firstValueFrom(client.searchIllustrationPages$('emt'));
    expect(page.searchSpanLimit).toBeNull();
  });

  it('follows the next_url to a final page', async () => {
    const { client, mock } = mockedClient();
    const body = fixture('v1-search-illust/pix-ezviewer-2018.json');
    mock.onGet(SEARCH).replyOnce(200, body).onGet(body.next_url).replyOnce(200, EMPTY_PAGE);
    const works = await lastValueFrom(client.searchIllustrations$('emt').pipe(toArray()));
    expect(works).toHaveLength(30);
    expect(mock.history.get).toHaveLength(2);
    expect(mock.history.get[1]!.url).toBe(body.next_url);
  });

  it('errors with PixivApiError (not retried) on the 400 offset cap with a string message', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(SEARCH).reply(400, errorEnvelope({ message: '{"offset":["Offset must be no more than 5000"]}' }));
    const error = await errorOf(client.searchIllustrations$('emt', { offset: 5030 }));
    expect(error).toBeInstanceOf(PixivApiError);
    expect(error).not.toBeInstanceOf(RateLimitError);
    expect((error as PixivApiError).status).toBe(400);
    expect((error as PixivApiError).apiMessage).toBe('{"offset":["Offset must be no more than 5000"]}');
    expect((error as PixivApiError).message).toContain('Offset must be no more than 5000');
    expect(mock.history.get).toHaveLength(1);
    expect(sentGets(mock)[0]!.query).toContainEqual(['offset', '5030']);
  });

  it('errors with PixivApiError on the 400 offset cap with an object-valued message', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(SEARCH).reply(400, errorEnvelope({ message: { offset: ['Offset must be no more than 5000'] } }));
    const error = await errorOf(client.searchIllustrations$('emt', { offset: 5030 }));
    expect(error).toBeInstanceOf(PixivApiError);
    expect((error as PixivApiError).status).toBe(400);
    expect((error as PixivApiError).apiMessage).toBe('{"offset":["Offset must be no more than 5000"]}');
    expect((error as PixivApiError).message).toContain('Offset must be no more than 5000');
    expect(mock.history.get).toHaveLength(1);
  });

  it('errors with RateLimitError after the retries on a 429', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(SEARCH).reply(429, fixture('errors/app-api-rate-limit-2019.json'));
    const error = await errorOf(client.searchIllustrations$('emt'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).status).toBe(429);
    expect(mock.history.get).toHaveLength(4);
  });

  it('errors with BadApiResponse at path "illusts" when a 200 body lacks it', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(SEARCH).reply(200, { next_url: null, search_span_limit: 31536000 });
    const error = await errorOf(client.searchIllustrations$('emt'));
    expect(error).toBeInstanceOf(BadApiResponse);
    expect((error as BadApiResponse).path).toBe('illusts');
    expect(mock.history.get).toHaveLength(1);
  });

  it('errors with BadApiResponse when a 200 body is not JSON', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(SEARCH).reply(200, 'oops<html>');
    const error = await errorOf(client.searchIllustrations$('emt'));
    expect(error).toBeInstanceOf(BadApiResponse);
    expect((error as BadApiResponse).status).toBe(200);
    expect(mock.history.get).toHaveLength(1);
  });

  it.each([
    ['the empty string', ''],
    ['spaces', '   '],
    ['tabs and newlines', '\t\n '],
    ['a number', 123 as unknown as string],
    ['undefined', undefined as unknown as string],
  ])('errors with a TypeError before sending anything for the word %s', (_, word) =>
    expectTypeErrorBeforeSending((client) => client.searchIllustrations$(word), /word/));

  it('errors with a TypeError before sending anything for the sort "popular"', () =>
    expectTypeErrorBeforeSending((client) => client.searchIllustrations$('emt', { sort: 'popular' as never }), /sort/));

  it('errors with a TypeError before sending anything for the searchTarget "x"', () =>
    expectTypeErrorBeforeSending(
      (client) => client.searchIllustrations$('emt', { searchTarget: 'x' as never }),
      /searchTarget/,
    ));

  it('errors with a TypeError before sending anything for the duration "within_last_year"', () =>
    expectTypeErrorBeforeSending(
      (client) => client.searchIllustrations$('emt', { duration: 'within_last_year' as never }),
      /duration/,
    ));

  it.each(BAD_OFFSETS)('errors with a TypeError before sending anything for the offset %s', (_, offset) =>
    expectTypeErrorBeforeSending((client) => client.searchIllustrations$('emt', { offset }), /offset/));
});
