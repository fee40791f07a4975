import { mergeMap, take } from 'rxjs';
import { AuthenticationRequired, BadApiResponse, PixivApiError, RateLimitError } from '../../../lib/errors';
import { ContentType, Restriction, Size, Visibility } from '../../../lib/models';
import { API, fixture } from '../../support/mock-api';
import { BAD_IDS, BAD_OFFSETS } from '../request-shape';
import { decoding, gets, only, posts, refusing } from './build';
import type { EndpointRow } from './row';

/** The id of the account in the token fixture (`user.id` is the string "47041657" there). */
const ACCOUNT_ID = 47041657;
const NO_USERS = { user_previews: [], next_url: null };
const userDetail = (file: string) => fixture(`v1-user-detail/${file}`);
const illusts2021 = () => fixture('v1-user-illusts/azuline-2021-2188232.json');
const following2021 = () => fixture('v1-user-following/azuline-2021-126852.json');
const followers = () => fixture('v1-user-follower/azuline-2021-anonymized.json');

const user: EndpointRow[] = [
  {
    member: 'user$',
    title: 'sends GET /v1/user/detail with user_id and filter=for_ios',
    call: (client) => client.user$(2188232),
    sends: {
      method: 'GET',
      path: '/v1/user/detail',
      params: [
        ['user_id', '2188232'],
        ['filter', 'for_ios'],
      ],
    },
    reply: userDetail('azuline-2021-2188232.json'),
  },
  decoding({
    member: 'user$',
    title: 'decodes the 2021 body (wlop) with camelCase profile keys',
    call: (client) => client.user$(2188232),
    answer: userDetail('azuline-2021-2188232.json'),
    check: (outcome) => {
      const found = only(outcome);
      expect(found).toMatchObject({
        id: 2188232,
        name: 'wlop',
        account: 'wlop',
        isFollowed: false,
        profileImageUrls: {
          medium: 'https://i.pximg.net/user-profile/img/2016/01/20/14/32/29/10408877_978587c10c1ac2b02bca0caea6519c97_170.jpg',
        },
      });
      expect(found.comment).toMatch(/^中国人です、日本語ができませんが/);
      expect(found.comment).toContain('\r\n微博：http://www.weibo.com/wlop');
      expect(found.profile).toMatchObject({
        addressId: 48,
        countryCode: 'CN',
        region: 'China',
        birthDay: '06-05',
        birthYear: 0,
        job: 'IT',
        jobId: 1,
        totalFollowUsers: 53,
        totalIllusts: 158,
        totalIllustBookmarksPublic: 1,
        totalMypixivUsers: 4,
        isPremium: true,
        isUsingCustomProfileImage: true,
        twitterAccount: 'wlopwangling',
        twitterUrl: 'https://twitter.com/wlopwangling',
        pawooUrl: 'https://pawoo.net/oauth_authentications/2188232?provider=pixiv',
        webpage: 'http://weibo.com/wlop',
      });
      expect(found.profilePublicity).toEqual({
        birthDay: 'public',
        birthYear: 'public',
        gender: 'public',
        job: 'public',
        pawoo: true,
        region: 'public',
      });
      expect(found.workspace).toMatchObject({ pc: '', tool: '', comment: '', workspaceImageUrl: null });
      expect(found.isAccessBlockingUser).toBeUndefined();
    },
  }),
  decoding({
    member: 'user$',
    title: 'decodes the 2019 premium user with null background and pawoo URLs',
    call: (client) => client.user$(1039353),
    answer: userDetail('pixivutil2-2019-1039353.json'),
    check: (outcome) => {
      const found = only(outcome);
      expect(found).toMatchObject({ id: 1039353, name: 'Mika Pikazo', account: 'igix', isFollowed: false });
      expect(found.comment).toContain('Mika Pikazoです。ミカ ピカゾと読みます!\r\n');
      expect(found.profile).toMatchObject({
        webpage: 'https://www.mikapikazo.com',
        gender: 'female',
        birth: '1993-08-29',
        birthYear: 1993,
        totalFollowUsers: 1577,
        totalIllusts: 244,
        totalManga: 3,
        totalIllustBookmarksPublic: 381,
        backgroundImageUrl: null,
        pawooUrl: null,
        twitterAccount: 'MikaPikaZo',
        isPremium: true,
      });
      expect(found.workspace.workspaceImageUrl).toBeNull();
    },
  }),
  decoding({
    member: 'user$',
    title: 'decodes the 2019 user with the default avatar, is_followed true and birth year 1920',
    call: (client) => client.user$(26357),
    answer: userDetail('pixivutil2-2019-26357-no-profile.json'),
    check: (outcome) => {
      const found = only(outcome);
      expect(found).toMatchObject({
        id: 26357,
        name: '雪秀',
        account: 'yukimaruko',
        isFollowed: true,
        comment: '主に社会の底辺で転がってます。',
        profileImageUrls: { medium: 'https://s.pximg.net/common/images/no_profile.png' },
      });
      expect(found.profile).toMatchObject({
        webpage: null,
        gender: 'male',
        birthYear: 1920,
        region: 'Tokyo, Japan',
        jobId: 23,
        twitterUrl: null,
        isUsingCustomProfileImage: false,
      });
    },
  }),
  decoding({
    member: 'user$',
    title: 'decodes the DERIVED-PARTIAL 2023 body: is_access_blocking_user, private publicity, no omitted counters',
    // the codec treats profile keys as optional, so the two counters the snapshot dropped are simply absent
    call: (client) => client.user$(16568776),
    answer: userDetail('pixivts-2023-16568776-derived-partial.json'),
    check: (outcome) => {
      const found = only(outcome);
      expect(found).toMatchObject({
        id: 16568776,
        name: 'ihcamot',
        account: 'tomachi_book000',
        isFollowed: false,
        isAccessBlockingUser: false,
      });
      expect(found.profilePublicity).toEqual({
        birthDay: 'private',
        birthYear: 'private',
        gender: 'private',
        job: 'private',
        pawoo: false,
        region: 'private',
      });
      expect(found.profile).toMatchObject({ birth: '1990-03-10', region: '日本 山梨県', webpage: null, totalMypixivUsers: 1 });
      expect(found.profile).not.toHaveProperty('totalFollowUsers');
      expect(found.profile).not.toHaveProperty('totalIllustBookmarksPublic');
    },
  }),
  decoding({
    member: 'user$',
    title: 'errors with PixivApiError 403 (not a rate limit, not retried) when access is restricted',
    call: (client) => client.user$(52714160),
    withStatus: true,
    answer: [403, fixture('errors/app-api-access-restricted-2024.json')],
    then: [[403, fixture('errors/app-api-access-restricted-2024.json')]],
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(PixivApiError);
      expect(error).not.toBeInstanceOf(RateLimitError);
      expect((error as PixivApiError).status).toBe(403);
      expect((error as PixivApiError).userMessage).toBe('Your access is currently restricted.');
      expect(gets(requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'user$',
    title: 'errors with BadApiResponse at path "user" when the body lacks it',
    call: (client) => client.user$(2188232),
    answer: (() => {
      const body = userDetail('azuline-2021-2188232.json');
      delete body.user;
      return body;
    })(),
    check: ({ error }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('user');
    },
  }),
  ...refusing('user$', 'the id', BAD_IDS, (id) => (client) => client.user$(id), /userId/),
];

const userIllustrations: EndpointRow[] = [
  {
    member: 'userIllustrations$',
    title: 'sends GET /v1/user/illusts with user_id, type=illust and filter=for_ios by default',
    call: (client) => client.userIllustrations$(2188232),
    sends: {
      method: 'GET',
      path: '/v1/user/illusts',
      params: [
        ['user_id', '2188232'],
        ['type', 'illust'],
        ['filter', 'for_ios'],
      ],
    },
    reply: { illusts: [], next_url: null },
  },
  {
    member: 'userIllustrations$',
    title: 'sends type=manga and the offset when given',
    call: (client) => client.userIllustrations$(2188232, { contentType: ContentType.MANGA, offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v1/user/illusts',
      params: [
        ['user_id', '2188232'],
        ['type', 'manga'],
        ['filter', 'for_ios'],
        ['offset', '30'],
      ],
    },
    reply: { illusts: [], next_url: null },
  },
  decoding({
    member: 'userIllustrations$',
    title: 'decodes the 2021 page of wlop (12 multi-page works, total_comments on list items)',
    call: (client) => client.userIllustrationPages$(2188232).pipe(take(1)),
    answer: illusts2021(),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(30);
      const [first] = page.items;
      expect(first).toMatchObject({
        id: 87492458,
        title: '风玲',
        totalBookmarks: 7926,
        totalComments: 31,
        user: { id: 2188232, name: 'wlop' },
      });
      expect(first.createDate.toISOString()).toBe('2021-02-02T15:00:05.000Z');
      expect(first.imageUrls[Size.ORIGINAL]).toBe('https://i.pximg.net/img-original/img/2021/02/03/00/00/05/87492458_p0.jpg');
      expect(page.items[29]).toMatchObject({ id: 72461417, title: '舞', totalBookmarks: 26071 });
      expect(page.items.filter((w) => w.metaPages.length > 0)).toHaveLength(12);
      expect(page.items.filter((w) => w.metaPages.length > 0).every((w) => w.imageUrls[Size.ORIGINAL] === null)).toBe(true);
      expect(page.items.every((w) => typeof w.totalComments === 'number')).toBe(true);
      expect(page.nextUrl).toBe('https://app-api.pixiv.net/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios&offset=30');
      expect(page.next).toBe(30);
      expect(gets(outcome.requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'userIllustrations$',
    title: 'follows the next_url to a final page',
    call: (client) => client.userIllustrations$(2188232),
    answer: illusts2021(),
    then: [{ illusts: [], next_url: null }],
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values).toHaveLength(30);
      expect(gets(requests)).toHaveLength(2);
    },
  }),
  decoding({
    member: 'userIllustrations$',
    title: 'retries a page answered 503 and goes on with the listing',
    call: (client) => client.userIllustrations$(2188232),
    withStatus: true,
    answer: [200, illusts2021()],
    then: [
      [503, ''],
      [200, { illusts: illusts2021().illusts.slice(0, 2), next_url: null }],
    ],
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      const body = illusts2021();
      expect(values.map((w) => w.id)).toEqual([...body.illusts.map((w: { id: number }) => w.id), 87492458, body.illusts[1].id]);
      expect(requests.map((r) => r.url)).toEqual([
        `${API}/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios`,
        body.next_url,
        body.next_url,
      ]);
    },
  }),
  decoding({
    member: 'userIllustrations$',
    title: 'errors with BadApiResponse at path "illusts" when a 200 body lacks it',
    call: (client) => client.userIllustrations$(2188232),
    answer: { next_url: null },
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('illusts');
      expect(gets(requests)).toHaveLength(1);
    },
  }),
  ...refusing('userIllustrations$', 'the id', BAD_IDS, (id) => (client) => client.userIllustrations$(id), /userId/),
  ...refusing(
    'userIllustrations$',
    'the contentType',
    [
      [ContentType.NOVEL, ContentType.NOVEL],
      [ContentType.UGOIRA, ContentType.UGOIRA],
      ['x', 'x'],
    ],
    (contentType) => (client) => client.userIllustrations$(2188232, { contentType: contentType as never }),
    /contentType/,
  ),
  ...refusing('userIllustrations$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.userIllustrations$(2188232, { offset }), /offset/),
];

const following: EndpointRow[] = [
  {
    member: 'following$',
    title: 'sends GET /v1/user/following with user_id and restrict=public by default',
    call: (client) => client.following$(126852),
    sends: {
      method: 'GET',
      path: '/v1/user/following',
      params: [
        ['user_id', '126852'],
        ['restrict', 'public'],
      ],
    },
    reply: NO_USERS,
  },
  {
    member: 'following$',
    title: 'sends visibility and offset when given',
    call: (client) => client.following$(126852, { visibility: Visibility.PRIVATE, offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v1/user/following',
      params: [
        ['user_id', '126852'],
        ['restrict', 'private'],
        ['offset', '30'],
      ],
    },
    reply: NO_USERS,
  },
  decoding({
    member: 'following$',
    title: 'decodes the 2021 previews (R-18G works and series included)',
    call: (client) => client.followingPages$(126852).pipe(take(1)),
    answer: following2021(),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(30);
      const [first] = page.items;
      expect(first.user).toEqual({
        id: 14936402,
        name: '千',
        account: 'sen-yuki',
        isFollowed: false,
        profileImageUrls: {
          medium: 'https://i.pximg.net/user-profile/img/2015/07/03/23/03/09/9568270_1f5c5e63eb23a7bf11f03a34632a614b_170.png',
        },
      });
      expect(first.illustrations.map((w) => w.id)).toEqual([78836488, 78709721, 64253519]);
      expect(first.novels).toEqual([]);
      expect(first.isMuted).toBe(false);
      const withSeries = page.items[15];
      expect(withSeries.user.id).toBe(54851546);
      expect(withSeries.illustrations.map((w) => [w.id, w.type, w.series])).toEqual([
        [86683212, ContentType.MANGA, { id: 93790, title: 'ショタおに' }],
        [84543085, ContentType.MANGA, { id: 93790, title: 'ショタおに' }],
        [83720988, ContentType.MANGA, { id: 93790, title: 'ショタおに' }],
      ]);
      const r18g = page.items[27].illustrations.find((w) => w.id === 86690745);
      expect(r18g).toMatchObject({ title: 'RH_Log_05', xRestrict: 2, restriction: Restriction.R18G });
      expect(page.items[29].user).toMatchObject({ id: 8966556, name: 'あいだ', account: 'aidda' });
      expect(page.nextUrl).toBe('https://app-api.pixiv.net/v1/user/following?user_id=126852&restrict=public&offset=30');
      expect(page.next).toBe(30);
      expect(gets(outcome.requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'following$',
    title: 'follows the next_url to a final page',
    call: (client) => client.following$(126852),
    answer: following2021(),
    then: [NO_USERS],
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values).toHaveLength(30);
      expect(requests[1].url).toBe(following2021().next_url);
    },
  }),
  ...refusing('following$', 'the user id', BAD_IDS, (id) => (client) => client.following$(id), /userId/),
  {
    member: 'following$',
    title: 'errors with a TypeError before sending anything for the visibility "secret"',
    call: (client) => client.following$(126852, { visibility: 'secret' as never }),
    refuses: /visibility/,
  },
  ...refusing('following$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.following$(126852, { offset }), /offset/),
];

const followersRows: EndpointRow[] = [
  {
    member: 'followers$',
    title: "sends GET /v1/user/follower with the authenticated account's id and filter=for_ios",
    call: (client) => client.followers$(),
    sends: {
      method: 'GET',
      path: '/v1/user/follower',
      params: [
        ['user_id', String(ACCOUNT_ID)],
        ['filter', 'for_ios'],
      ],
    },
    reply: followers(),
  },
  decoding({
    member: 'followers$',
    title: 'authenticates once before the first page',
    call: (client) => client.followers$(),
    answer: followers(),
    check: ({ error, tokenRequests, requests }) => {
      expect(error).toBeUndefined();
      expect(tokenRequests).toBe(1);
      expect(gets(requests)).toHaveLength(1);
    },
  }),
  {
    member: 'followers$',
    title: 'sends the offset when given',
    call: (client) => client.followers$({ offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v1/user/follower',
      params: [
        ['user_id', String(ACCOUNT_ID)],
        ['filter', 'for_ios'],
        ['offset', '30'],
      ],
    },
    reply: followers(),
  },
  decoding({
    member: 'followers$',
    title: 'decodes the (anonymised) previews with empty illusts',
    call: (client) => client.followerPages$(),
    answer: followers(),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.nextUrl).toBeNull();
      expect(page.next).toBeNull();
      expect(page.items).toEqual([
        {
          user: {
            id: 11111111,
            name: 'User1',
            account: 'user_xxxx0001',
            isFollowed: false,
            profileImageUrls: { medium: 'https://i.pximg.net/user-profile/img/xxxxxxxx.jpg' },
          },
          illustrations: [],
          novels: [],
          isMuted: false,
        },
        {
          user: {
            id: 22222222,
            name: 'User2',
            account: 'user_xxxx0002',
            isFollowed: false,
            profileImageUrls: { medium: 'https://i.pximg.net/user-profile/img/xxxxxxxx.jpg' },
          },
          illustrations: [],
          novels: [],
          isMuted: false,
        },
      ]);
    },
  }),
  decoding({
    member: 'followers$',
    title: 'fails with AuthenticationRequired and sends nothing without credentials',
    client: { refreshToken: undefined },
    call: (client) => client.followers$(),
    answer: followers(),
    check: ({ error, requests, tokenRequests }) => {
      expect(error).toBeInstanceOf(AuthenticationRequired);
      expect(requests).toEqual([]);
      expect(tokenRequests).toBe(0);
    },
  }),
  ...refusing('followers$', 'the offset (no token request either)', BAD_OFFSETS, (offset) => (client) => client.followers$({ offset }), /offset/),
  decoding({
    member: 'followers$',
    title: 'errors with a TypeError and sends no API request for a bad offset once authenticated',
    call: (client) => client.authenticate('refresh-initial').pipe(mergeMap(() => client.followers$({ offset: -1 }))),
    answer: followers(),
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/offset/);
      expect(gets(requests)).toEqual([]);
    },
  }),
];

// ---- relatedUsers$, recommendedUsers$, mypixiv$ ------------------------------------------------

const relatedUsers: EndpointRow[] = [
  {
    member: 'relatedUsers$',
    title: 'sends GET /v1/user/related with filter=for_ios and seed_user_id last',
    call: (client) => client.relatedUsers$(2188232),
    sends: {
      method: 'GET',
      path: '/v1/user/related',
      params: [
        ['filter', 'for_ios'],
        ['seed_user_id', '2188232'],
      ],
    },
    reply: NO_USERS,
  },
  {
    member: 'relatedUsers$',
    title: 'sends the offset before seed_user_id when given',
    call: (client) => client.relatedUsers$(2188232, { offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v1/user/related',
      params: [
        ['filter', 'for_ios'],
        ['offset', '30'],
        ['seed_user_id', '2188232'],
      ],
    },
    reply: NO_USERS,
  },
  decoding({
    member: 'relatedUsers$',
    title: 'decodes previews as the other user listings send them (no recorded body: the recommended one stands in)',
    call: (client) => client.relatedUserPages$(2188232).pipe(take(1)),
    answer: fixture('v1-user-recommended/owlbear-2020-trimmed.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items.map((p) => [p.user.id, p.user.name])).toEqual([[444732, 'れい亜']]);
      expect(page.next).toBe(30);
    },
  }),
  ...refusing('relatedUsers$', 'the user id', BAD_IDS, (id) => (client) => client.relatedUsers$(id), /userId/),
  ...refusing('relatedUsers$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.relatedUsers$(1, { offset }), /offset/),
];

const recommendedUsers: EndpointRow[] = [
  {
    member: 'recommendedUsers$',
    title: 'sends GET /v1/user/recommended with filter=for_ios',
    call: (client) => client.recommendedUsers$(),
    sends: { method: 'GET', path: '/v1/user/recommended', params: [['filter', 'for_ios']] },
    reply: NO_USERS,
  },
  {
    member: 'recommendedUsers$',
    title: 'sends the offset when given',
    call: (client) => client.recommendedUsers$({ offset: 60 }),
    sends: {
      method: 'GET',
      path: '/v1/user/recommended',
      params: [
        ['filter', 'for_ios'],
        ['offset', '60'],
      ],
    },
    reply: NO_USERS,
  },
  decoding({
    member: 'recommendedUsers$',
    title: 'decodes the whole 2019 page: 30 previews of 3 illustrations each, and the offset cursor',
    call: (client) => client.recommendedUserPages$().pipe(take(1)),
    answer: fixture('v1-user-recommended/pixiv-shaft-2019.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(30);
      expect(page.items[0].user).toMatchObject({ id: 22438, name: 'ぽち。' });
      expect(page.items[0].illustrations.map((w) => w.id)).toEqual([72364728, 72364609, 72349160]);
      expect(page.items.every((p) => p.illustrations.length === 3 && !p.isMuted)).toBe(true);
      expect(page.nextUrl).toBe('https://app-api.pixiv.net/v1/user/recommended?filter=for_android&offset=30');
      expect(page.next).toBe(30);
    },
  }),
  decoding({
    member: 'recommendedUsers$',
    title: 'follows the 2020 next_url verbatim',
    call: (client) => client.recommendedUsers$(),
    answer: fixture('v1-user-recommended/owlbear-2020-trimmed.json'),
    then: [NO_USERS],
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values.map((p) => p.user.id)).toEqual([444732]);
      expect(requests[1].url).toBe('https://app-api.pixiv.net/v1/user/recommended?filter=for_android&offset=30');
    },
  }),
  ...refusing('recommendedUsers$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.recommendedUsers$({ offset }), /offset/),
];

const mypixiv: EndpointRow[] = [
  {
    member: 'mypixiv$',
    title: 'sends GET /v1/user/mypixiv with user_id',
    call: (client) => client.mypixiv$(9114625),
    sends: { method: 'GET', path: '/v1/user/mypixiv', params: [['user_id', '9114625']] },
    reply: NO_USERS,
  },
  {
    member: 'mypixiv$',
    title: 'sends the offset when given',
    call: (client) => client.mypixiv$(9114625, { offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v1/user/mypixiv',
      params: [
        ['user_id', '9114625'],
        ['offset', '30'],
      ],
    },
    reply: NO_USERS,
  },
  decoding({
    member: 'mypixiv$',
    title: 'decodes the 2019 page (next_url null) and completes',
    call: (client) => client.mypixivPages$(9114625),
    answer: fixture('v1-user-mypixiv/owlbear-2019-trimmed.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items.map((p) => [p.user.id, p.user.name, p.illustrations.map((w) => w.id)])).toEqual([
        [9114625, 'ぎわしー', [60388955, 55124939, 55115509]],
      ]);
      expect(page.nextUrl).toBeNull();
      expect(posts(outcome.requests)).toHaveLength(0);
    },
  }),
  decoding({
    member: 'mypixiv$',
    title: 'errors with BadApiResponse at path "user_previews" when the body lacks it',
    call: (client) => client.mypixiv$(1),
    answer: { users: [], next_url: null },
    check: ({ error }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('user_previews');
    },
  }),
  ...refusing('mypixiv$', 'the user id', BAD_IDS, (id) => (client) => client.mypixiv$(id), /userId/),
  ...refusing('mypixiv$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.mypixiv$(1, { offset }), /offset/),
];

export const rows: readonly EndpointRow[] = [
  ...user,
  ...userIllustrations,
  ...following,
  ...followersRows,
  ...relatedUsers,
  ...recommendedUsers,
  ...mypixiv,
];
