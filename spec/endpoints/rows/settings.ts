import { take } from 'rxjs';
import { BadApiResponse } from '../../../lib/errors';
import { fixture } from '../../support/mock-api';
import { BAD_OFFSETS } from '../request-shape';
import { decoding, only, refusing } from './build';
import type { EndpointRow } from './row';

const shaft2019 = () => fixture('v1-spotlight-articles/pixiv-shaft-2019-zh.json');

const aiShowSettings: EndpointRow[] = [
  {
    member: 'aiShowSettings$',
    title: 'sends GET /v1/user/ai-show-settings',
    call: (client) => client.aiShowSettings$(),
    sends: { method: 'GET', path: '/v1/user/ai-show-settings', params: [] },
    reply: { show_ai: true },
  },
  ...[true, false].map((showAi) =>
    decoding({
      member: 'aiShowSettings$',
      title: `decodes show_ai ${String(showAi)}`,
      call: (client) => client.aiShowSettings$(),
      answer: { show_ai: showAi },
      check: (outcome) => expect(only(outcome)).toEqual({ showAi }),
    }),
  ),
  decoding({
    member: 'aiShowSettings$',
    title: 'errors with BadApiResponse at path "show_ai" when it is not a boolean',
    call: (client) => client.aiShowSettings$(),
    answer: { show_ai: 1 },
    check: ({ error }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('show_ai');
    },
  }),
];

const setAiShowSettings: EndpointRow[] = [
  ...[true, false].map((show) => ({
    member: 'setAiShowSettings',
    title: `POSTs the form show_ai=${String(show)} to /v1/user/ai-show-settings/edit`,
    call: (client: Parameters<EndpointRow['call']>[0]) => client.setAiShowSettings(show),
    sends: { method: 'POST' as const, path: '/v1/user/ai-show-settings/edit', params: [['show_ai', String(show)]] as const },
  })),
  decoding({
    member: 'setAiShowSettings',
    title: 'emits once (undefined) when done',
    call: (client) => client.setAiShowSettings(false),
    answer: {},
    check: ({ values, error }) => {
      expect(error).toBeUndefined();
      expect(values).toEqual([undefined]);
    },
  }),
  ...refusing(
    'setAiShowSettings',
    'show',
    [
      ['"true" (a string)', 'true'],
      ['undefined', undefined],
    ],
    (show) => (client) => client.setAiShowSettings(show as unknown as boolean),
    /show/,
  ),
];

const spotlight: EndpointRow[] = [
  {
    member: 'spotlightArticles$',
    title: "sends GET /v1/spotlight/articles with filter=for_ios and category 'all' by default",
    call: (client) => client.spotlightArticles$(),
    sends: {
      method: 'GET',
      path: '/v1/spotlight/articles',
      params: [
        ['filter', 'for_ios'],
        ['category', 'all'],
      ],
    },
    reply: { spotlight_articles: [], next_url: null },
  },
  {
    member: 'spotlightArticles$',
    title: 'sends the category and the offset when given',
    call: (client) => client.spotlightArticles$({ category: 'manga', offset: 10 }),
    sends: {
      method: 'GET',
      path: '/v1/spotlight/articles',
      params: [
        ['filter', 'for_ios'],
        ['category', 'manga'],
        ['offset', '10'],
      ],
    },
    reply: { spotlight_articles: [], next_url: null },
  },
  decoding({
    member: 'spotlightArticles$',
    title: 'decodes the 2019 Chinese page of 10 articles and the offset cursor',
    call: (client) => client.spotlightArticlePages$().pipe(take(1)),
    answer: shaft2019(),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(10);
      expect(page.items[0]).toEqual({
        id: 4371,
        title: '1个小时创造的奇迹！难以相信是one draw的插画作品特辑',
        pureTitle: '难以相信是one draw的插画作品特辑',
        thumbnail: 'https://i.pximg.net/c/540x540_70/img-master/img/2017/05/13/19/34/51/62879517_p0_master1200.jpg',
        articleUrl: 'https://www.pixivision.net/zh/a/4371',
        publishDate: new Date('2019-05-22T09:00:00.000Z'),
        category: 'spotlight',
        subcategoryLabel: '插画',
      });
      expect(page.next).toBe(10);
      expect(page.nextUrl).toBe('https://app-api.pixiv.net/v1/spotlight/articles?filter=for_android&category=all&offset=10');
    },
  }),
  decoding({
    member: 'spotlightArticles$',
    title: 'decodes the 2018 Japanese page and follows its next_url',
    call: (client) => client.spotlightArticles$(),
    answer: fixture('v1-spotlight-articles/pix-ezviewer-2018-ja.json'),
    then: [{ spotlight_articles: [], next_url: null }],
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values).toHaveLength(10);
      expect(values[0]).toMatchObject({ id: 3504, pureTitle: '膝枕を描いたイラスト特集', subcategoryLabel: 'イラスト' });
      expect(values[0].publishDate.toISOString()).toBe('2018-06-07T09:00:00.000Z');
      expect(requests[1].query).toEqual([
        ['filter', 'for_ios'],
        ['category', 'all'],
        ['offset', '10'],
      ]);
    },
  }),
  decoding({
    member: 'spotlightArticles$',
    title: 'gives subcategoryLabel null for an article without one',
    call: (client) => client.spotlightArticles$(),
    answer: (() => {
      const body = shaft2019();
      body.spotlight_articles = body.spotlight_articles.slice(0, 1);
      delete body.spotlight_articles[0].subcategory_label;
      body.next_url = null;
      return body;
    })(),
    check: ({ values }) => expect(values.map((a) => a.subcategoryLabel)).toEqual([null]),
  }),
  decoding({
    member: 'spotlightArticles$',
    title: 'errors with BadApiResponse at the path of an unreadable publish_date',
    call: (client) => client.spotlightArticles$(),
    answer: (() => {
      const body = shaft2019();
      body.spotlight_articles[2].publish_date = 'soon';
      return body;
    })(),
    check: ({ error }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('spotlight_articles.2.publish_date');
    },
  }),
  ...refusing('spotlightArticles$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.spotlightArticles$({ offset }), /offset/),
  ...refusing(
    'spotlightArticles$',
    'the category',
    [
      ['""', ''],
      ['a number', 1 as unknown as string],
    ],
    (category) => (client) => client.spotlightArticles$({ category }),
    /category/,
  ),
];

export const rows: readonly EndpointRow[] = [...aiShowSettings, ...setAiShowSettings, ...spotlight];
