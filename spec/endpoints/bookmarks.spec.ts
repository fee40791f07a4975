import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { NetworkError, PixivApiError } from '../../lib/errors';
import { ContentType, Size, Visibility } from '../../lib/models';
import { API, fixture, mockedClient } from '../support/mock-api';
import {
  BAD_IDS,
  BAD_OFFSETS,
  DELETED_WORK_BODY,
  errorOf,
  expectAppHeaders,
  expectTypeErrorBeforeSending,
  sentGets,
  sentPosts,
  settle,
} from './request-shape';

const BOOKMARK_DETAIL = /\/v2\/illust\/bookmark\/detail\?/;
const ADD_URL = `${API}/v2/illust/bookmark/add`;
const DELETE_URL = `${API}/v1/illust/bookmark/delete`;
const USER_BOOKMARKS = /\/v1\/user\/bookmarks\/illust\?/;
const BOOKMARK_TAGS = /\/v1\/user\/bookmark-tags\/illust\?/;

/** A transport failure that proves the request never left: what Node reports for a refused connection. */
const connectionRefused = () =>
  Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }));

describe('bookmark$', () => {
  it('sends GET /v2/illust/bookmark/detail with illust_id', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(BOOKMARK_DETAIL).reply(200, fixture('v2-illust-bookmark-detail/azuline-2021.json'));
    await firstValueFrom(client.bookmark$(87492458));
    const [request, ...others] = sentGets(mock);
    expect(others).toHaveLength(0);
    expect(request!.path).toBe('/v2/illust/bookmark/detail');
    expect(request!.query).toEqual([['illust_id', '87492458']]);
    expectAppHeaders(request!);
  });

  it('decodes the bookmark detail: isBookmarked, visibility and tags', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(BOOKMARK_DETAIL).reply(200, fixture('v2-illust-bookmark-detail/azuline-2021.json'));
    const detail = await firstValueFrom(client.bookmark$(87492458));
    expect(detail).toEqual({
      isBookmarked: true,
      visibility: Visibility.PUBLIC,
      tags: [
        { name: 'ghostblade', isRegistered: false },
        { name: '风玲', isRegistered: false },
        { name: 'ボディチェーン', isRegistered: false },
        { name: 'プランジングネック', isRegistered: false },
        { name: 'オリジナル10000users入り', isRegistered: false },
      ],
    });
  });

  it('errors with PixivApiError 404 and the userMessage for a deleted work', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(BOOKMARK_DETAIL).reply(404, DELETED_WORK_BODY);
    const error = await errorOf(client.bookmark$(1));
    expect(error).toBeInstanceOf(PixivApiError);
    expect((error as PixivApiError).status).toBe(404);
    expect((error as PixivApiError).userMessage).toBe('The artwork has been deleted or the artwork ID does not exist.');
    expect(mock.history.get).toHaveLength(1);
  });

  it.each(BAD_IDS)('errors with a TypeError before sending anything for the id %s', (_, id) =>
    expectTypeErrorBeforeSending((client) => client.bookmark$(id), /illustrationId/));
});

