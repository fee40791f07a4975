import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { BadApiResponse, PixivApiError, RateLimitError } from '../../lib/errors';
import { ContentType, RankingMode, Size, Visibility } from '../../lib/models';
import { API, fixture, mockedClient } from '../support/mock-api';
import {
  BAD_IDS,
  BAD_OFFSETS,
  DELETED_WORK_BODY,
  errorOf,
  expectAppHeaders,
  expectTypeErrorBeforeSending,
  sentGets,
  settle,
} from './request-shape';

const DETAIL = /\/v1\/illust\/detail\?/;
const COMMENTS = /\/v3\/illust\/comments\?/;
const RELATED = /\/v2\/illust\/related\?/;
const FOLLOW = /\/v2\/illust\/follow\?/;
const RECOMMENDED = /\/v1\/illust\/recommended\?/;
const RANKING = /\/v1\/illust\/ranking\?/;
const TRENDING = /\/v1\/trending-tags\/illust\?/;
const UGOIRA = /\/v1\/ugoira\/metadata\?/;

const detail2025 = () => fixture('v1-illust-detail/pixivpy-2025-126839540.json');

describe('illustration$', () => {
  it('sends GET /v1/illust/detail with illust_id, the app headers and the bearer token', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(DETAIL).reply(200, detail2025());
    await firstValueFrom(client.illustration$(126839540));
    const [request, ...others] = sentGets(mock);
    expect(others).toHaveLength(0);
    expect(request!.method).toBe('GET');
    expect(request!.origin).toBe(API);
    expect(request!.path).toBe('/v1/illust/detail');
    expect(request!.query).toEqual([['illust_id', '126839540']]);
    expectAppHeaders(request!);
  });

  it('sends Accept-Language from the language option', async () => {
    const { client, mock } = mockedClient({ language: 'zh-cn' });
    mock.onGet(DETAIL).reply(200, detail2025());
    await firstValueFrom(client.illustration$(126839540));
    expectAppHeaders(sentGets(mock)[0]!, { language: 'zh-cn' });
  });

  it('sends nothing before subscription', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(DETAIL).reply(200, detail2025());
    client.illustration$(126839540);
    await settle();
    expect(mock.history.get).toHaveLength(0);
    expect(mock.history.post).toHaveLength(0);
  });

  it('decodes a single-page 2025 work', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(DETAIL).reply(200, detail2025());
    const work = await firstValueFrom(client.illustration$(126839540));
    expect(work.id).toBe(126839540);
    expect(work.title).toBe('アイドルプリキュア');
    expect(work.type).toBe(ContentType.ILLUSTRATION);
    expect(work.createDate).toBeInstanceOf(Date);
    expect(work.createDate.toISOString()).toBe('2025-02-02T15:03:17.000Z');
    expect([work.width, work.height, work.pageCount]).toEqual([1299, 871, 1]);
    expect(work.imageUrls).toEqual({
      [Size.SQUARE_MEDIUM]:
        'https://i.pximg.net/c/360x360_70/img-master/img/2025/02/03/00/03/17/126839540_p0_square1200.jpg',
      [Size.MEDIUM]: 'https://i.pximg.net/c/540x540_70/img-master/img/2025/02/03/00/03/17/126839540_p0_master1200.jpg',
      [Size.LARGE]: 'https://i.pximg.net/c/600x1200_90/img-master/img/2025/02/03/00/03/17/126839540_p0_master1200.jpg',
      [Size.ORIGINAL]: 'https://i.pximg.net/img-original/img/2025/02/03/00/03/17/126839540_p0.jpg',
    });
    expect(work.metaPages).toEqual([]);
    expect(work.tags[0]).toEqual({ name: 'キミとアイドルプリキュア♪', translatedName: null });
    expect(work.tools).toEqual([]);
    expect(work.user).toEqual({
      id: 1697179,
      name: 'XING/シン',
      account: 'xingspresent',
      profileImageUrls: {
        medium:
          'https://i.pximg.net/user-profile/img/2016/08/11/12/54/58/11330714_5010f461f6437d6a9fe3eeb1ac0427e3_170.jpg',
      },
      isFollowed: false,
    });
    expect(work.series).toBeNull();
    expect([work.totalBookmarks, work.totalView, work.totalComments]).toEqual([2196, 14138, 4]);
    expect([work.visible, work.restrict, work.sanityLevel, work.xRestrict]).toEqual([true, 0, 2, 0]);
    expect([work.isBookmarked, work.isMuted]).toEqual([false, false]);
  });

  it('decodes a multi-page work: imageUrls.original is null and the originals are in metaPages', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(DETAIL).reply(200, fixture('v1-illust-detail/azuline-2021-86979680-multipage.json'));
    const work = await firstValueFrom(client.illustration$(86979680));
    expect(work.id).toBe(86979680);
    expect(work.title).toBe('天南阁');
    expect(work.pageCount).toBe(2);
    expect(work.createDate.toISOString()).toBe('2021-01-11T06:54:04.000Z');
    expect(work.imageUrls[Size.ORIGINAL]).toBeNull();
    expect(work.imageUrls[Size.LARGE]).toBe(
      'https://i.pximg.net/c/600x1200_90/img-master/img/2021/01/11/15/54/04/86979680_p0_master1200.jpg',
    );
    expect(work.metaPages.map((page) => page[Size.ORIGINAL])).toEqual([
      'https://i.pximg.net/img-original/img/2021/01/11/15/54/04/86979680_p0.jpg',
      'https://i.pximg.net/img-original/img/2021/01/11/15/54/04/86979680_p1.jpg',
    ]);
    expect(work.metaPages[1]![Size.SQUARE_MEDIUM]).toBe(
      'https://i.pximg.net/c/360x360_70/img-master/img/2021/01/11/15/54/04/86979680_p1_square1200.jpg',
    );
    expect(work.tools).toEqual(['Photoshop']);
    expect(work.user.isFollowed).toBe(true);
    expect([work.totalBookmarks, work.totalView, work.totalComments]).toEqual([7191, 64167, 51]);
  });

  it('decodes the restricted placeholder (limit_sanity_level images, visible false, no is_followed)', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(DETAIL).reply(200, fixture('v1-illust-detail/lifegpc-issue640-2023-limit-sanity-placeholder.json'));
    const work = await firstValueFrom(client.illustration$(114141177));
    const placeholder = 'https://s.pximg.net/common/images/limit_sanity_level_360.png';
    expect(work.id).toBe(114141177);
    expect(work.title).toBe('');
    expect(work.visible).toBe(false);
    expect([work.width, work.height]).toEqual([100, 100]);
    expect(work.imageUrls).toEqual({
      [Size.SQUARE_MEDIUM]: placeholder,
      [Size.MEDIUM]: placeholder,
      [Size.LARGE]: placeholder,
      [Size.ORIGINAL]: placeholder,
    });
    expect(work.tags).toEqual([]);
    expect(work.tools).toEqual([]);
    expect([work.totalBookmarks, work.totalView]).toEqual([0, 0]);
    expect(work.totalComments).toBeUndefined();
    expect(work.user).toEqual({
      id: 19264234,
      name: '',
      account: '',
      profileImageUrls: { medium: 'https://s.pximg.net/common/images/no_profile.png' },
      isFollowed: null,
    });
    expect(work.createDate.toISOString()).toBe('2023-12-11T09:55:54.000Z');
  });

  it('errors with PixivApiError 404 and the userMessage when the work was deleted', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(DETAIL).reply(404, DELETED_WORK_BODY);
    const error = await errorOf(client.illustration$(1));
    expect(error).toBeInstanceOf(PixivApiError);
    expect(error).not.toBeInstanceOf(RateLimitError);
    expect((error as PixivApiError).status).toBe(404);
    expect((error as PixivApiError).userMessage).toBe('The artwork has been deleted or the artwork ID does not exist.');
    expect((error as PixivApiError).message).toContain('The artwork has been deleted');
    expect(mock.history.get).toHaveLength(1);
  });

  it('errors with RateLimitError after the retries when a 403 carries the "Rate Limit" envelope', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(DETAIL).reply(403, fixture('errors/app-api-rate-limit-2019.json'));
    const error = await errorOf(client.illustration$(126839540));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).status).toBe(403);
    expect((error as RateLimitError).apiMessage).toBe('Rate Limit');
    // the first attempt and the 3 retries of the default policy
    expect(mock.history.get).toHaveLength(4);
  });

  it('succeeds after a retry when the first answer is 503', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(DETAIL).replyOnce(503, '').onGet(DETAIL).reply(200, detail2025());
    const work = await firstValueFrom(client.illustration$(126839540));
    expect(work.id).toBe(126839540);
    expect(mock.history.get).toHaveLength(2);
    expect(sentGets(mock)[1]!.query).toEqual([['illust_id', '126839540']]);
  });

  it('errors with BadApiResponse when a 200 body is not JSON, without retrying', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(DETAIL).reply(200, 'oops<html>');
    const error = await errorOf(client.illustration$(126839540));
    expect(error).toBeInstanceOf(BadApiResponse);
    expect((error as BadApiResponse).status).toBe(200);
    expect((error as BadApiResponse).path).toBe('');
    expect(mock.history.get).toHaveLength(1);
  });

  it('errors with BadApiResponse at path "illust" when the body lacks the work', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(DETAIL).reply(200, { illusts: [] });
    const error = await errorOf(client.illustration$(126839540));
    expect(error).toBeInstanceOf(BadApiResponse);
    expect((error as BadApiResponse).path).toBe('illust');
  });

  it('errors with BadApiResponse at the path of a missing core field', async () => {
    const { client, mock } = mockedClient();
    const body = detail2025();
    delete body.illust.image_urls.medium;
    mock.onGet(DETAIL).reply(200, body);
    const error = await errorOf(client.illustration$(126839540));
    expect(error).toBeInstanceOf(BadApiResponse);
    expect((error as BadApiResponse).path).toBe('illust.image_urls.medium');
  });

  it.each(BAD_IDS)('errors with a TypeError before sending anything for the id %s', (_, id) =>
    expectTypeErrorBeforeSending((client) => client.illustration$(id), /illustrationId/));
});

