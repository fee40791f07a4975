import { take } from 'rxjs';
import { BadApiResponse, PixivApiError, RateLimitError } from '../../../lib/errors';
import { AiType, ContentType, Duration, Restriction, SearchAiType, SearchTarget, Size, Sort } from '../../../lib/models';
import { fixture } from '../../support/mock-api';
import { BAD_OFFSETS, errorEnvelope } from '../request-shape';
import { decoding, gets, only, refusing } from './build';
import type { EndpointRow } from './row';

const EMPTY_PAGE = { illusts: [], next_url: null, search_span_limit: 31536000 };
const NO_NOVELS = { novels: [], next_url: null, search_span_limit: 31536000 };
const NO_USERS = { user_previews: [], next_url: null };

const BAD_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['the empty string', ''],
  ['spaces', '   '],
  ['tabs and newlines', '\t\n '],
  ['a number', 123 as unknown as string],
  ['undefined', undefined as unknown as string],
];

const BAD_DATES: ReadonlyArray<readonly [string, string | Date]> = [
  ['2021-02-30', '2021-02-30'],
  ['2021-2-3', '2021-2-3'],
  ['an invalid Date', new Date(Number.NaN)],
];

// ---- searchIllustrations$ ----------------------------------------------------------------------

const illustrations: EndpointRow[] = [
  {
    member: 'searchIllustrations$',
    title: 'sends GET /v1/search/illust with the word and the defaults',
    call: (client) => client.searchIllustrations$('emt'),
    sends: {
      method: 'GET',
      path: '/v1/search/illust',
      params: [
        ['word', 'emt'],
        ['search_target', 'partial_match_for_tags'],
        ['sort', 'date_desc'],
        ['filter', 'for_ios'],
      ],
    },
    reply: EMPTY_PAGE,
  },
  {
    member: 'searchIllustrations$',
    title: 'sends every option when given',
    call: (client) =>
      client.searchIllustrations$('エミリア 女の子', {
        searchTarget: SearchTarget.TITLE_AND_CAPTION,
        sort: Sort.DATE_ASC,
        duration: Duration.LAST_WEEK,
        offset: 60,
      }),
    sends: {
      method: 'GET',
      path: '/v1/search/illust',
      params: [
        ['word', 'エミリア 女の子'],
        ['search_target', 'title_and_caption'],
        ['sort', 'date_asc'],
        ['filter', 'for_ios'],
        ['duration', 'within_last_week'],
        ['offset', '60'],
      ],
    },
    reply: EMPTY_PAGE,
  },
  {
    member: 'searchIllustrations$',
    title: 'sends start_date, end_date (a Date by its UTC day) and search_ai_type before the offset',
    call: (client) =>
      client.searchIllustrations$('original', {
        startDate: '2024-01-01',
        endDate: new Date('2024-03-31T23:59:00Z'),
        searchAiType: SearchAiType.HIDE,
        offset: 30,
      }),
    sends: {
      method: 'GET',
      path: '/v1/search/illust',
      params: [
        ['word', 'original'],
        ['search_target', 'partial_match_for_tags'],
        ['sort', 'date_desc'],
        ['filter', 'for_ios'],
        ['start_date', '2024-01-01'],
        ['end_date', '2024-03-31'],
        ['search_ai_type', '1'],
        ['offset', '30'],
      ],
    },
    reply: EMPTY_PAGE,
  },
  {
    member: 'searchIllustrations$',
    title: 'sends search_ai_type 0 for SearchAiType.SHOW and popular_desc',
    call: (client) => client.searchIllustrations$('original', { searchAiType: SearchAiType.SHOW, sort: Sort.POPULAR_DESC }),
    sends: {
      method: 'GET',
      path: '/v1/search/illust',
      params: [
        ['word', 'original'],
        ['search_target', 'partial_match_for_tags'],
        ['sort', 'popular_desc'],
        ['filter', 'for_ios'],
        ['search_ai_type', '0'],
      ],
    },
    reply: EMPTY_PAGE,
  },
  {
    member: 'searchIllustrations$',
    title: 'percent-encodes the word so that & and = stay inside it',
    call: (client) => client.searchIllustrations$('a&b=c #d', { searchTarget: SearchTarget.TAGS_EXACT }),
    sends: {
      method: 'GET',
      path: '/v1/search/illust',
      params: [
        ['word', 'a&b=c #d'],
        ['search_target', 'exact_match_for_tags'],
        ['sort', 'date_desc'],
        ['filter', 'for_ios'],
      ],
    },
    reply: EMPTY_PAGE,
  },
  decoding({
    member: 'searchIllustrations$',
    title: 'decodes the 2018 shape: no x_restrict, tags without translated_name, a ugoira, searchSpanLimit',
    call: (client) => client.searchIllustrationPages$('emt').pipe(take(1)),
    answer: fixture('v1-search-illust/pix-ezviewer-2018.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(30);
      expect(page.searchSpanLimit).toBe(31536000);
      expect(page.nextUrl).toBe(
        'https://app-api.pixiv.net/v1/search/illust?search_target=partial_match_for_tags&sort=date_desc&word=emt&filter=for_ios&offset=30',
      );
      expect(page.next).toBe(30);
      const [first] = page.items;
      expect(first).toMatchObject({ id: 67290736, title: 'EMT', type: ContentType.ILLUSTRATION, xRestrict: 0 });
      expect(first.createDate.toISOString()).toBe('2018-02-15T08:34:51.000Z');
      expect(first.user).toMatchObject({ id: 19997437, name: '日青', isFollowed: false });
      expect(first.tags.slice(0, 2)).toEqual([
        { name: '女の子', translatedName: null },
        { name: 'Re:ゼロから始める異世界生活', translatedName: null },
      ]);
      expect(first.imageUrls[Size.ORIGINAL]).toBe('https://i.pximg.net/img-original/img/2018/02/15/17/34/51/67290736_p0.png');
      expect(page.items.every((w) => w.xRestrict === 0)).toBe(true);
      expect(page.items.every((w) => w.aiType === AiType.UNKNOWN && w.restriction === Restriction.NONE)).toBe(true);
      expect(page.items.every((w) => w.tags.every((tag) => tag.translatedName === null))).toBe(true);
      const ugoira = page.items[6];
      expect(ugoira).toMatchObject({ id: 66898349, type: ContentType.UGOIRA, title: 'エミリア' });
      expect(ugoira.imageUrls[Size.ORIGINAL]).toBe('https://i.pximg.net/img-original/img/2018/01/21/15/53/00/66898349_ugoira0.jpg');
      const last = page.items[29];
      expect(last).toMatchObject({ id: 66043358, title: 'かわいいエミリアたんかわいい', pageCount: 7 });
      expect(last.imageUrls[Size.ORIGINAL]).toBeNull();
      expect(last.metaPages).toHaveLength(7);
      expect(page.items.filter((w) => w.metaPages.length > 0)).toHaveLength(5);
      expect(gets(outcome.requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'searchIllustrations$',
    title: 'decodes the 2021 trimmed page whose next_url is null, and completes',
    call: (client) => client.searchIllustrationPages$('ghostblade'),
    answer: fixture('v1-search-illust/azuline-2021-trimmed.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items.map((w) => w.id)).toHaveLength(5);
      expect(page.items[0]).toMatchObject({ id: 87180953, title: 'Salvation', user: { id: 2188232, name: 'wlop' } });
      expect(page.items[0].tags[0]).toEqual({ name: 'ghostblade', translatedName: null });
      expect(page.items[4]).toMatchObject({ id: 86966556, title: '风铃' });
      expect(page.searchSpanLimit).toBe(31536000);
      expect(page.nextUrl).toBeNull();
      expect(page.next).toBeNull();
      expect(gets(outcome.requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'searchIllustrations$',
    title: 'gives searchSpanLimit null when the page has none',
    call: (client) => client.searchIllustrationPages$('emt'),
    answer: { illusts: [], next_url: null },
    check: (outcome) => expect(only(outcome).searchSpanLimit).toBeNull(),
  }),
  decoding({
    member: 'searchIllustrations$',
    title: 'follows the next_url to a final page',
    call: (client) => client.searchIllustrations$('emt'),
    answer: fixture('v1-search-illust/pix-ezviewer-2018.json'),
    then: [EMPTY_PAGE],
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values).toHaveLength(30);
      expect(gets(requests)).toHaveLength(2);
      expect(requests[1].url).toBe(fixture('v1-search-illust/pix-ezviewer-2018.json').next_url);
    },
  }),
  decoding({
    member: 'searchIllustrations$',
    title: 'errors with PixivApiError (not retried) on the 400 offset cap with a string message',
    call: (client) => client.searchIllustrations$('emt', { offset: 5030 }),
    withStatus: true,
    answer: [400, errorEnvelope({ message: '{"offset":["Offset must be no more than 5000"]}' })],
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(PixivApiError);
      expect(error).not.toBeInstanceOf(RateLimitError);
      expect((error as PixivApiError).status).toBe(400);
      expect((error as PixivApiError).apiMessage).toBe('{"offset":["Offset must be no more than 5000"]}');
      expect((error as PixivApiError).message).toContain('Offset must be no more than 5000');
      expect(gets(requests)).toHaveLength(1);
      expect(requests[0].query).toContainEqual(['offset', '5030']);
    },
  }),
  decoding({
    member: 'searchIllustrations$',
    title: 'errors with PixivApiError on the 400 offset cap with an object-valued message',
    call: (client) => client.searchIllustrations$('emt', { offset: 5030 }),
    withStatus: true,
    answer: [400, errorEnvelope({ message: { offset: ['Offset must be no more than 5000'] } })],
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(PixivApiError);
      expect((error as PixivApiError).status).toBe(400);
      expect((error as PixivApiError).apiMessage).toBe('{"offset":["Offset must be no more than 5000"]}');
      expect((error as PixivApiError).message).toContain('Offset must be no more than 5000');
      expect(gets(requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'searchIllustrations$',
    title: 'errors with RateLimitError after the retries on a 429',
    call: (client) => client.searchIllustrations$('emt'),
    withStatus: true,
    answer: [429, fixture('errors/app-api-rate-limit-2019.json')],
    then: Array.from({ length: 4 }, () => [429, fixture('errors/app-api-rate-limit-2019.json')]),
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).status).toBe(429);
      expect(gets(requests)).toHaveLength(4);
    },
  }),
  decoding({
    member: 'searchIllustrations$',
    title: 'errors with BadApiResponse at path "illusts" when a 200 body lacks it',
    call: (client) => client.searchIllustrations$('emt'),
    answer: { next_url: null, search_span_limit: 31536000 },
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('illusts');
      expect(gets(requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'searchIllustrations$',
    title: 'errors with BadApiResponse when a 200 body is not JSON',
    call: (client) => client.searchIllustrations$('emt'),
    answer: 'oops<html>',
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).status).toBe(200);
      expect(gets(requests)).toHaveLength(1);
    },
  }),
  ...refusing('searchIllustrations$', 'the word', BAD_WORDS, (word) => (client) => client.searchIllustrations$(word), /word/),
  {
    member: 'searchIllustrations$',
    title: 'errors with a TypeError before sending anything for the sort "popular"',
    call: (client) => client.searchIllustrations$('emt', { sort: 'popular' as never }),
    refuses: /sort/,
  },
  ...refusing(
    'searchIllustrations$',
    'the searchTarget',
    [
      ['"x"', 'x'],
      ['"text" (novels only)', SearchTarget.TEXT],
      ['"keyword" (novels only)', SearchTarget.KEYWORD],
    ],
    (searchTarget) => (client) => client.searchIllustrations$('emt', { searchTarget: searchTarget as SearchTarget }),
    /searchTarget/,
  ),
  {
    member: 'searchIllustrations$',
    title: 'errors with a TypeError before sending anything for the duration "within_last_year"',
    call: (client) => client.searchIllustrations$('emt', { duration: 'within_last_year' as never }),
    refuses: /duration/,
  },
  ...refusing('searchIllustrations$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.searchIllustrations$('emt', { offset }), /offset/),
  ...refusing('searchIllustrations$', 'the startDate', BAD_DATES, (startDate) => (client) => client.searchIllustrations$('emt', { startDate }), /startDate/),
  ...refusing('searchIllustrations$', 'the endDate', BAD_DATES, (endDate) => (client) => client.searchIllustrations$('emt', { endDate }), /endDate/),
  ...refusing(
    'searchIllustrations$',
    'the searchAiType',
    [
      ['2', 2],
      ["'0' (a string)", '0'],
    ] as ReadonlyArray<readonly [string, unknown]>,
    (searchAiType) => (client) => client.searchIllustrations$('emt', { searchAiType: searchAiType as SearchAiType }),
    /searchAiType/,
  ),
];

// ---- searchNovels$ -----------------------------------------------------------------------------

const novels: EndpointRow[] = [
  {
    member: 'searchNovels$',
    title: 'sends GET /v1/search/novel with the word and the defaults',
    call: (client) => client.searchNovels$('けものフレンズ'),
    sends: {
      method: 'GET',
      path: '/v1/search/novel',
      params: [
        ['word', 'けものフレンズ'],
        ['search_target', 'partial_match_for_tags'],
        ['sort', 'date_desc'],
        ['filter', 'for_ios'],
        ['merge_plain_keyword_results', 'true'],
        ['include_translated_tag_results', 'true'],
      ],
    },
    reply: NO_NOVELS,
  },
  {
    member: 'searchNovels$',
    title: 'sends every option when given',
    call: (client) =>
      client.searchNovels$('x', {
        searchTarget: SearchTarget.TEXT,
        sort: Sort.DATE_ASC,
        duration: Duration.LAST_MONTH,
        startDate: '2024-01-01',
        endDate: '2024-01-31',
        searchAiType: SearchAiType.SHOW,
        offset: 30,
      }),
    sends: {
      method: 'GET',
      path: '/v1/search/novel',
      params: [
        ['word', 'x'],
        ['search_target', 'text'],
        ['sort', 'date_asc'],
        ['filter', 'for_ios'],
        ['merge_plain_keyword_results', 'true'],
        ['include_translated_tag_results', 'true'],
        ['duration', 'within_last_month'],
        ['start_date', '2024-01-01'],
        ['end_date', '2024-01-31'],
        ['search_ai_type', '0'],
        ['offset', '30'],
      ],
    },
    reply: NO_NOVELS,
  },
  {
    member: 'searchNovels$',
    title: 'sends search_target keyword',
    call: (client) => client.searchNovels$('x', { searchTarget: SearchTarget.KEYWORD }),
    sends: {
      method: 'GET',
      path: '/v1/search/novel',
      params: [
        ['word', 'x'],
        ['search_target', 'keyword'],
        ['sort', 'date_desc'],
        ['filter', 'for_ios'],
        ['merge_plain_keyword_results', 'true'],
        ['include_translated_tag_results', 'true'],
      ],
    },
    reply: NO_NOVELS,
  },
  decoding({
    member: 'searchNovels$',
    title: 'decodes the 2019 page: a novel in a series, searchSpanLimit, no show_ai, the offset cursor',
    call: (client) => client.searchNovelPages$('けものフレンズ').pipe(take(1)),
    answer: fixture('v1-search-novel/owlbear-2019-trimmed.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).toMatchObject({
        id: 12004262,
        title: '仮面ライダージオウ アナザーキュルル編 その6',
        textLength: 13740,
        series: { id: 1152698, title: '仮面ライダージオウ×けものフレンズ' },
        user: { id: 4443025 },
      });
      expect(page.items[0].createDate.toISOString()).toBe('2019-11-26T12:20:23.000Z');
      expect(page.searchSpanLimit).toBe(31536000);
      expect(page.showAi).toBeNull();
      expect(page.next).toBe(30);
      expect(page.nextUrl).toContain('include_translated_tag_results=true');
    },
  }),
  decoding({
    member: 'searchNovels$',
    title: 'reads show_ai when the page has it',
    call: (client) => client.searchNovelPages$('x'),
    answer: { ...NO_NOVELS, show_ai: false },
    check: (outcome) => expect(only(outcome).showAi).toBe(false),
  }),
  decoding({
    member: 'searchNovels$',
    title: 'errors with PixivApiError on the 400 offset cap',
    call: (client) => client.searchNovels$('x', { offset: 5030 }),
    withStatus: true,
    answer: [400, errorEnvelope({ message: '{"offset":["offset must be no more than 5000"]}' })],
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(PixivApiError);
      expect((error as PixivApiError).status).toBe(400);
      expect(gets(requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'searchNovels$',
    title: 'errors with BadApiResponse at path "novels" when a 200 body lacks it',
    call: (client) => client.searchNovels$('x'),
    answer: { illusts: [], next_url: null },
    check: ({ error }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('novels');
    },
  }),
  ...refusing('searchNovels$', 'the word', BAD_WORDS, (word) => (client) => client.searchNovels$(word), /word/),
  {
    member: 'searchNovels$',
    title: 'errors with a TypeError before sending anything for the searchTarget title_and_caption (illustrations only)',
    call: (client) => client.searchNovels$('x', { searchTarget: SearchTarget.TITLE_AND_CAPTION }),
    refuses: /searchTarget/,
  },
  {
    member: 'searchNovels$',
    title: 'errors with a TypeError before sending anything for popular_desc with pastOffsetLimit',
    call: (client) => client.searchNovels$('x', { sort: Sort.POPULAR_DESC, pastOffsetLimit: true }),
    refuses: /pastOffsetLimit/,
  },
  ...refusing('searchNovels$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.searchNovels$('x', { offset }), /offset/),
  ...refusing('searchNovels$', 'the startDate', BAD_DATES, (startDate) => (client) => client.searchNovels$('x', { startDate }), /startDate/),
];

// ---- searchUsers$ and searchAutocomplete$ ------------------------------------------------------

const usersRows: EndpointRow[] = [
  {
    member: 'searchUsers$',
    title: 'sends GET /v1/search/user with the word and filter=for_ios',
    call: (client) => client.searchUsers$('千夜'),
    sends: {
      method: 'GET',
      path: '/v1/search/user',
      params: [
        ['word', '千夜'],
        ['filter', 'for_ios'],
      ],
    },
    reply: NO_USERS,
  },
  {
    member: 'searchUsers$',
    title: 'sends the offset when given',
    call: (client) => client.searchUsers$('千夜', { offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v1/search/user',
      params: [
        ['word', '千夜'],
        ['filter', 'for_ios'],
        ['offset', '30'],
      ],
    },
    reply: NO_USERS,
  },
  decoding({
    member: 'searchUsers$',
    title: 'decodes the whole 2018 page: 30 previews, some with novels, and the offset cursor',
    call: (client) => client.searchUserPages$('千夜').pipe(take(1)),
    answer: fixture('v1-search-user/pix-ezviewer-2018.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(30);
      expect(page.items[0].user).toMatchObject({ id: 7210261, name: '千夜QYS3' });
      expect(page.items[0].illustrations).toHaveLength(3);
      expect(page.items.filter((preview) => preview.novels.length > 0)).toHaveLength(11);
      expect(page.next).toBe(30);
    },
  }),
  decoding({
    member: 'searchUsers$',
    title: 'decodes the 2019 page (one preview, next_url null) and completes',
    call: (client) => client.searchUsers$('x'),
    answer: fixture('v1-search-user/owlbear-2019-trimmed.json'),
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values.map((preview) => [preview.user.id, preview.user.name, preview.illustrations.length])).toEqual([
        [501469, 'あめえばらいふ', 1],
      ]);
      expect(gets(requests)).toHaveLength(1);
    },
  }),
  ...refusing('searchUsers$', 'the word', BAD_WORDS, (word) => (client) => client.searchUsers$(word), /word/),
  ...refusing('searchUsers$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.searchUsers$('x', { offset }), /offset/),
];

const autocompleteRows: EndpointRow[] = [
  {
    member: 'searchAutocomplete$',
    title: 'sends GET /v2/search/autocomplete with the word and merge_plain_keyword_results=true',
    call: (client) => client.searchAutocomplete$('けも'),
    sends: {
      method: 'GET',
      path: '/v2/search/autocomplete',
      params: [
        ['word', 'けも'],
        ['merge_plain_keyword_results', 'true'],
      ],
    },
    reply: { tags: [] },
  },
  decoding({
    member: 'searchAutocomplete$',
    title: 'decodes the 2020 suggestions: ten tags, translatedName null or a translation',
    call: (client) => client.searchAutocomplete$('けも'),
    answer: fixture('v2-search-autocomplete/owlbear-2020.json'),
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values).toHaveLength(10);
      expect(values.slice(0, 2)).toEqual([
        { name: 'ケモノ', translatedName: null },
        { name: 'けものフレンズ', translatedName: 'Kemono Friends' },
      ]);
      expect(gets(requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'searchAutocomplete$',
    title: 'errors with BadApiResponse at path "tags" when the body lacks them',
    call: (client) => client.searchAutocomplete$('x'),
    answer: { next_url: null },
    check: ({ error }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('tags');
    },
  }),
  ...refusing('searchAutocomplete$', 'the word', BAD_WORDS, (word) => (client) => client.searchAutocomplete$(word), /word/),
];

export const rows: readonly EndpointRow[] = [...illustrations, ...novels, ...usersRows, ...autocompleteRows];