describe('addBookmark', () => {
  it('POSTs the form illust_id, restrict=public to /v2/illust/bookmark/add and emits once', async () => {
    const { client, mock } = mockedClient();
    mock.onPost(ADD_URL).reply(200, {});
    const emitted = await lastValueFrom(client.addBookmark(87492458).pipe(toArray()));
    expect(emitted).toEqual([undefined]);
    const [request, ...others] = sentPosts(mock);
    expect(others).toHaveLength(0);
    expect(request!.method).toBe('POST');
    expect(request!.origin).toBe(API);
    expect(request!.path).toBe('/v2/illust/bookmark/add');
    expect(request!.query).toEqual([]);
    expect(request!.form).toEqual([
      ['illust_id', '87492458'],
      ['restrict', 'public'],
    ]);
    expect(request!.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    expectAppHeaders(request!);
    expect(mock.history.get).toHaveLength(0);
  });

  it('sends the visibility and one tags[] entry per tag', async () => {
    const { client, mock } = mockedClient();
    mock.onPost(ADD_URL).reply(200, {});
    await lastValueFrom(
      client.addBookmark(87492458, { visibility: Visibility.PRIVATE, tags: ['ghostblade', 'a b&c', '风玲'] }).pipe(toArray()),
    );
    expect(sentPosts(mock)[0]!.form).toEqual([
      ['illust_id', '87492458'],
      ['restrict', 'private'],
      ['tags[]', 'ghostblade'],
      ['tags[]', 'a b&c'],
      ['tags[]', '风玲'],
    ]);
  });

  it('sends nothing before subscription', async () => {
    const { client, mock } = mockedClient();
    mock.onPost(ADD_URL).reply(200, {});
    client.addBookmark(87492458);
    await settle();
    expect(mock.history.post).toHaveLength(0);
  });

  it('does not retry a POST answered 503: exactly one POST', async () => {
    const { client, mock } = mockedClient();
    mock.onPost(ADD_URL).reply(503, '');
    const error = await errorOf(client.addBookmark(87492458));
    expect(error).toBeInstanceOf(PixivApiError);
    expect((error as PixivApiError).status).toBe(503);
    await settle();
    expect(sentPosts(mock)).toHaveLength(1);
  });

  it('does not retry a network error of unknown cause (it may have reached the server)', async () => {
    // axios-mock-adapter's networkError carries no `code`: the library cannot prove the POST never
    // arrived, so it treats it as reachedServer and, the POST not being idempotent, does not resend
    const { client, mock } = mockedClient();
    mock.onPost(ADD_URL).networkErrorOnce().onPost(ADD_URL).reply(200, {});
    const error = await errorOf(client.addBookmark(87492458));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).kind).toBe('other');
    expect((error as NetworkError).reachedServer).toBe(true);
    await settle();
    expect(sentPosts(mock)).toHaveLength(1);
  });

  it('retries a POST whose connection was refused (it never reached the server)', async () => {
    const { client, mock } = mockedClient();
    mock.onPost(ADD_URL).replyOnce(connectionRefused).onPost(ADD_URL).reply(200, {});
    const emitted = await lastValueFrom(client.addBookmark(87492458).pipe(toArray()));
    expect(emitted).toEqual([undefined]);
    const posts = sentPosts(mock);
    expect(posts).toHaveLength(2);
    expect(posts[1]!.form).toEqual(posts[0]!.form);
  });

  it('errors with NetworkError kind "refused" when every attempt is refused', async () => {
    const { client, mock } = mockedClient();
    mock.onPost(ADD_URL).reply(connectionRefused);
    const error = await errorOf(client.addBookmark(87492458));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).kind).toBe('refused');
    expect((error as NetworkError).reachedServer).toBe(false);
    expect(sentPosts(mock)).toHaveLength(4);
  });

  it.each(BAD_IDS)('errors with a TypeError before sending anything for the id %s', (_, id) =>
    expectTypeErrorBeforeSending((client) => client.addBookmark(id), /illustrationId/));

  it('errors with a TypeError before sending anything for the visibility "secret"', () =>
    expectTypeErrorBeforeSending(
      (client) => client.addBookmark(87492458, { visibility: 'secret' as never }),
      /visibility/,
    ));

  it.each([[['ok', '']], [['  ']]])('errors with a TypeError before sending anything for the tags %j', (tags) =>
    expectTypeErrorBeforeSending((client) => client.addBookmark(87492458, { tags }), /tags/));
});