describe('illustrationComments$', () => {
  const azuline = () => fixture('v1-illust-comments/azuline-2021-86979680.json');

  it('sends GET /v3/illust/comments with illust_id only by default', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(COMMENTS).reply(200, { comments: [], next_url: null });
    await lastValueFrom(client.illustrationComments$(86979680).pipe(toArray()));
    const [request, ...others] = sentGets(mock);
    expect(others).toHaveLength(0);
    expect(request!.path).toBe('/v3/illust/comments');
    expect(request!.query).toEqual([['illust_id', '86979680']]);
    expectAppHeaders(request!);
  });

  it('sends offset and include_total_comments when given', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(COMMENTS).reply(200, { comments: [], next_url: null });
    await lastValueFrom(client.illustrationComments$(86979680, { offset: 30, includeTotalComments: true }).pipe(toArray()));
    expect(sentGets(mock)[0]!.query).toEqual([
      ['illust_id', '86979680'],
      ['offset', '30'],
      ['include_total_comments', 'true'],
    ]);
  });

  it('decodes the 2021 v1 body served at the v3 path: parentComment and totalComments', async () => {
    const { client, mock } = mockedClient();
    const body = azuline();
    mock.onGet(COMMENTS).replyOnce(200, body);
    const page = await firstValueFrom(client.illustrationCommentPages$(86979680));
    expect(page.items).toHaveLength(30);
    expect(page.totalComments).toBe(51);
    expect(page.nextUrl).toBe(body.next_url);
    expect(page.next).toBe(30);
    const [first] = page.items;
    expect(first!.id).toBe(112771847);
    expect(first!.comment).toBe('松鼠呢…被喵星人给吃了么(shock3)');
    expect(first!.date.toISOString()).toBe('2021-01-21T21:12:01.000Z');
    expect(first!.user).toEqual({
      id: 3994949,
      name: 'Neptunes',
      account: 'shxsyf',
      profileImageUrls: {
        medium:
          'https://i.pximg.net/user-profile/img/2015/08/02/20/25/46/9696591_293c1713c579390938c38b6a8dc3340a_170.jpg',
      },
      isFollowed: null,
    });
    // `parent_comment: {}` means no parent
    expect(first!.parentComment).toBeNull();
    const replies = page.items.filter((comment) => comment.parentComment !== null);
    expect(replies.map((c) => [c.id, c.parentComment!.id])).toEqual([
      [112383962, 112315976],
      [112334847, 112314538],
    ]);
    expect(replies[0]!.parentComment!.comment).toBe('能看到中国元素真的很欣慰');
    expect(replies[0]!.parentComment!.user.name).toBe('Anoxia');
    expect(replies[0]!.parentComment!.date.toISOString()).toBe('2021-01-11T17:26:39.000Z');
    expect(replies[0]!.parentComment!.parentComment).toBeNull();
    await settle();
    expect(mock.history.get).toHaveLength(1);
  });

  it('decodes the 2018 v1 body with 17 populated parent comments and total_comments 0', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(COMMENTS).replyOnce(200, fixture('v1-illust-comments/pix-ezviewer-2018-66619229-with-parent.json'));
    const page = await firstValueFrom(client.illustrationCommentPages$(66619229));
    expect(page.items).toHaveLength(29);
    expect(page.totalComments).toBe(0);
    expect(page.next).toBe(30);
    expect(page.items.filter((c) => c.parentComment !== null)).toHaveLength(17);
    const [first] = page.items;
    expect(first!.id).toBe(74774246);
    expect(first!.comment).toBe('ty   -w-');
    expect(first!.date.toISOString()).toBe('2018-01-13T08:21:57.000Z');
    expect(first!.user.id).toBe(20980424);
    expect(first!.parentComment).toEqual({
      id: 74770901,
      comment: 'You painting WA2000 is so cute !',
      date: new Date('2018-01-13T05:30:17.000Z'),
      user: {
        id: 4866052,
        name: '塩からす',
        account: 'sa1ty9',
        profileImageUrls: {
          medium:
            'https://i.pximg.net/user-profile/img/2018/01/05/00/35/46/13649713_dac36c983345d7b7946931ee42d4d32d_170.jpg',
        },
        isFollowed: null,
      },
      parentComment: null,
    });
  });

  it('follows next_url to a final page', async () => {
    const { client, mock } = mockedClient();
    const body = azuline();
    mock.onGet(COMMENTS).replyOnce(200, body);
    mock.onGet(body.next_url).replyOnce(200, { comments: [], next_url: null, total_comments: 51 });
    const comments = await lastValueFrom(client.illustrationComments$(86979680).pipe(toArray()));
    expect(comments).toHaveLength(30);
    expect(sentGets(mock).map((r) => r.path)).toEqual(['/v3/illust/comments', '/v1/illust/comments']);
    expect(mock.history.get[1]!.url).toBe(body.next_url);
  });

  it.each(BAD_IDS)('errors with a TypeError before sending anything for the id %s', (_, id) =>
    expectTypeErrorBeforeSending((client) => client.illustrationComments$(id), /illustrationId/));

  it.each(BAD_OFFSETS)('errors with a TypeError before sending anything for the offset %s', (_, offset) =>
    expectTypeErrorBeforeSending((client) => client.illustrationComments$(1, { offset }), /offset/));

  it('errors with a TypeError before sending anything when includeTotalComments is not a boolean', () =>
    expectTypeErrorBeforeSending(
      (client) => client.illustrationComments$(1, { includeTotalComments: 'yes' as unknown as boolean }),
      /includeTotalComments/,
    ));
});

