import { take } from 'rxjs';
import { NetworkError, PixivApiError } from '../../../lib/errors';
import { ContentType, Size, Visibility } from '../../../lib/models';
import { API, fixture } from '../../support/mock-api';
import { BAD_IDS, BAD_OFFSETS, DELETED_WORK_BODY } from '../request-shape';
import { decoding, gets, only, posts, refusing } from './build';
import type { EndpointRow } from './row';

const ADD_URL = `${API}/v2/illust/bookmark/add`;
const DELETE_URL = `${API}/v1/illust/bookmark/delete`;

/** A transport failure that proves the request never left: what Node reports for a refused connection. */
const connectionRefused = () =>
  Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }));

const bookmarks2018 = () => fixture('v1-user-bookmarks-illust/pix-ezviewer-2018-660788.json');
const tags2021 = () => fixture('v1-user-bookmark-tags-illust/azuline-2021.json');

const bookmark: EndpointRow[] = [
  {
    member: 'bookmark$',
    title: 'sends GET /v2/illust/bookmark/detail with illust_id',
    call: (client) => client.bookmark$(87492458),
    sends: { method: 'GET', path: '/v2/illust/bookmark/detail', params: [['illust_id', '87492458']] },
    reply: fixture('v2-illust-bookmark-detail/azuline-2021.json'),
  },
  decoding({
    member: 'bookmark$',
    title: 'decodes the bookmark detail: isBookmarked, visibility and tags',
    call: (client) => client.bookmark$(87492458),
    answer: fixture('v2-illust-bookmark-detail/azuline-2021.json'),
    check: (outcome) =>
      expect(only(outcome)).toEqual({
        isBookmarked: true,
        visibility: Visibility.PUBLIC,
        tags: [
          { name: 'ghostblade', isRegistered: false },
          { name: '风玲', isRegistered: false },
          { name: 'ボディチェーン', isRegistered: false },
          { name: 'プランジングネック', isRegistered: false },
          { name: 'オリジナル10000users入り', isRegistered: false },
        ],
      }),
  }),
  decoding({
    member: 'bookmark$',
    title: 'errors with PixivApiError 404 and the userMessage for a deleted work',
    call: (client) => client.bookmark$(1),
    withStatus: true,
    answer: [404, DELETED_WORK_BODY],
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(PixivApiError);
      expect((error as PixivApiError).status).toBe(404);
      expect((error as PixivApiError).userMessage).toBe('The artwork has been deleted or the artwork ID does not exist.');
      expect(gets(requests)).toHaveLength(1);
    },
  }),
  ...refusing('bookmark$', 'the id', BAD_IDS, (id) => (client) => client.bookmark$(id), /illustrationId/),
];

const addBookmark: EndpointRow[] = [
  {
    member: 'addBookmark',
    title: 'POSTs the form illust_id, restrict=public to /v2/illust/bookmark/add',
    call: (client) => client.addBookmark(87492458),
    sends: {
      method: 'POST',
      path: '/v2/illust/bookmark/add',
      params: [
        ['illust_id', '87492458'],
        ['restrict', 'public'],
      ],
    },
  },
  decoding({
    member: 'addBookmark',
    title: 'emits once (undefined) when done',
    call: (client) => client.addBookmark(87492458),
    answer: {},
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values).toEqual([undefined]);
      expect(gets(requests)).toHaveLength(0);
    },
  }),
  {
    member: 'addBookmark',
    title: 'sends the visibility and one tags[] entry per tag',
    call: (client) => client.addBookmark(87492458, { visibility: Visibility.PRIVATE, tags: ['ghostblade', 'a b&c', '风玲'] }),
    sends: {
      method: 'POST',
      path: '/v2/illust/bookmark/add',
      params: [
        ['illust_id', '87492458'],
        ['restrict', 'private'],
        ['tags[]', 'ghostblade'],
        ['tags[]', 'a b&c'],
        ['tags[]', '风玲'],
      ],
    },
  },
  decoding({
    member: 'addBookmark',
    title: 'does not retry a POST answered 503: exactly one POST',
    call: (client) => client.addBookmark(87492458),
    withStatus: true,
    answer: [503, ''],
    then: [[200, {}]],
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(PixivApiError);
      expect((error as PixivApiError).status).toBe(503);
      expect(posts(requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'addBookmark',
    title: 'does not retry a network error of unknown cause (it may have reached the server)',
    // axios-mock-adapter's networkError carries no `code`: the library cannot prove the POST never
    // arrived, so it treats it as reachedServer and, the POST not being idempotent, does not resend
    call: (client) => client.addBookmark(87492458),
    mock: (mock) => mock.onPost(ADD_URL).networkErrorOnce().onPost(ADD_URL).reply(200, {}),
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as NetworkError).kind).toBe('other');
      expect((error as NetworkError).reachedServer).toBe(true);
      expect(posts(requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'addBookmark',
    title: 'retries a POST whose connection was refused (it never reached the server)',
    call: (client) => client.addBookmark(87492458),
    mock: (mock) => mock.onPost(ADD_URL).replyOnce(connectionRefused).onPost(ADD_URL).reply(200, {}),
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values).toEqual([undefined]);
      const sent = posts(requests);
      expect(sent).toHaveLength(2);
      expect(sent[1].form).toEqual(sent[0].form);
    },
  }),
  decoding({
    member: 'addBookmark',
    title: 'errors with NetworkError kind "refused" when every attempt is refused',
    call: (client) => client.addBookmark(87492458),
    mock: (mock) => mock.onPost(ADD_URL).reply(connectionRefused),
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as NetworkError).kind).toBe('refused');
      expect((error as NetworkError).reachedServer).toBe(false);
      expect(posts(requests)).toHaveLength(4);
    },
  }),
  ...refusing('addBookmark', 'the id', BAD_IDS, (id) => (client) => client.addBookmark(id), /illustrationId/),
  {
    member: 'addBookmark',
    title: 'errors with a TypeError before sending anything for the visibility "secret"',
    call: (client) => client.addBookmark(87492458, { visibility: 'secret' as never }),
    refuses: /visibility/,
  },
  ...refusing(
    'addBookmark',
    'the tags',
    [
      ['["ok",""]', ['ok', '']],
      ['["  "]', ['  ']],
    ],
    (tags) => (client) => client.addBookmark(87492458, { tags }),
    /tags/,
  ),
];