describe('deleteBookmark', () => {
  it('POSTs the form illust_id to /v1/illust/bookmark/delete and emits once', async () => {
    const { client, mock } = mockedClient();
    mock.onPost(DELETE_URL).reply(200, {});
    const emitted = await lastValueFrom(client.deleteBookmark(87492458).pipe(toArray()));
    expect(emitted).toEqual([undefined]);
    const [request, ...others] = sentPosts(mock);
    expect(others).toHaveLength(0);
    expect(request!.path).toBe('/v1/illust/bookmark/delete');
    expect(request!.query).toEqual([]);
    expect(request!.form).toEqual([['illust_id', '87492458']]);
    expect(request!.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    expectAppHeaders(request!);
  });

  it('does not retry a POST answered 503: exactly one POST', async () => {
    const { client, mock } = mockedClient();
    mock.onPost(DELETE_URL).reply(503, '');
    const error = await errorOf(client.deleteBookmark(87492458));
    expect(error).toBeInstanceOf(PixivApiError);
    expect((error as PixivApiError).status).toBe(503);
    await settle();
    expect(sentPosts(mock)).toHaveLength(1);
  });

  it.each(BAD_IDS)('errors with a TypeError before sending anything for the id %s', (_, id) =>
    expectTypeErrorBeforeSending((client) => client.deleteBookmark(id), /illustrationId/));
});

describe('userBookmarks$', () => {
  const bookmarks2018 = () => fixture('v1-user-bookmarks-illust/pix-ezviewer-2018-660788.json');

  it('sends GET /v1/user/bookmarks/illust with user_id and restrict=public by default', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(USER_BOOKMARKS).reply(200, { illusts: [], next_url: null });
    await lastValueFrom(client.userBookmarks$(660788).pipe(toArray()));
    const [request] = sentGets(mock);
    expect(request!.path).toBe('/v1/user/bookmarks/illust');
    expect(request!.query).toEqual([
      ['user_id', '660788'],
      ['restrict', 'public'],
    ]);
    expectAppHeaders(request!);
  });

  it('sends visibility, max_bookmark_id and tag when given', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(USER_BOOKMARKS).reply(200, { illusts: [], next_url: null });
    await lastValueFrom(
      client
        .userBookmarks$(660788, { visibility: Visibility.PRIVATE, maxBookmarkId: 1410465204, tag: 'オリジナル 10000users' })
        .pipe(toArray()),
    );
    expect(sentGets(mock)[0]!.query).toEqual([
      ['user_id', '660788'],
      ['restrict', 'private'],
      ['max_bookmark_id', '1410465204'],
      ['tag', 'オリジナル 10000users'],
    ]);
  });

  it('decodes the 2018 shape; next is the max_bookmark_id of next_url', async () => {
    const { client, mock } = mockedClient();
    const body = bookmarks2018();
    mock.onGet(USER_BOOKMARKS).replyOnce(200, body);
    const page = await firstValueFrom(client.userBookmarkPages$(660788));
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
    expect(first!.createDate.toISOString()).toBe('2016-04-29T12:10:04.000Z');
    expect(first!.tags[0]).toEqual({ name: '王の間の決戦【青】', translatedName: null });
    expect(first!.imageUrls[Size.SQUARE_MEDIUM]).toBe(
      'https://i.pximg.net/c/360x360_70/img-master/img/2016/04/29/21/10/04/56596549_p0_square1200.jpg',
    );
    expect(page.items[29]).toMatchObject({ id: 45464867, title: '空母棲姫', totalBookmarks: 34158 });
    expect(page.items[29]!.createDate.toISOString()).toBe('2014-08-19T15:13:24.000Z');
    expect(page.items.every((w) => w.xRestrict === 0)).toBe(true);
    expect(page.items.every((w) => w.tags.every((tag) => tag.translatedName === null))).toBe(true);
    await settle();
    expect(mock.history.get).toHaveLength(1);
  });

  it('follows the next_url to a final page', async () => {
    const { client, mock } = mockedClient();
    const body = bookmarks2018();
    mock.onGet(USER_BOOKMARKS).replyOnce(200, body).onGet(body.next_url).replyOnce(200, { illusts: [], next_url: null });
    const works = await lastValueFrom(client.userBookmarks$(660788).pipe(toArray()));
    expect(works).toHaveLength(30);
    expect(mock.history.get[1]!.url).toBe(body.next_url);
  });

  it.each(BAD_IDS)('errors with a TypeError before sending anything for the user id %s', (_, id) =>
    expectTypeErrorBeforeSending((client) => client.userBookmarks$(id), /userId/));

  it.each(BAD_IDS)('errors with a TypeError before sending anything for the maxBookmarkId %s', (_, id) =>
    expectTypeErrorBeforeSending((client) => client.userBookmarks$(660788, { maxBookmarkId: id }), /maxBookmarkId/));

  it('errors with a TypeError before sending anything for the visibility "secret"', () =>
    expectTypeErrorBeforeSending(
      (client) => client.userBookmarks$(660788, { visibility: 'secret' as never }),
      /visibility/,
    ));

  it.each([[''], ['  ']])('errors with a TypeError before sending anything for the tag %j', (tag) =>
    expectTypeErrorBeforeSending((client) => client.userBookmarks$(660788, { tag }), /tag/));
});