describe('relatedIllustrations$', () => {
  const related = () => fixture('v2-illust-related/pixivpy-2025.json');

  it('sends GET /v2/illust/related with illust_id and filter=for_ios', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(RELATED).reply(200, { illusts: [], next_url: null });
    await lastValueFrom(client.relatedIllustrations$(81795678).pipe(toArray()));
    const [request] = sentGets(mock);
    expect(request!.path).toBe('/v2/illust/related');
    expect(request!.query).toEqual([
      ['illust_id', '81795678'],
      ['filter', 'for_ios'],
    ]);
    expectAppHeaders(request!);
  });

  it('sends offset when given', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(RELATED).reply(200, { illusts: [], next_url: null });
    await lastValueFrom(client.relatedIllustrations$(81795678, { offset: 30 }).pipe(toArray()));
    expect(sentGets(mock)[0]!.query).toEqual([
      ['illust_id', '81795678'],
      ['filter', 'for_ios'],
      ['offset', '30'],
    ]);
  });

  it('decodes the 2025 page (illust and manga, next_url with viewed[])', async () => {
    const { client, mock } = mockedClient();
    const body = related();
    mock.onGet(RELATED).replyOnce(200, body);
    const page = await firstValueFrom(client.relatedIllustrationPages$(81795678));
    expect(page.items).toHaveLength(30);
    expect(page.items[0]).toMatchObject({
      id: 79027419,
      title: '落陽月華',
      type: ContentType.ILLUSTRATION,
      user: { id: 15919563, name: 'ツチヤ' },
      totalBookmarks: 25092,
    });
    expect(page.items[0]!.createDate.toISOString()).toBe('2020-01-21T15:00:09.000Z');
    expect(page.items[0]!.tags[0]).toEqual({ name: '背景', translatedName: 'background' });
    expect(page.items[29]!.id).toBe(83152543);
    expect(new Set(page.items.map((w) => w.type))).toEqual(new Set([ContentType.ILLUSTRATION, ContentType.MANGA]));
    expect(page.nextUrl).toBe(body.next_url);
    // related pages carry seed_illust_ids[0] and viewed[n], not an offset
    expect(page.next).toBeNull();
  });

  it('follows the next_url verbatim to a final page', async () => {
    const { client, mock } = mockedClient();
    const body = related();
    mock.onGet(RELATED).replyOnce(200, body);
    mock.onGet(body.next_url).replyOnce(200, { illusts: [], next_url: null });
    const works = await lastValueFrom(client.relatedIllustrations$(81795678).pipe(toArray()));
    expect(works.map((w) => w.id).slice(0, 2)).toEqual([79027419, 87326652]);
    expect(works).toHaveLength(30);
    expect(mock.history.get[1]!.url).toBe(body.next_url);
  });

  it.each(BAD_IDS)('errors with a TypeError before sending anything for the id %s', (_, id) =>
    expectTypeErrorBeforeSending((client) => client.relatedIllustrations$(id), /illustrationId/));

  it.each(BAD_OFFSETS)('errors with a TypeError before sending anything for the offset %s', (_, offset) =>
    expectTypeErrorBeforeSending((client) => client.relatedIllustrations$(1, { offset }), /offset/));
});

