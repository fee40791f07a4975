import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { AuthenticationRequired, BadApiResponse, PixivApiError, RateLimitError } from '../../lib/errors';
import { ContentType, Size, Visibility } from '../../lib/models';
import { API, fixture, mockedClient } from '../support/mock-api';
import {
  BAD_IDS,
  BAD_OFFSETS,
  errorOf,
  expectAppHeaders,
  expectTypeErrorBeforeSending,
  sentGets,
  settle,
} from './request-shape';

const USER_DETAIL = /\/v1\/user\/detail\?/;
const USER_ILLUSTS = /\/v1\/user\/illusts\?/;
const FOLLOWING = /\/v1\/user\/following\?/;
const FOLLOWER = /\/v1\/user\/follower\?/;

/** The id of the account in the token fixture (`user.id` is the string "47041657" there). */
const ACCOUNT_ID = 47041657;

describe('user$', () => {
  const userDetail = (file: string) => fixture(`v1-user-detail/${file}`);

  it('sends GET /v1/user/detail with user_id and filter=for_ios', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(USER_DETAIL).reply(200, userDetail('azuline-2021-2188232.json'));
    await firstValueFrom(client.user$(2188232));
    const [request, ...others] = sentGets(mock);
    expect(others).toHaveLength(0);
    expect(request!.path).toBe('/v1/user/detail');
    expect(request!.query).toEqual([
      ['user_id', '2188232'],
      ['filter', 'for_ios'],
    ]);
    expectAppHeaders(request!);
  });

  it('decodes the 2021 body (wlop) with camelCase profile keys', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(USER_DETAIL).reply(200, userDetail('azuline-2021-2188232.json'));
    const user = await firstValueFrom(client.user$(2188232));
    expect(user).toMatchObject({
      id: 2188232,
      name: 'wlop',
      account: 'wlop',
      isFollowed: false,
      profileImageUrls: {
        medium: 'https://i.pximg.net/user-profile/img/2016/01/20/14/32/29/10408877_978587c10c1ac2b02bca0caea6519c97_170.jpg',
      },
    });
    expect(user.comment).toMatch(/^中国人です、日本語ができませんが/);
    expect(user.comment).toContain('\r\n微博：http://www.weibo.com/wlop');
    expect(user.profile).toMatchObject({
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
    expect(user.profilePublicity).toEqual({
      birthDay: 'public',
      birthYear: 'public',
      gender: 'public',
      job: 'public',
      pawoo: true,
      region: 'public',
    });
    expect(user.workspace).toMatchObject({ pc: '', tool: '', comment: '', workspaceImageUrl: null });
    expect(user.isAccessBlockingUser).toBeUndefined();
  });

  it('decodes the 2019 premium user with null background and pawoo URLs', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(USER_DETAIL).reply(200, userDetail('pixivutil2-2019-1039353.json'));
    const user = await firstValueFrom(client.user$(1039353));
    expect(user).toMatchObject({ id: 1039353, name: 'Mika Pikazo', account: 'igix', isFollowed: false });
    expect(user.comment).toContain('Mika Pikazoです。ミカ ピカゾと読みます!\r\n');
    expect(user.profile).toMatchObject({
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
    expect(user.workspace.workspaceImageUrl).toBeNull();
  });

  it('decodes the 2019 user with the default avatar, is_followed true and birth year 1920', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(USER_DETAIL).reply(200, userDetail('pixivutil2-2019-26357-no-profile.json'));
    const user = await firstValueFrom(client.user$(26357));
    expect(user).toMatchObject({
      id: 26357,
      name: '雪秀',
      account: 'yukimaruko',
      isFollowed: true,
      comment: '主に社会の底辺で転がってます。',
      profileImageUrls: { medium: 'https://s.pximg.net/common/images/no_profile.png' },
    });
    expect(user.profile).toMatchObject({
      webpage: null,
      gender: 'male',
      birthYear: 1920,
      region: 'Tokyo, Japan',
      jobId: 23,
      twitterUrl: null,
      isUsingCustomProfileImage: false,
    });
  });

  it('decodes the DERIVED-PARTIAL 2023 body: is_access_blocking_user, private publicity, no omitted counters', async () => {
    // the codec treats profile keys as optional, so the two counters the snapshot dropped are simply absent
    const { client, mock } = mockedClient();
    mock.onGet(USER_DETAIL).reply(200, userDetail('pixivts-2023-16568776-derived-partial.json'));
    const user = await firstValueFrom(client.user$(16568776));
    expect(user).toMatchObject({
      id: 16568776,
      name: 'ihcamot',
      account: 'tomachi_book000',
      isFollowed: false,
      isAccessBlockingUser: false,
    });
    expect(user.profilePublicity).toEqual({
      birthDay: 'private',
      birthYear: 'private',
      gender: 'private',
      job: 'private',
      pawoo: false,
      region: 'private',
    });
    expect(user.profile).toMatchObject({ birth: '1990-03-10', region: '日本 山梨県', webpage: null, totalMypixivUsers: 1 });
    expect(user.profile).not.toHaveProperty('totalFollowUsers');
    expect(user.profile).not.toHaveProperty('totalIllustBookmarksPublic');
  });

  it('errors with PixivApiError 403 (not a rate limit, not retried) when access is restricted', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(USER_DETAIL).reply(403, fixture('errors/app-api-access-restricted-2024.json'));
    const error = await errorOf(client.user$(52714160));
    expect(error).toBeInstanceOf(PixivApiError);
    expect(error).not.toBeInstanceOf(RateLimitError);
    expect((error as PixivApiError).status).toBe(403);
    expect((error as PixivApiError).userMessage).toBe('Your access is currently restricted.');
    expect(mock.history.get).toHaveLength(1);
  });

  it('errors with BadApiResponse at path "user" when the body lacks it', async () => {
    const { client, mock } = mockedClient();
    const body = userDetail('azuline-2021-2188232.json');
    delete body.user;
    mock.onGet(USER_DETAIL).reply(200, body);
    const error = await errorOf(client.user$(2188232));
    expect(error).toBeInstanceOf(BadApiResponse);
    expect((error as BadApiResponse).path).toBe('user');
  });

  it.each(BAD_IDS)('errors with a TypeError before sending anything for the id %s', (_, id) =>
    expectTypeErrorBeforeSending((client) => client.user$(id), /userId/));
});