const deleteBookmark: EndpointRow[] = [
  {
    member: 'deleteBookmark',
    title: 'POSTs the form illust_id to /v1/illust/bookmark/delete',
    call: (client) => client.deleteBookmark(87492458),
    sends: { method: 'POST', path: '/v1/illust/bookmark/delete', params: [['illust_id', '87492458']] },
  },
  decoding({
    member: 'deleteBookmark',
    title: 'emits once (undefined) when done',
    call: (client) => client.deleteBookmark(87492458),
    answer: {},
    check: ({ values, error }) => {
      expect(error).toBeUndefined();
      expect(values).toEqual([undefined]);
    },
  }),
  decoding({
    member: 'deleteBookmark',
    title: 'does not retry a POST answered 503: exactly one POST',
    call: (client) => client.deleteBookmark(87492458),
    mock: (mock) => mock.onPost(DELETE_URL).reply(503, ''),
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(PixivApiError);
      expect((error as PixivApiError).status).toBe(503);
      expect(posts(requests)).toHaveLength(1);
    },
  }),
  ...refusing('deleteBookmark', 'the id', BAD_IDS, (id) => (client) => client.deleteBookmark(id), /illustrationId/),
];

const userBookmarks: EndpointRow[] = [
  {
    member: 'userBookmarks$',
    title: 'sends GET /v1/user/bookmarks/illust with user_id and restrict=public by default',
    call: (client) => client.userBookmarks$(660788),
    sends: {
      method: 'GET',
      path: '/v1/user/bookmarks/illust',
      params: [
        ['user_id', '660788'],
        ['restrict', 'public'],
      ],
    },
    reply: { illusts: [], next_url: null },
  },
  {
    member: 'userBookmarks$',
    title: 'sends visibility, max_bookmark_id and tag when given',
    call: (client) =>
      client.userBookmarks$(660788, { visibility: Visibility.PRIVATE, maxBookmarkId: 1410465204, tag: 'オリジナル 10000users' }),
    sends: {
      method: 'GET',
      path: '/v1/user/bookmarks/illust',
      params: [
        ['user_id', '660788'],
        ['restrict', 'private'],
        ['max_bookmark_id', '1410465204'],
        ['tag', 'オリジナル 10000users'],
      ],
    },
    reply: { illusts: [], next_url: null },
  },
  decoding({
    member: 'userBookmarks$',
    title: 'decodes the 2018 shape; next is the max_bookmark_id of next_url',
    call: (client) => client.userBookmarkPages$(660788).pipe(take(1)),
    answer: bookmarks2018(),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(30);
      expect(page.nextUrl).toBe(
        'https://app-api.pixiv.net/v1/user/bookmarks/illust?user_id=660788&restrict=public&filter=for_ios&max_bookmark_id=1410465204',
      );
      expect(page.next).toBe(1410465204);
      const [first] = page.items;
      expect(first).toMatchObject({
        id: 56596549,
        title: '【PFT】創ず大河',
        type: ContentType.ILLUSTRATION,
        width: 960,
        height: 1200,
        xRestrict: 0,
        user: { id: 3655834, name: 'ﾗｲｱﾝ ﾛﾛ', account: 'roros', isFollowed: false },
      });
      expect(first.createDate.toISOString()).toBe('2016-04-29T12:10:04.000Z');
      expect(first.tags[0]).toEqual({ name: '王の間の決戦【青】', translatedName: null });
      expect(first.imageUrls[Size.SQUARE_MEDIUM]).toBe(
        'https://i.pximg.net/c/360x360_70/img-master/img/2016/04/29/21/10/04/56596549_p0_square1200.jpg',
      );
      expect(page.items[29]).toMatchObject({ id: 45464867, title: '空母棲姫', totalBookmarks: 34158 });
      expect(page.items[29].createDate.toISOString()).toBe('2014-08-19T15:13:24.000Z');
      expect(page.items.every((w) => w.xRestrict === 0)).toBe(true);
      expect(page.items.every((w) => w.tags.every((tag) => tag.translatedName === null))).toBe(true);
      expect(gets(outcome.requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'userBookmarks$',
    title: 'follows the next_url to a final page',
    call: (client) => client.userBookmarks$(660788),
    answer: bookmarks2018(),
    then: [{ illusts: [], next_url: null }],
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values).toHaveLength(30);
      expect(requests[1].url).toBe(bookmarks2018().next_url);
    },
  }),
  ...refusing('userBookmarks$', 'the user id', BAD_IDS, (id) => (client) => client.userBookmarks$(id), /userId/),
  ...refusing('userBookmarks$', 'the maxBookmarkId', BAD_IDS, (id) => (client) => client.userBookmarks$(660788, { maxBookmarkId: id }), /maxBookmarkId/),
  {
    member: 'userBookmarks$',
    title: 'errors with a TypeError before sending anything for the visibility "secret"',
    call: (client) => client.userBookmarks$(660788, { visibility: 'secret' as never }),
    refuses: /visibility/,
  },
  ...refusing(
    'userBookmarks$',
    'the tag',
    [
      ['""', ''],
      ['"  "', '  '],
    ],
    (tag) => (client) => client.userBookmarks$(660788, { tag }),
    /tag/,
  ),
];