describe('followingIllustrations$', () => {
  it('sends GET /v2/illust/follow with restrict=public by default', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(FOLLOW).reply(200, { illusts: [], next_url: null });
    await lastValueFrom(client.followingIllustrations$().pipe(toArray()));
    const [request] = sentGets(mock);
    expect(request!.path).toBe('/v2/illust/follow');
    expect(request!.query).toEqual([['restrict', 'public']]);
    expectAppHeaders(request!);
  });

  it('sends the visibility and the offset when given', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(FOLLOW).reply(200, { illusts: [], next_url: null });
    await lastValueFrom(client.followingIllustrations$({ visibility: Visibility.PRIVATE, offset: 30 }).pipe(toArray()));
    expect(sentGets(mock)[0]!.query).toEqual([
      ['restrict', 'private'],
      ['offset', '30'],
    ]);
  });

  it('decodes the 2021 feed with a ugoira item', async () => {
    const { client, mock } = mockedClient();
    const body = fixture('v2-illust-follow/azuline-2021.json');
    mock.onGet(FOLLOW).replyOnce(200, body);
    const page = await firstValueFrom(client.followingIllustrationPages$());
    expect(page.items.map((w) => [w.id, w.type])).toEqual([
      [87609354, ContentType.ILLUSTRATION],
      [87608832, ContentType.UGOIRA],
    ]);
    const ugoira = page.items[1]!;
    expect(ugoira.title).toBe('夕刻に染まる');
    expect(ugoira.imageUrls[Size.ORIGINAL]).toBe(
      'https://i.pximg.net/img-original/img/2021/02/07/23/46/02/87608832_ugoira0.jpg',
    );
    expect(ugoira.imageUrls[Size.MEDIUM]).toBe(
      'https://i.pximg.net/c/540x540_70/img-master/img/2021/02/07/23/46/02/87608832_master1200.jpg',
    );
    expect(ugoira.metaPages).toEqual([]);
    expect(ugoira.tools).toEqual(['Photoshop', 'CLIP STUDIO PAINT']);
    expect(ugoira.tags[0]).toEqual({ name: 'うごイラ', translatedName: 'ugoira' });
    expect(ugoira.createDate.toISOString()).toBe('2021-02-07T14:46:02.000Z');
    expect(page.nextUrl).toBe('https://app-api.pixiv.net/v2/illust/follow?restrict=public&offset=30');
    expect(page.next).toBe(30);
    await settle();
    expect(mock.history.get).toHaveLength(1);
  });

  it('errors with a TypeError before sending anything for the visibility "secret"', () =>
    expectTypeErrorBeforeSending(
      (client) => client.followingIllustrations$({ visibility: 'secret' as never }),
      /visibility/,
    ));

  it.each(BAD_OFFSETS)('errors with a TypeError before sending anything for the offset %s', (_, offset) =>
    expectTypeErrorBeforeSending((client) => client.followingIllustrations$({ offset }), /offset/));
});

