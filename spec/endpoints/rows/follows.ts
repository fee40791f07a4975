import { take } from 'rxjs';
import { BadApiResponse, PixivApiError } from '../../../lib/errors';
import { ContentType, Visibility } from '../../../lib/models';
import { fixture } from '../../support/mock-api';
import { BAD_IDS } from '../request-shape';
import { decoding, gets, only, posts, refusing } from './build';
import type { EndpointRow } from './row';

const followed = (restrict: unknown) => ({ follow_detail: { is_followed: true, restrict } });
const watchlistManga = () => fixture('v1-watchlist-manga/pixez-flutter-2024.json');
const BAD_KINDS: ReadonlyArray<readonly [string, ContentType.MANGA]> = [
  ['illust', ContentType.ILLUSTRATION as ContentType.MANGA],
  ['ugoira', ContentType.UGOIRA as ContentType.MANGA],
  ['"mangas"', 'mangas' as ContentType.MANGA],
];

const followDetail: EndpointRow[] = [
  {
    member: 'followDetail$',
    title: 'sends GET /v1/user/follow/detail with user_id',
    call: (client) => client.followDetail$(2188232),
    sends: { method: 'GET', path: '/v1/user/follow/detail', params: [['user_id', '2188232']] },
    reply: followed('public'),
  },
  ...(
    [
      ['public', Visibility.PUBLIC],
      ['private', Visibility.PRIVATE],
    ] as const
  ).map(([restrict, visibility]) =>
    decoding({
      member: 'followDetail$',
      title: `decodes a ${restrict} follow`,
      call: (client) => client.followDetail$(2188232),
      answer: followed(restrict),
      check: (outcome) => expect(only(outcome)).toEqual({ isFollowed: true, visibility }),
    }),
  ),
  ...(['public', 'private', null, undefined] as const).map((restrict) =>
    decoding({
      member: 'followDetail$',
      title: `gives { isFollowed: false, visibility: null } when not followed, restrict ${String(restrict)}`,
      call: (client) => client.followDetail$(2188232),
      answer: { follow_detail: { is_followed: false, restrict } },
      check: (outcome) => expect(only(outcome)).toEqual({ isFollowed: false, visibility: null }),
    }),
  ),
  decoding({
    member: 'followDetail$',
    title: 'gives visibility null for a follow whose restrict it does not know',
    call: (client) => client.followDetail$(2188232),
    answer: followed('all'),
    check: (outcome) => expect(only(outcome)).toEqual({ isFollowed: true, visibility: null }),
  }),
  decoding({
    member: 'followDetail$',
    title: 'errors with BadApiResponse at path "follow_detail.is_followed" when it is missing',
    call: (client) => client.followDetail$(2188232),
    answer: { follow_detail: { restrict: 'public' } },
    check: ({ error }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('follow_detail.is_followed');
    },
  }),
  ...refusing('followDetail$', 'the user id', BAD_IDS, (id) => (client) => client.followDetail$(id), /userId/),
];

const follow: EndpointRow[] = [
  {
    member: 'follow',
    title: 'POSTs the form user_id, restrict=public to /v1/user/follow/add',
    call: (client) => client.follow(2188232),
    sends: {
      method: 'POST',
      path: '/v1/user/follow/add',
      params: [
        ['user_id', '2188232'],
        ['restrict', 'public'],
      ],
    },
  },
  {
    member: 'follow',
    title: 'sends the visibility when given',
    call: (client) => client.follow(2188232, { visibility: Visibility.PRIVATE }),
    sends: {
      method: 'POST',
      path: '/v1/user/follow/add',
      params: [
        ['user_id', '2188232'],
        ['restrict', 'private'],
      ],
    },
  },
  decoding({
    member: 'follow',
    title: 'emits once (undefined) on the recorded {} body',
    call: (client) => client.follow(2188232),
    answer: {},
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values).toEqual([undefined]);
      expect(gets(requests)).toHaveLength(0);
    },
  }),
  decoding({
    member: 'follow',
    title: 'does not retry a POST answered 503: exactly one POST',
    call: (client) => client.follow(2188232),
    withStatus: true,
    answer: [503, ''],
    then: [[200, {}]],
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(PixivApiError);
      expect(posts(requests)).toHaveLength(1);
    },
  }),
  ...refusing('follow', 'the user id', BAD_IDS, (id) => (client) => client.follow(id), /userId/),
  {
    member: 'follow',
    title: 'errors with a TypeError before sending anything for the visibility "all"',
    call: (client) => client.follow(1, { visibility: 'all' as Visibility }),
    refuses: /visibility/,
  },
];

const unfollow: EndpointRow[] = [
  {
    member: 'unfollow',
    title: 'POSTs the form user_id to /v1/user/follow/delete',
    call: (client) => client.unfollow(2188232),
    sends: { method: 'POST', path: '/v1/user/follow/delete', params: [['user_id', '2188232']] },
  },
  decoding({
    member: 'unfollow',
    title: 'emits once (undefined) on the recorded {} body',
    call: (client) => client.unfollow(2188232),
    answer: {},
    check: ({ values, error }) => {
      expect(error).toBeUndefined();
      expect(values).toEqual([undefined]);
    },
  }),
  ...refusing('unfollow', 'the user id', BAD_IDS, (id) => (client) => client.unfollow(id), /userId/),
];