describe('userIllustrations$', () => {
  const illusts2021 = () => fixture('v1-user-illusts/azuline-2021-2188232.json');

  it('sends GET /v1/user/illusts with user_id, type=illust and filter=for_ios by default', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(USER_ILLUSTS).reply(200, { illusts: [], next_url: null });
    await lastValueFrom(client.userIllustrations$(2188232).pipe(toArray()));
    const [request] = sentGets(mock);
    expect(request!.path).toBe('/v1/user/illusts');
    expect(request!.query).toEqual([
      ['user_id', '2188232'],
      ['type', 'illust'],
      ['filter', 'for_ios'],
    ]);
    expectAppHeaders(request!);
  });

  it('sends type=manga and the offset when given', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(USER_ILLUSTS).reply(200, { illusts: [], next_url: null });
    await lastValueFrom(client.userIllustrations$(2188232, { contentType: ContentType.MANGA, offset: 30 }).pipe(toArray()));
    expect(sentGets(mock)[0]!.query).toEqual([
      ['user_id', '2188232'],
      ['type', 'manga'],
      ['filter', 'for_ios'],
      ['offset', '30'],
    ]);
  });

  it('decodes the 2021 page of wlop (12 multi-page works, total_comments on list items)', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(USER_ILLUSTS).replyOnce(200, illusts2021());
    const page = await firstValueFrom(client.userIllustrationPages$(2188232));
    expect(page.items).toHaveLength(30);
    const [first] = page.items;
    expect(first).toMatchObject({
      id: 87492458,
      title: '风玲',
      totalBookmarks: 7926,
      totalComments: 31,
      user: { id: 2188232, name: 'wlop' },
    });
    expect(first!.createDate.toISOString()).toBe('2021-02-02T15:00:05.000Z');
    expect(first!.imageUrls[Size.ORIGINAL]).toBe(
      'https://i.pximg.net/img-original/img/2021/02/03/00/00/05/87492458_p0.jpg',
    );
    expect(page.items[29]).toMatchObject({ id: 72461417, title: '舞', totalBookmarks: 26071 });
    expect(page.items.filter((w) => w.metaPages.length > 0)).toHaveLength(12);
    expect(page.items.filter((w) => w.metaPages.length > 0).every((w) => w.imageUrls[Size.ORIGINAL] === null)).toBe(true);
    expect(page.items.every((w) => typeof w.totalComments === 'number')).toBe(true);
    expect(page.nextUrl).toBe('https://app-api.pixiv.net/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios&offset=30');
    expect(page.next).toBe(30);
    await settle();
    expect(mock.history.get).toHaveLength(1);
  });

  it('follows the next_url to a final page', async () => {
    const { client, mock } = mockedClient();
    const body = illusts2021();
    mock
      .onGet(`${API}/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios`)
      .replyOnce(200, body)
      .onGet(body.next_url)
      .replyOnce(200, { illusts: [], next_url: null });
    const works = await lastValueFrom(client.userIllustrations$(2188232).pipe(toArray()));
    expect(works).toHaveLength(30);
    expect(mock.history.get).toHaveLength(2);
  });

  it('retries a page answered 503 and goes on with the listing', async () => {
    const { client, mock } = mockedClient();
    const body = illusts2021();
    mock
      .onGet(`${API}/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios`)
      .replyOnce(200, body)
      .onGet(body.next_url)
      .replyOnce(503, '')
      .onGet(body.next_url)
      .replyOnce(200, { illusts: body.illusts.slice(0, 2), next_url: null });
    const works = await lastValueFrom(client.userIllustrations$(2188232).pipe(toArray()));
    expect(works.map((w) => w.id)).toEqual([...body.illusts.map((w: { id: number }) => w.id), 87492458, body.illusts[1].id]);
    expect(mock.history.get.map((r) => r.url)).toEqual([
      `${API}/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios`,
      body.next_url,
      body.next_url,
    ]);
  });

  it('errors with BadApiResponse at path "illusts" when a 200 body lacks it', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(USER_ILLUSTS).reply(200, { next_url: null });
    const error = await errorOf(client.userIllustrations$(2188232));
    expect(error).toBeInstanceOf(BadApiResponse);
    expect((error as BadApiResponse).path).toBe('illusts');
    expect(mock.history.get).toHaveLength(1);
  });

  it.each(BAD_IDS)('errors with a TypeError before sending anything for the id %s', (_, id) =>
    expectTypeErrorBeforeSending((client) => client.userIllustrations$(id), /userId/));

  it.each([[ContentType.NOVEL], [ContentType.UGOIRA], ['x']])(
    'errors with a TypeError before sending anything for the contentType %s',
    (contentType) =>
      expectTypeErrorBeforeSending(
        (client) => client.userIllustrations$(2188232, { contentType: contentType as never }),
        /contentType/,
      ),
  );

  it.each(BAD_OFFSETS)('errors with a TypeError before sending anything for the offset %s', (_, offset) =>
    expectTypeErrorBeforeSending((client) => client.userIllustrations$(2188232, { offset }), /offset/));
});