describe('recommendedIllustrations$', () => {
  const emptyPage = { illusts: [], ranking_illusts: [], contest_exists: false, next_url: null };

  it('sends GET /v1/illust/recommended with the defaults', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(RECOMMENDED).reply(200, emptyPage);
    await lastValueFrom(client.recommendedIllustrations$().pipe(toArray()));
    const [request] = sentGets(mock);
    expect(request!.path).toBe('/v1/illust/recommended');
    expect(request!.query).toEqual([
      ['content_type', 'illust'],
      ['include_ranking_label', 'true'],
      ['filter', 'for_ios'],
      // the library's documented default (`@default true`)
      ['include_ranking_illusts', 'true'],
    ]);
    expectAppHeaders(request!);
  });

  it('sends every option when given, bookmark_illust_ids comma-joined', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(RECOMMENDED).reply(200, emptyPage);
    await lastValueFrom(
      client
        .recommendedIllustrations$({
          contentType: ContentType.MANGA,
          includeRankingIllustrations: false,
          maxBookmarkIdForRecommend: 23491334813,
          minBookmarkIdForRecentIllustrations: 28694690028,
          offset: 30,
          bookmarkIllustIds: [81795678, 121247338],
          includeRankingLabel: false,
        })
        .pipe(toArray()),
    );
    expect(sentGets(mock)[0]!.query).toEqual([
      ['content_type', 'manga'],
      ['include_ranking_label', 'false'],
      ['filter', 'for_ios'],
      ['include_ranking_illusts', 'false'],
      ['max_bookmark_id_for_recommend', '23491334813'],
      ['min_bookmark_id_for_recent_illust', '28694690028'],
      ['offset', '30'],
      ['bookmark_illust_ids', '81795678,121247338'],
    ]);
  });

  it('decodes the 2025 page: 90 works, rankingIllustrations, contestExists and the cursor object', async () => {
    const { client, mock } = mockedClient();
    const body = fixture('v1-illust-recommended/pixivpy-2025.json');
    mock.onGet(RECOMMENDED).replyOnce(200, body);
    const page = await firstValueFrom(client.recommendedIllustrationPages$());
    expect(page.items).toHaveLength(90);
    expect(page.items[0]).toMatchObject({ id: 81795678, title: 'アルストロメリアの枯言葉。', user: { id: 41736171 } });
    expect(page.items[0]!.createDate.toISOString()).toBe('2020-05-23T12:17:03.000Z');
    expect(page.items[0]!.tags[0]).toEqual({ name: 'マウス描き', translatedName: 'mouse drawing' });
    expect(page.items[89]).toMatchObject({ id: 98526952, title: '天の川シリーズ', pageCount: 4 });
    expect(page.items[89]!.metaPages).toHaveLength(4);
    expect(page.items[89]!.imageUrls[Size.ORIGINAL]).toBeNull();
    expect(new Set(page.items.map((w) => w.illustAiType))).toEqual(new Set([0, 1]));
    expect(page.rankingIllustrations).toEqual([]);
    expect(page.contestExists).toBe(false);
    expect(page.nextUrl).toBe(body.next_url);
    expect(page.next).toEqual({
      minBookmarkIdForRecentIllustrations: 28694690028,
      maxBookmarkIdForRecommend: 23491334813,
      offset: 0,
    });
    await settle();
    expect(mock.history.get).toHaveLength(1);
  });

  it('decodes the 2021 page and its cursor (max_bookmark_id_for_recommend=-1 as sent)', async () => {
    const { client, mock } = mockedClient();
    const body = fixture('v1-illust-recommended/azuline-2021.json');
    mock.onGet(RECOMMENDED).replyOnce(200, body);
    const page = await firstValueFrom(client.recommendedIllustrationPages$());
    expect(page.items).toHaveLength(29);
    expect(page.items[0]).toMatchObject({ id: 86336261, title: '「ドクター…？」', user: { id: 4546023 } });
    expect(page.items[0]!.tags[0]).toEqual({ name: 'アークナイツ', translatedName: 'Arknights' });
    expect(page.items[28]!.id).toBe(86320876);
    expect(page.items.every((w) => w.illustAiType === undefined)).toBe(true);
    expect(page.rankingIllustrations).toEqual([]);
    expect(page.contestExists).toBe(false);
    expect(page.next).toEqual({ minBookmarkIdForRecentIllustrations: 0, maxBookmarkIdForRecommend: -1, offset: 30 });
  });

  it('maps ranking_illusts into rankingIllustrations', async () => {
    const { client, mock } = mockedClient();
    const body = fixture('v1-illust-recommended/azuline-2021.json');
    body.ranking_illusts = fixture('v1-illust-ranking/pixivpy-2025-day.json').illusts.slice(0, 3);
    body.contest_exists = true;
    body.next_url = null;
    mock.onGet(RECOMMENDED).replyOnce(200, body);
    const page = await firstValueFrom(client.recommendedIllustrationPages$());
    expect(page.rankingIllustrations.map((w) => w.id)).toEqual(
      body.ranking_illusts.map((w: { id: number }) => w.id),
    );
    expect(page.rankingIllustrations[0]!.title).toBe('奏鳴の宙');
    expect(page.contestExists).toBe(true);
    expect(page.next).toBeNull();
  });

  it.each([[ContentType.NOVEL], [ContentType.UGOIRA]])(
    'errors with a TypeError before sending anything for the contentType %s',
    (contentType) =>
      expectTypeErrorBeforeSending(
        (client) => client.recommendedIllustrations$({ contentType: contentType as never }),
        /contentType/,
      ),
  );

  it.each(BAD_IDS)('errors with a TypeError before sending anything for a bookmarkIllustIds entry %s', (_, id) =>
    expectTypeErrorBeforeSending(
      (client) => client.recommendedIllustrations$({ bookmarkIllustIds: [81795678, id] }),
      /bookmarkIllustIds/,
    ));

  it.each(BAD_IDS)('errors with a TypeError before sending anything for maxBookmarkIdForRecommend %s', (_, id) =>
    expectTypeErrorBeforeSending(
      (client) => client.recommendedIllustrations$({ maxBookmarkIdForRecommend: id }),
      /maxBookmarkIdForRecommend/,
    ));

  it.each(BAD_OFFSETS)('errors with a TypeError before sending anything for the offset %s', (_, offset) =>
    expectTypeErrorBeforeSending((client) => client.recommendedIllustrations$({ offset }), /offset/));
});