const userBookmarkTags: EndpointRow[] = [
  {
    member: 'userBookmarkTags$',
    title: 'sends GET /v1/user/bookmark-tags/illust with user_id and restrict=public by default',
    call: (client) => client.userBookmarkTags$(126852),
    sends: {
      method: 'GET',
      path: '/v1/user/bookmark-tags/illust',
      params: [
        ['user_id', '126852'],
        ['restrict', 'public'],
      ],
    },
    reply: { bookmark_tags: [], next_url: null },
  },
  {
    member: 'userBookmarkTags$',
    title: 'sends visibility and offset when given',
    call: (client) => client.userBookmarkTags$(126852, { visibility: Visibility.PRIVATE, offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v1/user/bookmark-tags/illust',
      params: [
        ['user_id', '126852'],
        ['restrict', 'private'],
        ['offset', '30'],
      ],
    },
    reply: { bookmark_tags: [], next_url: null },
  },
  decoding({
    member: 'userBookmarkTags$',
    title: 'decodes the 2021 bookmark tags',
    call: (client) => client.userBookmarkTagPages$(126852).pipe(take(1)),
    answer: tags2021(),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(30);
      expect(page.items.slice(0, 3)).toEqual([
        { name: '9S', count: 3 },
        { name: 'CLIPSTUDIOPAINT', count: 1 },
        { name: 'FGO', count: 2 },
      ]);
      expect(page.items[29]).toEqual({ name: 'ご注文はうさぎですか?', count: 1 });
      expect(page.nextUrl).toBe('https://app-api.pixiv.net/v1/user/bookmark-tags/illust?user_id=126852&restrict=public&offset=30');
      expect(page.next).toBe(30);
      expect(gets(outcome.requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'userBookmarkTags$',
    title: 'follows the next_url to a final page',
    call: (client) => client.userBookmarkTags$(126852),
    answer: tags2021(),
    then: [{ bookmark_tags: [{ name: 'last', count: 9 }], next_url: null }],
    check: ({ values: tags, error, requests }) => {
      expect(error).toBeUndefined();
      expect(tags).toHaveLength(31);
      expect(tags[30]).toEqual({ name: 'last', count: 9 });
      expect(requests.map((r) => r.url)).toEqual([`${API}/v1/user/bookmark-tags/illust?user_id=126852&restrict=public`, tags2021().next_url]);
    },
  }),
  ...refusing('userBookmarkTags$', 'the user id', BAD_IDS, (id) => (client) => client.userBookmarkTags$(id), /userId/),
  {
    member: 'userBookmarkTags$',
    title: 'errors with a TypeError before sending anything for the visibility "secret"',
    call: (client) => client.userBookmarkTags$(126852, { visibility: 'secret' as never }),
    refuses: /visibility/,
  },
  ...refusing('userBookmarkTags$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.userBookmarkTags$(126852, { offset }), /offset/),
];

export const rows: readonly EndpointRow[] = [...bookmark, ...addBookmark, ...deleteBookmark, ...userBookmarks, ...userBookmarkTags];