describe('following$', () => {
  const following2021 = () => fixture('v1-user-following/azuline-2021-126852.json');

  it('sends GET /v1/user/following with user_id and restrict=public by default', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(FOLLOWING).reply(200, { user_previews: [], next_url: null });
    await lastValueFrom(client.following$(126852).pipe(toArray()));
    const [request] = sentGets(mock);
    expect(request!.path).toBe('/v1/user/following');
    expect(request!.query).toEqual([
      ['user_id', '126852'],
      ['restrict', 'public'],
    ]);
    expectAppHeaders(request!);
  });

  it('sends visibility and offset when given', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(FOLLOWING).reply(200, { user_previews: [], next_url: null });
    await lastValueFrom(client.following$(126852, { visibility: Visibility.PRIVATE, offset: 30 }).pipe(toArray()));
    expect(sentGets(mock)[0]!.query).toEqual([
      ['user_id', '126852'],
      ['restrict', 'private'],
      ['offset', '30'],
    ]);
  });

  it('decodes the 2021 previews (R-18G works and series included)', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(FOLLOWING).replyOnce(200, following2021());
    const page = await firstValueFrom(client.followingPages$(126852));
    expect(page.items).toHaveLength(30);
    const [first] = page.items;
    expect(first!.user).toEqual({
      id: 14936402,
      name: '千',
      account: 'sen-yuki',
      isFollowed: false,
      profileImageUrls: {
        medium: 'https://i.pximg.net/user-profile/img/2015/07/03/23/03/09/9568270_1f5c5e63eb23a7bf11f03a34632a614b_170.png',
      },
    });
    expect(first!.illustrations.map((w) => w.id)).toEqual([78836488, 78709721, 64253519]);
    expect(first!.novels).toEqual([]);
    expect(first!.isMuted).toBe(false);
    const withSeries = page.items[15]!;
    expect(withSeries.user.id).toBe(54851546);
    expect(withSeries.illustrations.map((w) => [w.id, w.type, w.series])).toEqual([
      [86683212, ContentType.MANGA, { id: 93790, title: 'ショタおに' }],
      [84543085, ContentType.MANGA, { id: 93790, title: 'ショタおに' }],
      [83720988, ContentType.MANGA, { id: 93790, title: 'ショタおに' }],
    ]);
    const r18g = page.items[27]!.illustrations.find((w) => w.id === 86690745);
    expect(r18g).toMatchObject({ title: 'RH_Log_05', xRestrict: 2 });
    expect(page.items[29]!.user).toMatchObject({ id: 8966556, name: 'あいだ', account: 'aidda' });
    expect(page.nextUrl).toBe('https://app-api.pixiv.net/v1/user/following?user_id=126852&restrict=public&offset=30');
    expect(page.next).toBe(30);
    await settle();
    expect(mock.history.get).toHaveLength(1);
  });

  it('follows the next_url to a final page', async () => {
    const { client, mock } = mockedClient();
    const body = following2021();
    mock.onGet(FOLLOWING).replyOnce(200, body).onGet(body.next_url).replyOnce(200, { user_previews: [], next_url: null });
    const previews = await lastValueFrom(client.following$(126852).pipe(toArray()));
    expect(previews).toHaveLength(30);
    expect(mock.history.get[1]!.url).toBe(body.next_url);
  });

  it.each(BAD_IDS)('errors with a TypeError before sending anything for the user id %s', (_, id) =>
    expectTypeErrorBeforeSending((client) => client.following$(id), /userId/));

  it('errors with a TypeError before sending anything for the visibility "secret"', () =>
    expectTypeErrorBeforeSending((client) => client.following$(126852, { visibility: 'secret' as never }), /visibility/));

  it.each(BAD_OFFSETS)('errors with a TypeError before sending anything for the offset %s', (_, offset) =>
    expectTypeErrorBeforeSending((client) => client.following$(126852, { offset }), /offset/));
});