describe('rankingIllustrations$', () => {
  const ranking = () => fixture('v1-illust-ranking/pixivpy-2025-day.json');

  it('sends GET /v1/illust/ranking with mode=day and filter=for_ios by default', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(RANKING).reply(200, { illusts: [], next_url: null });
    await lastValueFrom(client.rankingIllustrations$().pipe(toArray()));
    const [request] = sentGets(mock);
    expect(request!.path).toBe('/v1/illust/ranking');
    expect(request!.query).toEqual([
      ['mode', 'day'],
      ['filter', 'for_ios'],
    ]);
    expectAppHeaders(request!);
  });

  it('sends mode, date and offset when given', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(RANKING).reply(200, { illusts: [], next_url: null });
    await lastValueFrom(
      client.rankingIllustrations$({ mode: RankingMode.WEEK_ROOKIE, date: '2025-02-04', offset: 30 }).pipe(toArray()),
    );
    expect(sentGets(mock)[0]!.query).toEqual([
      ['mode', 'week_rookie'],
      ['filter', 'for_ios'],
      ['date', '2025-02-04'],
      ['offset', '30'],
    ]);
  });

  it('sends a Date as its UTC calendar day', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(RANKING).reply(200, { illusts: [], next_url: null });
    await lastValueFrom(client.rankingIllustrations$({ date: new Date('2024-02-29T23:30:00Z') }).pipe(toArray()));
    expect(sentGets(mock)[0]!.query).toEqual([
      ['mode', 'day'],
      ['filter', 'for_ios'],
      ['date', '2024-02-29'],
    ]);
  });

  it('decodes the 2025 daily ranking (multi-page, series, restriction_attributes, webp crops)', async () => {
    const { client, mock } = mockedClient();
    const body = ranking();
    mock.onGet(RANKING).replyOnce(200, body);
    const page = await firstValueFrom(client.rankingIllustrationPages$());
    const works = page.items;
    expect(works).toHaveLength(30);
    expect(works[0]).toMatchObject({
      id: 126839080,
      title: '奏鳴の宙',
      type: ContentType.ILLUSTRATION,
      user: { id: 27517, name: '藤ちょこ（藤原）', account: 'fuzichoco' },
      totalBookmarks: 14061,
    });
    expect(works[0]!.createDate.toISOString()).toBe('2025-02-02T15:00:12.000Z');
    expect(works[0]!.tags[0]).toEqual({ name: 'オリジナル', translatedName: 'original' });
    expect(works[0]!.imageUrls).toEqual({
      [Size.SQUARE_MEDIUM]:
        'https://i.pximg.net/c/360x360_10_webp/img-master/img/2025/02/03/00/00/12/126839080_p0_square1200.jpg',
      [Size.MEDIUM]: 'https://i.pximg.net/c/540x540_70/img-master/img/2025/02/03/00/00/12/126839080_p0_master1200.jpg',
      [Size.LARGE]:
        'https://i.pximg.net/c/600x1200_90_webp/img-master/img/2025/02/03/00/00/12/126839080_p0_master1200.jpg',
      [Size.ORIGINAL]: 'https://i.pximg.net/img-original/img/2025/02/03/00/00/12/126839080_p0.png',
    });
    const last = works[29]!;
    expect(last).toMatchObject({
      id: 126857494,
      title: 'これからだんだん幸せになっていく怖い女上司124',
      type: ContentType.MANGA,
      pageCount: 7,
      series: { id: 173136, title: 'これからだんだん幸せになっていく怖い女上司' },
      totalView: 45123,
    });
    expect(last.imageUrls[Size.ORIGINAL]).toBeNull();
    expect(last.metaPages).toHaveLength(7);
    expect(last.metaPages[0]![Size.ORIGINAL]).toBe(
      'https://i.pximg.net/img-original/img/2025/02/04/08/07/29/126857494_p0.jpg',
    );
    expect(last.metaPages[6]![Size.ORIGINAL]).toBe(
      'https://i.pximg.net/img-original/img/2025/02/04/08/07/29/126857494_p6.jpg',
    );
    expect(works.filter((w) => w.metaPages.length > 0)).toHaveLength(11);
    expect(works.filter((w) => w.series !== null)).toHaveLength(10);
    expect(works.filter((w) => w.type === ContentType.MANGA)).toHaveLength(10);
    expect(works.filter((w) => w.restrictionAttributes !== undefined).map((w) => w.id)).toEqual([
      126879163, 126873786, 126897195,
    ]);
    expect(works[11]!.restrictionAttributes).toEqual(['restricted_mode']);
    expect(page.nextUrl).toBe('https://app-api.pixiv.net/v1/illust/ranking?mode=day&filter=for_ios&date=2025-02-04&offset=30');
    expect(page.next).toBe(30);
    await settle();
    expect(mock.history.get).toHaveLength(1);
  });

  it('follows the next_url to a final page', async () => {
    const { client, mock } = mockedClient();
    const body = ranking();
    mock.onGet(RANKING).replyOnce(200, body);
    mock.onGet(body.next_url).replyOnce(200, { illusts: [], next_url: null });
    const works = await lastValueFrom(client.rankingIllustrations$().pipe(toArray()));
    expect(works).toHaveLength(30);
    expect(sentGets(mock)[1]!.query).toEqual([
      ['mode', 'day'],
      ['filter', 'for_ios'],
      ['date', '2025-02-04'],
      ['offset', '30'],
    ]);
  });

  it('errors with a TypeError before sending anything for the mode "hourly"', () =>
    expectTypeErrorBeforeSending((client) => client.rankingIllustrations$({ mode: 'hourly' as never }), /mode/));

  it.each([['2021-02-30'], ['2021-2-3'], ['yesterday'], ['2021-13-01'], ['2023-02-29']])(
    'errors with a TypeError before sending anything for the date %s',
    (date) => expectTypeErrorBeforeSending((client) => client.rankingIllustrations$({ date }), /date/),
  );

  it('errors with a TypeError before sending anything for an invalid Date', () =>
    expectTypeErrorBeforeSending((client) => client.rankingIllustrations$({ date: new Date(Number.NaN) }), /date/));

  it.each(BAD_OFFSETS)('errors with a TypeError before sending anything for the offset %s', (_, offset) =>
    expectTypeErrorBeforeSending((client) => client.rankingIllustrations$({ offset }), /offset/));
});