describe('userBookmarkTags$', () => {
  const tags2021 = () => fixture('v1-user-bookmark-tags-illust/azuline-2021.json');

  it('sends GET /v1/user/bookmark-tags/illust with user_id and restrict=public by default', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(BOOKMARK_TAGS).reply(200, { bookmark_tags: [], next_url: null });
    await lastValueFrom(client.userBookmarkTags$(126852).pipe(toArray()));
    const [request] = sentGets(mock);
    expect(request!.path).toBe('/v1/user/bookmark-tags/illust');
    expect(request!.query).toEqual([
      ['user_id', '126852'],
      ['restrict', 'public'],
    ]);
    expectAppHeaders(request!);
  });

  it('sends visibility and offset when given', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(BOOKMARK_TAGS).reply(200, { bookmark_tags: [], next_url: null });
    await lastValueFrom(client.userBookmarkTags$(126852, { visibility: Visibility.PRIVATE, offset: 30 }).pipe(toArray()));
    expect(sentGets(mock)[0]!.query).toEqual([
      ['user_id', '126852'],
      ['restrict', 'private'],
      ['offset', '30'],
    ]);
  });

  it('decodes the 2021 bookmark tags', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(BOOKMARK_TAGS).replyOnce(200, tags2021());
    const page = await firstValueFrom(client.userBookmarkTagPages$(126852));
    expect(page.items).toHaveLength(30);
    expect(page.items.slice(0, 3)).toEqual([
      { name: '9S', count: 3 },
      { name: 'CLIPSTUDIOPAINT', count: 1 },
      { name: 'FGO', count: 2 },
    ]);
    expect(page.items[29]).toEqual({ name: 'ご注文はうさぎですか?', count: 1 });
    expect(page.nextUrl).toBe('https://app-api.pixiv.net/v1/user/bookmark-tags/illust?user_id=126852&restrict=public&offset=30');
    expect(page.next).toBe(30);
    await settle();
    expect(mock.history.get).toHaveLength(1);
  });

  it('follows the next_url to a final page', async () => {
    const { client, mock } = mockedClient();
    const body = tags2021();
    mock
      .onGet(`${API}/v1/user/bookmark-tags/illust?user_id=126852&restrict=public`)
      .replyOnce(200, body)
      .onGet(body.next_url)
      .replyOnce(200, { bookmark_tags: [{ name: 'last', count: 9 }], next_url: null });
    const tags = await lastValueFrom(client.userBookmarkTags$(126852).pipe(toArray()));
    expect(tags).toHaveLength(31);
    expect(tags[30]).toEqual({ name: 'last', count: 9 });
  });

  it.each(BAD_IDS)('errors with a TypeError before sending anything for the user id %s', (_, id) =>
    expectTypeErrorBeforeSending((client) => client.userBookmarkTags$(id), /userId/));

  it('errors with a TypeError before sending anything for the visibility "secret"', () =>
    expectTypeErrorBeforeSending(
      (client) => client.userBookmarkTags$(126852, { visibility: 'secret' as never }),
      /visibility/,
    ));

  it.each(BAD_OFFSETS)('errors with a TypeError before sending anything for the offset %s', (_, offset) =>
    expectTypeErrorBeforeSending((client) => client.userBookmarkTags$(126852, { offset }), /offset/));
});