describe('followers$', () => {
  const followers = () => fixture('v1-user-follower/azuline-2021-anonymized.json');

  it("sends GET /v1/user/follower with the authenticated account's id and filter=for_ios", async () => {
    const { client, mock, tokenRequests } = mockedClient();
    mock.onGet(FOLLOWER).reply(200, followers());
    await lastValueFrom(client.followers$().pipe(toArray()));
    expect(tokenRequests()).toHaveLength(1);
    const [request, ...others] = sentGets(mock);
    expect(others).toHaveLength(0);
    expect(request!.path).toBe('/v1/user/follower');
    expect(request!.query).toEqual([
      ['user_id', String(ACCOUNT_ID)],
      ['filter', 'for_ios'],
    ]);
    expectAppHeaders(request!);
  });

  it('sends the offset when given', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(FOLLOWER).reply(200, followers());
    await lastValueFrom(client.followers$({ offset: 30 }).pipe(toArray()));
    expect(sentGets(mock)[0]!.query).toEqual([
      ['user_id', String(ACCOUNT_ID)],
      ['filter', 'for_ios'],
      ['offset', '30'],
    ]);
  });

  it('decodes the (anonymised) previews with empty illusts', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(FOLLOWER).reply(200, followers());
    const pages = await lastValueFrom(client.followerPages$().pipe(toArray()));
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page!.nextUrl).toBeNull();
    expect(page!.next).toBeNull();
    expect(page!.items).toEqual([
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
  });

  it('fails with AuthenticationRequired and sends nothing without credentials', async () => {
    const { client, mock } = mockedClient({ refreshToken: undefined });
    mock.onGet(FOLLOWER).reply(200, followers());
    const error = await errorOf(client.followers$());
    expect(error).toBeInstanceOf(AuthenticationRequired);
    expect(mock.history.get).toHaveLength(0);
    expect(mock.history.post).toHaveLength(0);
  });

  it.each(BAD_OFFSETS)('errors with a TypeError before sending anything (no token request either) for the offset %s', (_, offset) =>
    expectTypeErrorBeforeSending((client) => client.followers$({ offset }), /offset/));

  it('errors with a TypeError and sends no API request for a bad offset once authenticated', async () => {
    const { client, mock } = mockedClient();
    await firstValueFrom(client.authenticate('refresh-initial'));
    const error = await errorOf(client.followers$({ offset: -1 }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/offset/);
    await settle();
    expect(mock.history.get.map((r) => r.url)).toEqual([]);
  });
});