describe('trendingTags$', () => {
  it('sends GET /v1/trending-tags/illust with filter=for_ios', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(TRENDING).reply(200, { trend_tags: [] });
    const tags = await lastValueFrom(client.trendingTags$().pipe(toArray()));
    expect(tags).toEqual([]);
    const [request, ...others] = sentGets(mock);
    expect(others).toHaveLength(0);
    expect(request!.path).toBe('/v1/trending-tags/illust');
    expect(request!.query).toEqual([['filter', 'for_ios']]);
    expectAppHeaders(request!);
  });

  it('decodes the 2021 trending tags, each with its illustration', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(TRENDING).reply(200, fixture('v1-trending-tags-illust/azuline-2021.json'));
    const tags = await lastValueFrom(client.trendingTags$().pipe(toArray()));
    expect(tags).toHaveLength(24);
    expect(tags.slice(0, 3).map((t) => [t.tag, t.translatedName, t.illustration.id, t.illustration.title])).toEqual([
      ['甘雨(原神)', 'Ganyu (Genshin Impact)', 87521667, '甘雨'],
      ['女の子', 'girl', 87530695, 'アルビノアリス'],
      ['オリジナル', 'original', 87514094, 'Be Mine'],
    ]);
    expect(tags[23]).toMatchObject({ tag: 'ケモミミ', translatedName: 'animal ears' });
    expect(tags[23]!.illustration.id).toBe(87544985);
    expect(tags.some((t) => t.translatedName === null)).toBe(true);
    expect(tags[0]!.illustration.createDate).toBeInstanceOf(Date);
  });

  it('errors with BadApiResponse at path "trend_tags" when the body lacks it', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(TRENDING).reply(200, { illusts: [] });
    const error = await errorOf(client.trendingTags$());
    expect(error).toBeInstanceOf(BadApiResponse);
    expect((error as BadApiResponse).path).toBe('trend_tags');
  });
});