const watchlist: EndpointRow[] = [
  {
    member: 'watchlist$',
    title: 'sends GET /v1/watchlist/manga for ContentType.MANGA',
    call: (client) => client.watchlist$(ContentType.MANGA),
    sends: { method: 'GET', path: '/v1/watchlist/manga', params: [] },
    reply: { series: [], next_url: null },
  },
  {
    member: 'watchlist$',
    title: 'sends GET /v1/watchlist/novel for ContentType.NOVEL',
    call: (client) => client.watchlist$(ContentType.NOVEL),
    sends: { method: 'GET', path: '/v1/watchlist/novel', params: [] },
    reply: { series: [], next_url: null },
  },
  decoding({
    member: 'watchlist$',
    title: 'decodes the 2024 manga watchlist into WatchlistSeries',
    call: (client) => client.watchlistPages$(ContentType.MANGA),
    answer: watchlistManga(),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toEqual([
        {
          id: 266067,
          title: "X'max Present",
          user: {
            id: 4004637,
            account: '9365710x',
            name: '幻羽',
            profileImageUrls: {
              medium:
                'https://i.pximg.net/user-profile/img/2023/09/15/12/22/50/24938498_0b12205fb7799c6445233c446333cd43_170.jpg',
            },
            isFollowed: null,
          },
          latestContentId: 125547965,
          lastPublishedContentDate: new Date('2024-12-25T16:27:48.000Z'),
          publishedContentCount: 2,
          url: 'https://i.pximg.net/c/240x480/img-master/img/2024/12/25/01/30/49/125508098_p0_master1200.jpg',
          maskText: null,
        },
      ]);
      expect(page.nextUrl).toBeNull();
    },
  }),
  decoding({
    member: 'watchlist$',
    title: 'decodes a novel watchlist of the same shape, a partial entry, and follows next_url',
    call: (client) => client.watchlist$(ContentType.NOVEL),
    answer: {
      series: [{ id: 1, title: 'masked', user: watchlistManga().series[0].user, mask_text: 'This work cannot be displayed.' }],
      next_url: 'https://app-api.pixiv.net/v1/watchlist/novel?offset=30',
    },
    then: [{ series: watchlistManga().series }],
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values.map((s) => [s.id, s.maskText, s.latestContentId, s.url])).toEqual([
        [1, 'This work cannot be displayed.', undefined, null],
        [266067, null, 125547965, expect.stringContaining('125508098_p0')],
      ]);
      expect(requests[1].url).toBe('https://app-api.pixiv.net/v1/watchlist/novel?offset=30');
    },
  }),
  decoding({
    member: 'watchlist$',
    title: 'errors with BadApiResponse at the path of an entry without its user',
    call: (client) => client.watchlist$(ContentType.MANGA).pipe(take(1)),
    answer: { series: [{ id: 1, title: 'x' }], next_url: null },
    check: ({ error }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('series.0.user');
    },
  }),
  ...refusing('watchlist$', 'the kind', BAD_KINDS, (kind) => (client) => client.watchlist$(kind), /kind/),
];

const addToWatchlist: EndpointRow[] = [
  {
    member: 'addToWatchlist',
    title: 'POSTs the form series_id to /v1/watchlist/manga/add',
    call: (client) => client.addToWatchlist(266067, ContentType.MANGA),
    sends: { method: 'POST', path: '/v1/watchlist/manga/add', params: [['series_id', '266067']] },
  },
  {
    member: 'addToWatchlist',
    title: 'POSTs the form series_id to /v1/watchlist/novel/add',
    call: (client) => client.addToWatchlist(1222375, ContentType.NOVEL),
    sends: { method: 'POST', path: '/v1/watchlist/novel/add', params: [['series_id', '1222375']] },
  },
  decoding({
    member: 'addToWatchlist',
    title: 'emits once (undefined) when done',
    call: (client) => client.addToWatchlist(266067, ContentType.MANGA),
    answer: {},
    check: ({ values, error }) => {
      expect(error).toBeUndefined();
      expect(values).toEqual([undefined]);
    },
  }),
  ...refusing('addToWatchlist', 'the series id', BAD_IDS, (id) => (client) => client.addToWatchlist(id, ContentType.MANGA), /seriesId/),
  ...refusing('addToWatchlist', 'the kind', BAD_KINDS, (kind) => (client) => client.addToWatchlist(1, kind), /kind/),
];

const removeFromWatchlist: EndpointRow[] = [
  {
    member: 'removeFromWatchlist',
    title: 'POSTs the form series_id to /v1/watchlist/manga/delete',
    call: (client) => client.removeFromWatchlist(266067, ContentType.MANGA),
    sends: { method: 'POST', path: '/v1/watchlist/manga/delete', params: [['series_id', '266067']] },
  },
  {
    member: 'removeFromWatchlist',
    title: 'POSTs the form series_id to /v1/watchlist/novel/delete',
    call: (client) => client.removeFromWatchlist(1222375, ContentType.NOVEL),
    sends: { method: 'POST', path: '/v1/watchlist/novel/delete', params: [['series_id', '1222375']] },
  },
  ...refusing('removeFromWatchlist', 'the series id', BAD_IDS, (id) => (client) => client.removeFromWatchlist(id, ContentType.NOVEL), /seriesId/),
  ...refusing('removeFromWatchlist', 'the kind', BAD_KINDS, (kind) => (client) => client.removeFromWatchlist(1, kind), /kind/),
];

export const rows: readonly EndpointRow[] = [
  ...followDetail,
  ...follow,
  ...unfollow,
  ...watchlist,
  ...addToWatchlist,
  ...removeFromWatchlist,
];