describe('ugoiraMetadata$', () => {
  it('sends GET /v1/ugoira/metadata with illust_id', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(UGOIRA).reply(200, fixture('v1-ugoira-metadata/pixko-2025-126473222.json'));
    await firstValueFrom(client.ugoiraMetadata$(126473222));
    const [request] = sentGets(mock);
    expect(request!.path).toBe('/v1/ugoira/metadata');
    expect(request!.query).toEqual([['illust_id', '126473222']]);
    expectAppHeaders(request!);
  });

  it('decodes the 2020 metadata: 78 frames of mixed delays and the medium zip', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(UGOIRA).reply(200, fixture('v1-ugoira-metadata/pixiv-shaft-2020-47297805.json'));
    const metadata = await firstValueFrom(client.ugoiraMetadata$(47297805));
    expect(metadata.zipUrls).toEqual({
      medium: 'https://i.pximg.net/img-zip-ugoira/img/2014/11/29/09/09/57/47297805_ugoira600x600.zip',
    });
    expect(metadata.frames).toHaveLength(78);
    expect(metadata.frames[0]).toEqual({ file: '000000.jpg', delay: 120 });
    expect(metadata.frames[77]).toEqual({ file: '000077.jpg', delay: 120 });
    expect(new Set(metadata.frames.map((f) => f.delay))).toEqual(new Set([100, 120, 130, 200, 300, 500]));
    expect(metadata.frames.reduce((sum, f) => sum + f.delay, 0)).toBe(9810);
  });

  it('decodes the 2025 metadata: 6 frames and the medium zip', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(UGOIRA).reply(200, fixture('v1-ugoira-metadata/pixko-2025-126473222.json'));
    const metadata = await firstValueFrom(client.ugoiraMetadata$(126473222));
    expect(metadata.zipUrls.medium).toBe(
      'https://i.pximg.net/img-zip-ugoira/img/2025/01/22/22/57/49/126473222_ugoira600x600.zip',
    );
    expect(metadata.frames).toHaveLength(6);
    expect(metadata.frames.map((f) => f.file)).toEqual([
      '000000.jpg',
      '000001.jpg',
      '000002.jpg',
      '000003.jpg',
      '000004.jpg',
      '000005.jpg',
    ]);
    expect(metadata.frames[0]).toEqual({ file: '000000.jpg', delay: 60 });
    expect(metadata.frames.reduce((sum, f) => sum + f.delay, 0)).toBe(400);
  });

  it('errors with PixivApiError 404 for a deleted work', async () => {
    const { client, mock } = mockedClient();
    mock.onGet(UGOIRA).reply(404, DELETED_WORK_BODY);
    const error = await errorOf(client.ugoiraMetadata$(1));
    expect(error).toBeInstanceOf(PixivApiError);
    expect((error as PixivApiError).status).toBe(404);
    expect((error as PixivApiError).userMessage).toBe('The artwork has been deleted or the artwork ID does not exist.');
  });

  it.each(BAD_IDS)('errors with a TypeError before sending anything for the id %s', (_, id) =>
    expectTypeErrorBeforeSending((client) => client.ugoiraMetadata$(id), /illustrationId/));
});
