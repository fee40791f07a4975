import { take } from 'rxjs';
import { BadApiResponse, PixivApiError, RateLimitError } from '../../../lib/errors';
import { AiType, ContentType, RankingMode, Restriction, Size, Visibility } from '../../../lib/models';
import { fixture } from '../../support/mock-api';
import { BAD_IDS, BAD_OFFSETS, DELETED_WORK_BODY } from '../request-shape';
import { decoding, gets, only, refusing } from './build';
import type { EndpointRow } from './row';

const NO_ILLUSTRATIONS = { illusts: [], next_url: null };
const detail2025 = () => fixture('v1-illust-detail/pixivpy-2025-126839540.json');
const azulineComments = () => fixture('v1-illust-comments/azuline-2021-86979680.json');
const related = () => fixture('v2-illust-related/pixivpy-2025.json');
const ranking = () => fixture('v1-illust-ranking/pixivpy-2025-day.json');
const EMPTY_RECOMMENDED = { illusts: [], ranking_illusts: [], contest_exists: false, next_url: null };

// ---- illustration$ -------------------------------------------------------------------------------

const illustration: EndpointRow[] = [
  {
    member: 'illustration$',
    title: 'sends GET /v1/illust/detail with illust_id, the app headers and the bearer token',
    call: (client) => client.illustration$(126839540),
    sends: { method: 'GET', path: '/v1/illust/detail', params: [['illust_id', '126839540']] },
    reply: detail2025(),
  },
  {
    member: 'illustration$',
    title: 'sends Accept-Language from the language option',
    client: { language: 'zh-cn' },
    call: (client) => client.illustration$(126839540),
    sends: { method: 'GET', path: '/v1/illust/detail', params: [['illust_id', '126839540']] },
    reply: detail2025(),
  },
  decoding({
    member: 'illustration$',
    title: 'decodes a single-page 2025 work',
    call: (client) => client.illustration$(126839540),
    answer: detail2025(),
    check: (outcome) => {
      const work = only(outcome);
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
      expect([work.aiType, work.restriction]).toEqual([AiType.NOT_AI, Restriction.NONE]);
    },
  }),
  decoding({
    member: 'illustration$',
    title: 'decodes a multi-page work: imageUrls.original is null and the originals are in metaPages',
    call: (client) => client.illustration$(86979680),
    answer: fixture('v1-illust-detail/azuline-2021-86979680-multipage.json'),
    check: (outcome) => {
      const work = only(outcome);
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
      expect(work.metaPages[1][Size.SQUARE_MEDIUM]).toBe(
        'https://i.pximg.net/c/360x360_70/img-master/img/2021/01/11/15/54/04/86979680_p1_square1200.jpg',
      );
      expect(work.tools).toEqual(['Photoshop']);
      expect(work.user.isFollowed).toBe(true);
      expect([work.totalBookmarks, work.totalView, work.totalComments]).toEqual([7191, 64167, 51]);
      // a 2021 body has no illust_ai_type
      expect([work.aiType, work.restriction]).toEqual([AiType.UNKNOWN, Restriction.NONE]);
    },
  }),
  decoding({
    member: 'illustration$',
    title: 'decodes the restricted placeholder (limit_sanity_level images, visible false, no is_followed)',
    call: (client) => client.illustration$(114141177),
    answer: fixture('v1-illust-detail/lifegpc-issue640-2023-limit-sanity-placeholder.json'),
    check: (outcome) => {
      const work = only(outcome);
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
      expect(work.restriction).toBe(Restriction.HIDDEN);
    },
  }),
  decoding({
    member: 'illustration$',
    title: 'maps x_restrict 1 and 2 to R18 and R18G, and illust_ai_type 2 to AI',
    call: (client) => client.illustration$(126839540),
    answer: (() => {
      const body = detail2025();
      body.illust.x_restrict = 2;
      body.illust.illust_ai_type = 2;
      return body;
    })(),
    check: (outcome) => {
      const work = only(outcome);
      expect([work.aiType, work.restriction, work.xRestrict, work.illustAiType]).toEqual([AiType.AI, Restriction.R18G, 2, 2]);
    },
  }),
  decoding({
    member: 'illustration$',
    title: 'errors with PixivApiError 404 and the userMessage when the work was deleted',
    call: (client) => client.illustration$(1),
    withStatus: true,
    answer: [404, DELETED_WORK_BODY],
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(PixivApiError);
      expect(error).not.toBeInstanceOf(RateLimitError);
      expect((error as PixivApiError).status).toBe(404);
      expect((error as PixivApiError).userMessage).toBe('The artwork has been deleted or the artwork ID does not exist.');
      expect((error as PixivApiError).message).toContain('The artwork has been deleted');
      expect(gets(requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'illustration$',
    title: 'errors with RateLimitError after the retries when a 403 carries the "Rate Limit" envelope',
    call: (client) => client.illustration$(126839540),
    withStatus: true,
    answer: [403, fixture('errors/app-api-rate-limit-2019.json')],
    then: Array.from({ length: 4 }, () => [403, fixture('errors/app-api-rate-limit-2019.json')]),
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).status).toBe(403);
      expect((error as RateLimitError).apiMessage).toBe('Rate Limit');
      // the first attempt and the 3 retries of the default policy
      expect(gets(requests)).toHaveLength(4);
    },
  }),
  decoding({
    member: 'illustration$',
    title: 'succeeds after a retry when the first answer is 503',
    call: (client) => client.illustration$(126839540),
    withStatus: true,
    answer: [503, ''],
    then: [[200, detail2025()]],
    check: (outcome) => {
      expect(only(outcome).id).toBe(126839540);
      expect(gets(outcome.requests)).toHaveLength(2);
      expect(outcome.requests[1].query).toEqual([['illust_id', '126839540']]);
    },
  }),
  decoding({
    member: 'illustration$',
    title: 'errors with BadApiResponse when a 200 body is not JSON, without retrying',
    call: (client) => client.illustration$(126839540),
    answer: 'oops<html>',
    check: ({ error, requests }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).status).toBe(200);
      expect((error as BadApiResponse).path).toBe('');
      expect(gets(requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'illustration$',
    title: 'errors with BadApiResponse at path "illust" when the body lacks the work',
    call: (client) => client.illustration$(126839540),
    answer: { illusts: [] },
    check: ({ error }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('illust');
    },
  }),
  decoding({
    member: 'illustration$',
    title: 'errors with BadApiResponse at the path of a missing core field',
    call: (client) => client.illustration$(126839540),
    answer: (() => {
      const body = detail2025();
      delete body.illust.image_urls.medium;
      return body;
    })(),
    check: ({ error }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('illust.image_urls.medium');
    },
  }),
  ...refusing('illustration$', 'the id', BAD_IDS, (id) => (client) => client.illustration$(id), /illustrationId/),
];

// ---- illustrationComments$ ---------------------------------------------------------------------

const comments: EndpointRow[] = [
  {
    member: 'illustrationComments$',
    title: 'sends GET /v3/illust/comments with illust_id only by default',
    call: (client) => client.illustrationComments$(86979680),
    sends: { method: 'GET', path: '/v3/illust/comments', params: [['illust_id', '86979680']] },
    reply: { comments: [], next_url: null },
  },
  {
    member: 'illustrationComments$',
    title: 'sends offset and include_total_comments when given',
    call: (client) => client.illustrationComments$(86979680, { offset: 30, includeTotalComments: true }),
    sends: {
      method: 'GET',
      path: '/v3/illust/comments',
      params: [
        ['illust_id', '86979680'],
        ['offset', '30'],
        ['include_total_comments', 'true'],
      ],
    },
    reply: { comments: [], next_url: null },
  },
  decoding({
    member: 'illustrationComments$',
    title: 'decodes the 2021 v1 body served at the v3 path: parentComment and totalComments',
    call: (client) => client.illustrationCommentPages$(86979680).pipe(take(1)),
    answer: azulineComments(),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(30);
      expect(page.totalComments).toBe(51);
      expect(page.nextUrl).toBe(azulineComments().next_url);
      expect(page.next).toBe(30);
      const [first] = page.items;
      expect(first.id).toBe(112771847);
      expect(first.comment).toBe('松鼠呢…被喵星人给吃了么(shock3)');
      expect(first.date.toISOString()).toBe('2021-01-21T21:12:01.000Z');
      expect(first.user).toEqual({
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
      expect(first.parentComment).toBeNull();
      const replies = page.items.filter((comment) => comment.parentComment !== null);
      expect(replies.map((c) => [c.id, c.parentComment!.id])).toEqual([
        [112383962, 112315976],
        [112334847, 112314538],
      ]);
      expect(replies[0].parentComment!.comment).toBe('能看到中国元素真的很欣慰');
      expect(replies[0].parentComment!.user.name).toBe('Anoxia');
      expect(replies[0].parentComment!.date.toISOString()).toBe('2021-01-11T17:26:39.000Z');
      expect(replies[0].parentComment!.parentComment).toBeNull();
      expect(gets(outcome.requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'illustrationComments$',
    title: 'decodes the 2018 v1 body with 17 populated parent comments and total_comments 0',
    call: (client) => client.illustrationCommentPages$(66619229).pipe(take(1)),
    answer: fixture('v1-illust-comments/pix-ezviewer-2018-66619229-with-parent.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(29);
      expect(page.totalComments).toBe(0);
      expect(page.next).toBe(30);
      expect(page.items.filter((c) => c.parentComment !== null)).toHaveLength(17);
      const [first] = page.items;
      expect(first.id).toBe(74774246);
      expect(first.comment).toBe('ty   -w-');
      expect(first.date.toISOString()).toBe('2018-01-13T08:21:57.000Z');
      expect(first.user.id).toBe(20980424);
      expect(first.parentComment).toEqual({
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
    },
  }),
  decoding({
    member: 'illustrationComments$',
    title: 'follows next_url to a final page',
    call: (client) => client.illustrationComments$(86979680),
    answer: azulineComments(),
    then: [{ comments: [], next_url: null, total_comments: 51 }],
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values).toHaveLength(30);
      expect(requests.map((r) => r.path)).toEqual(['/v3/illust/comments', '/v1/illust/comments']);
      expect(requests[1].url).toBe(azulineComments().next_url);
    },
  }),
  ...refusing('illustrationComments$', 'the id', BAD_IDS, (id) => (client) => client.illustrationComments$(id), /illustrationId/),
  ...refusing('illustrationComments$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.illustrationComments$(1, { offset }), /offset/),
  {
    member: 'illustrationComments$',
    title: 'errors with a TypeError before sending anything when includeTotalComments is not a boolean',
    call: (client) => client.illustrationComments$(1, { includeTotalComments: 'yes' as unknown as boolean }),
    refuses: /includeTotalComments/,
  },
];

// ---- relatedIllustrations$ ---------------------------------------------------------------------

const relatedRows: EndpointRow[] = [
  {
    member: 'relatedIllustrations$',
    title: 'sends GET /v2/illust/related with illust_id and filter=for_ios',
    call: (client) => client.relatedIllustrations$(81795678),
    sends: {
      method: 'GET',
      path: '/v2/illust/related',
      params: [
        ['illust_id', '81795678'],
        ['filter', 'for_ios'],
      ],
    },
    reply: NO_ILLUSTRATIONS,
  },
  {
    member: 'relatedIllustrations$',
    title: 'sends offset when given',
    call: (client) => client.relatedIllustrations$(81795678, { offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v2/illust/related',
      params: [
        ['illust_id', '81795678'],
        ['filter', 'for_ios'],
        ['offset', '30'],
      ],
    },
    reply: NO_ILLUSTRATIONS,
  },
  decoding({
    member: 'relatedIllustrations$',
    title: 'decodes the 2025 page (illust and manga, next_url with viewed[])',
    call: (client) => client.relatedIllustrationPages$(81795678).pipe(take(1)),
    answer: related(),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(30);
      expect(page.items[0]).toMatchObject({
        id: 79027419,
        title: '落陽月華',
        type: ContentType.ILLUSTRATION,
        user: { id: 15919563, name: 'ツチヤ' },
        totalBookmarks: 25092,
      });
      expect(page.items[0].createDate.toISOString()).toBe('2020-01-21T15:00:09.000Z');
      expect(page.items[0].tags[0]).toEqual({ name: '背景', translatedName: 'background' });
      expect(page.items[29].id).toBe(83152543);
      expect(new Set(page.items.map((w) => w.type))).toEqual(new Set([ContentType.ILLUSTRATION, ContentType.MANGA]));
      expect(page.nextUrl).toBe(related().next_url);
      // related pages carry seed_illust_ids[0] and viewed[n], not an offset
      expect(page.next).toBeNull();
    },
  }),
  decoding({
    member: 'relatedIllustrations$',
    title: 'follows the next_url verbatim to a final page',
    call: (client) => client.relatedIllustrations$(81795678),
    answer: related(),
    then: [NO_ILLUSTRATIONS],
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values.map((w) => w.id).slice(0, 2)).toEqual([79027419, 87326652]);
      expect(values).toHaveLength(30);
      expect(requests[1].url).toBe(related().next_url);
    },
  }),
  ...refusing('relatedIllustrations$', 'the id', BAD_IDS, (id) => (client) => client.relatedIllustrations$(id), /illustrationId/),
  ...refusing('relatedIllustrations$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.relatedIllustrations$(1, { offset }), /offset/),
];

// ---- followingIllustrations$ -------------------------------------------------------------------

const followingRows: EndpointRow[] = [
  {
    member: 'followingIllustrations$',
    title: 'sends GET /v2/illust/follow with restrict=public by default',
    call: (client) => client.followingIllustrations$(),
    sends: { method: 'GET', path: '/v2/illust/follow', params: [['restrict', 'public']] },
    reply: NO_ILLUSTRATIONS,
  },
  {
    member: 'followingIllustrations$',
    title: 'sends the visibility and the offset when given',
    call: (client) => client.followingIllustrations$({ visibility: Visibility.PRIVATE, offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v2/illust/follow',
      params: [
        ['restrict', 'private'],
        ['offset', '30'],
      ],
    },
    reply: NO_ILLUSTRATIONS,
  },
  decoding({
    member: 'followingIllustrations$',
    title: 'decodes the 2021 feed with a ugoira item',
    call: (client) => client.followingIllustrationPages$().pipe(take(1)),
    answer: fixture('v2-illust-follow/azuline-2021.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items.map((w) => [w.id, w.type])).toEqual([
        [87609354, ContentType.ILLUSTRATION],
        [87608832, ContentType.UGOIRA],
      ]);
      const ugoira = page.items[1];
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
      expect(gets(outcome.requests)).toHaveLength(1);
    },
  }),
  {
    member: 'followingIllustrations$',
    title: 'errors with a TypeError before sending anything for the visibility "secret"',
    call: (client) => client.followingIllustrations$({ visibility: 'secret' as never }),
    refuses: /visibility/,
  },
  ...refusing('followingIllustrations$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.followingIllustrations$({ offset }), /offset/),
];

// ---- recommendedIllustrations$ -----------------------------------------------------------------

const recommendedRows: EndpointRow[] = [
  {
    member: 'recommendedIllustrations$',
    title: 'sends GET /v1/illust/recommended with the defaults',
    call: (client) => client.recommendedIllustrations$(),
    sends: {
      method: 'GET',
      path: '/v1/illust/recommended',
      params: [
        ['content_type', 'illust'],
        ['include_ranking_label', 'true'],
        ['filter', 'for_ios'],
        // the library's documented default (`@default true`)
        ['include_ranking_illusts', 'true'],
      ],
    },
    reply: EMPTY_RECOMMENDED,
  },
  {
    member: 'recommendedIllustrations$',
    title: 'sends every option when given, bookmark_illust_ids comma-joined',
    call: (client) =>
      client.recommendedIllustrations$({
        contentType: ContentType.MANGA,
        includeRankingIllustrations: false,
        maxBookmarkIdForRecommend: 23491334813,
        minBookmarkIdForRecentIllustrations: 28694690028,
        offset: 30,
        bookmarkIllustIds: [81795678, 121247338],
        includeRankingLabel: false,
      }),
    sends: {
      method: 'GET',
      path: '/v1/illust/recommended',
      params: [
        ['content_type', 'manga'],
        ['include_ranking_label', 'false'],
        ['filter', 'for_ios'],
        ['include_ranking_illusts', 'false'],
        ['max_bookmark_id_for_recommend', '23491334813'],
        ['min_bookmark_id_for_recent_illust', '28694690028'],
        ['offset', '30'],
        ['bookmark_illust_ids', '81795678,121247338'],
      ],
    },
    reply: EMPTY_RECOMMENDED,
  },
  decoding({
    member: 'recommendedIllustrations$',
    title: 'decodes the 2025 page: 90 works, rankingIllustrations, contestExists and the cursor object',
    call: (client) => client.recommendedIllustrationPages$().pipe(take(1)),
    answer: fixture('v1-illust-recommended/pixivpy-2025.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(90);
      expect(page.items[0]).toMatchObject({ id: 81795678, title: 'アルストロメリアの枯言葉。', user: { id: 41736171 } });
      expect(page.items[0].createDate.toISOString()).toBe('2020-05-23T12:17:03.000Z');
      expect(page.items[0].tags[0]).toEqual({ name: 'マウス描き', translatedName: 'mouse drawing' });
      expect(page.items[89]).toMatchObject({ id: 98526952, title: '天の川シリーズ', pageCount: 4 });
      expect(page.items[89].metaPages).toHaveLength(4);
      expect(page.items[89].imageUrls[Size.ORIGINAL]).toBeNull();
      expect(new Set(page.items.map((w) => w.illustAiType))).toEqual(new Set([0, 1]));
      expect(new Set(page.items.map((w) => w.aiType))).toEqual(new Set([AiType.UNKNOWN, AiType.NOT_AI]));
      expect(page.rankingIllustrations).toEqual([]);
      expect(page.contestExists).toBe(false);
      expect(page.nextUrl).toBe(fixture('v1-illust-recommended/pixivpy-2025.json').next_url);
      expect(page.next).toEqual({
        minBookmarkIdForRecentIllustrations: 28694690028,
        maxBookmarkIdForRecommend: 23491334813,
        offset: 0,
      });
      expect(gets(outcome.requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'recommendedIllustrations$',
    title: 'decodes the 2021 page and its cursor (max_bookmark_id_for_recommend=-1 as sent)',
    call: (client) => client.recommendedIllustrationPages$().pipe(take(1)),
    answer: fixture('v1-illust-recommended/azuline-2021.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(29);
      expect(page.items[0]).toMatchObject({ id: 86336261, title: '「ドクター…？」', user: { id: 4546023 } });
      expect(page.items[0].tags[0]).toEqual({ name: 'アークナイツ', translatedName: 'Arknights' });
      expect(page.items[28].id).toBe(86320876);
      expect(page.items.every((w) => w.illustAiType === undefined)).toBe(true);
      expect(page.rankingIllustrations).toEqual([]);
      expect(page.contestExists).toBe(false);
      expect(page.next).toEqual({ minBookmarkIdForRecentIllustrations: 0, maxBookmarkIdForRecommend: -1, offset: 30 });
    },
  }),
  (() => {
    const body = fixture('v1-illust-recommended/azuline-2021.json');
    body.ranking_illusts = fixture('v1-illust-ranking/pixivpy-2025-day.json').illusts.slice(0, 3);
    body.contest_exists = true;
    body.next_url = null;
    return decoding({
      member: 'recommendedIllustrations$',
      title: 'maps ranking_illusts into rankingIllustrations',
      call: (client) => client.recommendedIllustrationPages$().pipe(take(1)),
      answer: body,
      check: (outcome) => {
        const page = only(outcome);
        expect(page.rankingIllustrations.map((w) => w.id)).toEqual(body.ranking_illusts.map((w: { id: number }) => w.id));
        expect(page.rankingIllustrations[0].title).toBe('奏鳴の宙');
        expect(page.contestExists).toBe(true);
        expect(page.next).toBeNull();
      },
    });
  })(),
  ...refusing(
    'recommendedIllustrations$',
    'the contentType',
    [
      [ContentType.NOVEL, ContentType.NOVEL],
      [ContentType.UGOIRA, ContentType.UGOIRA],
    ],
    (contentType) => (client) => client.recommendedIllustrations$({ contentType: contentType as never }),
    /contentType/,
  ),
  ...refusing(
    'recommendedIllustrations$',
    'a bookmarkIllustIds entry',
    BAD_IDS,
    (id) => (client) => client.recommendedIllustrations$({ bookmarkIllustIds: [81795678, id] }),
    /bookmarkIllustIds/,
  ),
  ...refusing(
    'recommendedIllustrations$',
    'maxBookmarkIdForRecommend',
    BAD_IDS,
    (id) => (client) => client.recommendedIllustrations$({ maxBookmarkIdForRecommend: id }),
    /maxBookmarkIdForRecommend/,
  ),
  ...refusing('recommendedIllustrations$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.recommendedIllustrations$({ offset }), /offset/),
];

// ---- rankingIllustrations$ ---------------------------------------------------------------------

const rankingRows: EndpointRow[] = [
  {
    member: 'rankingIllustrations$',
    title: 'sends GET /v1/illust/ranking with mode=day and filter=for_ios by default',
    call: (client) => client.rankingIllustrations$(),
    sends: {
      method: 'GET',
      path: '/v1/illust/ranking',
      params: [
        ['mode', 'day'],
        ['filter', 'for_ios'],
      ],
    },
    reply: NO_ILLUSTRATIONS,
  },
  {
    member: 'rankingIllustrations$',
    title: 'sends mode, date and offset when given',
    call: (client) => client.rankingIllustrations$({ mode: RankingMode.WEEK_ROOKIE, date: '2025-02-04', offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v1/illust/ranking',
      params: [
        ['mode', 'week_rookie'],
        ['filter', 'for_ios'],
        ['date', '2025-02-04'],
        ['offset', '30'],
      ],
    },
    reply: NO_ILLUSTRATIONS,
  },
  {
    member: 'rankingIllustrations$',
    title: 'sends a Date as its UTC calendar day',
    call: (client) => client.rankingIllustrations$({ date: new Date('2024-02-29T23:30:00Z') }),
    sends: {
      method: 'GET',
      path: '/v1/illust/ranking',
      params: [
        ['mode', 'day'],
        ['filter', 'for_ios'],
        ['date', '2024-02-29'],
      ],
    },
    reply: NO_ILLUSTRATIONS,
  },
  decoding({
    member: 'rankingIllustrations$',
    title: 'decodes the 2025 daily ranking (multi-page, series, restriction_attributes, webp crops)',
    call: (client) => client.rankingIllustrationPages$().pipe(take(1)),
    answer: ranking(),
    check: (outcome) => {
      const page = only(outcome);
      const works = page.items;
      expect(works).toHaveLength(30);
      expect(works[0]).toMatchObject({
        id: 126839080,
        title: '奏鳴の宙',
        type: ContentType.ILLUSTRATION,
        user: { id: 27517, name: '藤ちょこ（藤原）', account: 'fuzichoco' },
        totalBookmarks: 14061,
      });
      expect(works[0].createDate.toISOString()).toBe('2025-02-02T15:00:12.000Z');
      expect(works[0].tags[0]).toEqual({ name: 'オリジナル', translatedName: 'original' });
      expect(works[0].imageUrls).toEqual({
        [Size.SQUARE_MEDIUM]:
          'https://i.pximg.net/c/360x360_10_webp/img-master/img/2025/02/03/00/00/12/126839080_p0_square1200.jpg',
        [Size.MEDIUM]: 'https://i.pximg.net/c/540x540_70/img-master/img/2025/02/03/00/00/12/126839080_p0_master1200.jpg',
        [Size.LARGE]:
          'https://i.pximg.net/c/600x1200_90_webp/img-master/img/2025/02/03/00/00/12/126839080_p0_master1200.jpg',
        [Size.ORIGINAL]: 'https://i.pximg.net/img-original/img/2025/02/03/00/00/12/126839080_p0.png',
      });
      const last = works[29];
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
      expect(last.metaPages[0][Size.ORIGINAL]).toBe('https://i.pximg.net/img-original/img/2025/02/04/08/07/29/126857494_p0.jpg');
      expect(last.metaPages[6][Size.ORIGINAL]).toBe('https://i.pximg.net/img-original/img/2025/02/04/08/07/29/126857494_p6.jpg');
      expect(works.filter((w) => w.metaPages.length > 0)).toHaveLength(11);
      expect(works.filter((w) => w.series !== null)).toHaveLength(10);
      expect(works.filter((w) => w.type === ContentType.MANGA)).toHaveLength(10);
      expect(works.filter((w) => w.restrictionAttributes !== undefined).map((w) => w.id)).toEqual([
        126879163, 126873786, 126897195,
      ]);
      expect(works[11].restrictionAttributes).toEqual(['restricted_mode']);
      expect(page.nextUrl).toBe('https://app-api.pixiv.net/v1/illust/ranking?mode=day&filter=for_ios&date=2025-02-04&offset=30');
      expect(page.next).toBe(30);
      expect(gets(outcome.requests)).toHaveLength(1);
    },
  }),
  decoding({
    member: 'rankingIllustrations$',
    title: 'follows the next_url to a final page',
    call: (client) => client.rankingIllustrations$(),
    answer: ranking(),
    then: [NO_ILLUSTRATIONS],
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values).toHaveLength(30);
      expect(requests[1].query).toEqual([
        ['mode', 'day'],
        ['filter', 'for_ios'],
        ['date', '2025-02-04'],
        ['offset', '30'],
      ]);
    },
  }),
  {
    member: 'rankingIllustrations$',
    title: 'errors with a TypeError before sending anything for the mode "hourly"',
    call: (client) => client.rankingIllustrations$({ mode: 'hourly' as never }),
    refuses: /mode/,
  },
  ...refusing(
    'rankingIllustrations$',
    'the date',
    ['2021-02-30', '2021-2-3', 'yesterday', '2021-13-01', '2023-02-29'].map((date) => [date, date] as const),
    (date) => (client) => client.rankingIllustrations$({ date }),
    /date/,
  ),
  {
    member: 'rankingIllustrations$',
    title: 'errors with a TypeError before sending anything for an invalid Date',
    call: (client) => client.rankingIllustrations$({ date: new Date(Number.NaN) }),
    refuses: /date/,
  },
  ...refusing('rankingIllustrations$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.rankingIllustrations$({ offset }), /offset/),
];

// ---- trendingTags$ and ugoiraMetadata$ ---------------------------------------------------------

const trendingRows: EndpointRow[] = [
  {
    member: 'trendingTags$',
    title: 'sends GET /v1/trending-tags/illust with filter=for_ios',
    call: (client) => client.trendingTags$(),
    sends: { method: 'GET', path: '/v1/trending-tags/illust', params: [['filter', 'for_ios']] },
    reply: { trend_tags: [] },
  },
  decoding({
    member: 'trendingTags$',
    title: 'emits nothing for an empty list',
    call: (client) => client.trendingTags$(),
    answer: { trend_tags: [] },
    check: ({ values, error }) => {
      expect(error).toBeUndefined();
      expect(values).toEqual([]);
    },
  }),
  decoding({
    member: 'trendingTags$',
    title: 'decodes the 2021 trending tags, each with its illustration',
    call: (client) => client.trendingTags$(),
    answer: fixture('v1-trending-tags-illust/azuline-2021.json'),
    check: ({ values: tags, error }) => {
      expect(error).toBeUndefined();
      expect(tags).toHaveLength(24);
      expect(tags.slice(0, 3).map((t) => [t.tag, t.translatedName, t.illustration.id, t.illustration.title])).toEqual([
        ['甘雨(原神)', 'Ganyu (Genshin Impact)', 87521667, '甘雨'],
        ['女の子', 'girl', 87530695, 'アルビノアリス'],
        ['オリジナル', 'original', 87514094, 'Be Mine'],
      ]);
      expect(tags[23]).toMatchObject({ tag: 'ケモミミ', translatedName: 'animal ears' });
      expect(tags[23].illustration.id).toBe(87544985);
      expect(tags.some((t) => t.translatedName === null)).toBe(true);
      expect(tags[0].illustration.createDate).toBeInstanceOf(Date);
    },
  }),
  decoding({
    member: 'trendingTags$',
    title: 'errors with BadApiResponse at path "trend_tags" when the body lacks it',
    call: (client) => client.trendingTags$(),
    answer: { illusts: [] },
    check: ({ error }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('trend_tags');
    },
  }),
];

const ugoiraRows: EndpointRow[] = [
  {
    member: 'ugoiraMetadata$',
    title: 'sends GET /v1/ugoira/metadata with illust_id',
    call: (client) => client.ugoiraMetadata$(126473222),
    sends: { method: 'GET', path: '/v1/ugoira/metadata', params: [['illust_id', '126473222']] },
    reply: fixture('v1-ugoira-metadata/pixko-2025-126473222.json'),
  },
  decoding({
    member: 'ugoiraMetadata$',
    title: 'decodes the 2020 metadata: 78 frames of mixed delays and the medium zip',
    call: (client) => client.ugoiraMetadata$(47297805),
    answer: fixture('v1-ugoira-metadata/pixiv-shaft-2020-47297805.json'),
    check: (outcome) => {
      const metadata = only(outcome);
      expect(metadata.zipUrls).toEqual({
        medium: 'https://i.pximg.net/img-zip-ugoira/img/2014/11/29/09/09/57/47297805_ugoira600x600.zip',
      });
      expect(metadata.frames).toHaveLength(78);
      expect(metadata.frames[0]).toEqual({ file: '000000.jpg', delay: 120 });
      expect(metadata.frames[77]).toEqual({ file: '000077.jpg', delay: 120 });
      expect(new Set(metadata.frames.map((f) => f.delay))).toEqual(new Set([100, 120, 130, 200, 300, 500]));
      expect(metadata.frames.reduce((sum, f) => sum + f.delay, 0)).toBe(9810);
    },
  }),
  decoding({
    member: 'ugoiraMetadata$',
    title: 'decodes the 2025 metadata: 6 frames and the medium zip',
    call: (client) => client.ugoiraMetadata$(126473222),
    answer: fixture('v1-ugoira-metadata/pixko-2025-126473222.json'),
    check: (outcome) => {
      const metadata = only(outcome);
      expect(metadata.zipUrls.medium).toBe('https://i.pximg.net/img-zip-ugoira/img/2025/01/22/22/57/49/126473222_ugoira600x600.zip');
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
    },
  }),
  decoding({
    member: 'ugoiraMetadata$',
    title: 'errors with PixivApiError 404 for a deleted work',
    call: (client) => client.ugoiraMetadata$(1),
    withStatus: true,
    answer: [404, DELETED_WORK_BODY],
    check: ({ error }) => {
      expect(error).toBeInstanceOf(PixivApiError);
      expect((error as PixivApiError).status).toBe(404);
      expect((error as PixivApiError).userMessage).toBe('The artwork has been deleted or the artwork ID does not exist.');
    },
  }),
  ...refusing('ugoiraMetadata$', 'the id', BAD_IDS, (id) => (client) => client.ugoiraMetadata$(id), /illustrationId/),
];

// ---- newIllustrations$, illustrationSeries$, recommendedManga$ ---------------------------------

const newRows: EndpointRow[] = [
  {
    member: 'newIllustrations$',
    title: 'sends GET /v1/illust/new with content_type=illust and filter=for_ios by default',
    call: (client) => client.newIllustrations$(),
    sends: {
      method: 'GET',
      path: '/v1/illust/new',
      params: [
        ['content_type', 'illust'],
        ['filter', 'for_ios'],
      ],
    },
    reply: NO_ILLUSTRATIONS,
  },
  {
    member: 'newIllustrations$',
    title: 'sends manga and the max_illust_id cursor when given',
    call: (client) => client.newIllustrations$({ contentType: ContentType.MANGA, maxIllustId: 79321934 }),
    sends: {
      method: 'GET',
      path: '/v1/illust/new',
      params: [
        ['content_type', 'manga'],
        ['filter', 'for_ios'],
        ['max_illust_id', '79321934'],
      ],
    },
    reply: NO_ILLUSTRATIONS,
  },
  decoding({
    member: 'newIllustrations$',
    title: 'decodes the 2020 page; next is the max_illust_id of next_url, followed verbatim',
    call: (client) => client.newIllustrationPages$(),
    answer: fixture('v1-illust-new/owlbear-2020-trimmed.json'),
    then: [NO_ILLUSTRATIONS],
    check: ({ values: pages, error, requests }) => {
      expect(error).toBeUndefined();
      expect(pages).toHaveLength(2);
      const [page] = pages;
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).toMatchObject({
        id: 79322043,
        title: 'フェンちゃん',
        type: ContentType.ILLUSTRATION,
        user: { id: 5303964 },
        aiType: AiType.UNKNOWN,
        restriction: Restriction.NONE,
      });
      expect(page.items[0].createDate.toISOString()).toBe('2020-02-06T13:39:41.000Z');
      expect(page.next).toBe(79321934);
      expect(requests[1].url).toBe(
        'https://app-api.pixiv.net/v1/illust/new?filter=for_android&content_type=illust&max_illust_id=79321934',
      );
      expect(pages[1].next).toBeNull();
    },
  }),
  ...refusing(
    'newIllustrations$',
    'the contentType',
    [
      [ContentType.NOVEL, ContentType.NOVEL],
      [ContentType.UGOIRA, ContentType.UGOIRA],
      ['x', 'x'],
    ],
    (contentType) => (client) => client.newIllustrations$({ contentType: contentType as never }),
    /contentType/,
  ),
  ...refusing('newIllustrations$', 'maxIllustId', BAD_IDS, (id) => (client) => client.newIllustrations$({ maxIllustId: id }), /maxIllustId/),
];

const seriesRows: EndpointRow[] = [
  {
    member: 'illustrationSeries$',
    title: 'sends GET /v1/illust/series with illust_series_id and filter=for_ios',
    call: (client) => client.illustrationSeries$(21859),
    sends: {
      method: 'GET',
      path: '/v1/illust/series',
      params: [
        ['illust_series_id', '21859'],
        ['filter', 'for_ios'],
      ],
    },
    reply: fixture('v1-illust-series/pixez-flutter-2024-266067.json'),
  },
  {
    member: 'illustrationSeries$',
    title: 'sends the offset when given',
    call: (client) => client.illustrationSeries$(21859, { offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v1/illust/series',
      params: [
        ['illust_series_id', '21859'],
        ['filter', 'for_ios'],
        ['offset', '30'],
      ],
    },
    reply: fixture('v1-illust-series/pixez-flutter-2024-266067.json'),
  },
  decoding({
    member: 'illustrationSeries$',
    title: 'decodes the complete 2024 page: seriesDetail without a cover, firstIllustration, R-18 works not made with AI',
    call: (client) => client.illustrationSeriesPages$(266067),
    answer: fixture('v1-illust-series/pixez-flutter-2024-266067.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items.map((w) => [w.id, w.title])).toEqual([
        [125547965, "X'max Present 下篇"],
        [125508098, "X'max Present 上篇"],
      ]);
      expect(page.items.map((w) => [w.aiType, w.restriction])).toEqual([
        [AiType.NOT_AI, Restriction.R18],
        [AiType.NOT_AI, Restriction.R18],
      ]);
      expect(page.seriesDetail).toEqual({
        id: 266067,
        title: "X'max Present",
        caption: '',
        user: expect.objectContaining({ id: 4004637, name: '幻羽', account: '9365710x', isFollowed: false }),
        coverImageUrls: { medium: null },
        seriesWorkCount: 2,
        createDate: new Date('2024-12-24T16:27:20.000Z'),
        width: 0,
        height: 0,
        watchlistAdded: true,
      });
      expect(page.firstIllustration?.id).toBe(125508098);
      expect(page.nextUrl).toBeNull();
      expect(page.next).toBeNull();
    },
  }),
  decoding({
    member: 'illustrationSeries$',
    title: 'decodes the 2020 page: a cover, 112 works, the offset cursor',
    call: (client) => client.illustrationSeriesPages$(21859).pipe(take(1)),
    answer: fixture('v1-illust-series/owlbear-2020-21859-trimmed.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items.map((w) => w.id)).toEqual([79070294]);
      expect(page.seriesDetail).toMatchObject({ id: 21859, title: '先輩がうざい後輩の話', seriesWorkCount: 112, user: { id: 10509347 } });
      expect(page.seriesDetail.coverImageUrls.medium).toMatch(/^https:\/\/i\.pximg\.net\/c\/782x410_80_a2_g5\//);
      expect(page.seriesDetail.watchlistAdded).toBeUndefined();
      expect(page.firstIllustration?.id).toBe(65014429);
      expect(page.next).toBe(30);
    },
  }),
  decoding({
    member: 'illustrationSeries$',
    title: 'gives firstIllustration null when the page has none',
    call: (client) => client.illustrationSeriesPages$(266067),
    answer: { ...fixture<object>('v1-illust-series/pixez-flutter-2024-266067.json'), illust_series_first_illust: null },
    check: (outcome) => expect(only(outcome).firstIllustration).toBeNull(),
  }),
  decoding({
    member: 'illustrationSeries$',
    title: 'errors with BadApiResponse at path "illusts" for the DERIVED-PARTIAL page that kept only the series',
    call: (client) => client.illustrationSeries$(147483),
    answer: fixture('v1-illust-series/pixivts-2025-147483-derived-partial.json'),
    check: ({ error }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('illusts');
    },
  }),
  decoding({
    member: 'illustrationSeries$',
    title: 'errors with BadApiResponse at the path of a series detail without its user',
    call: (client) => client.illustrationSeries$(266067),
    answer: (() => {
      const body = fixture('v1-illust-series/pixez-flutter-2024-266067.json');
      delete body.illust_series_detail.user;
      return body;
    })(),
    check: ({ error }) => {
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('illust_series_detail.user');
    },
  }),
  ...refusing('illustrationSeries$', 'the series id', BAD_IDS, (id) => (client) => client.illustrationSeries$(id), /seriesId/),
  ...refusing('illustrationSeries$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.illustrationSeries$(1, { offset }), /offset/),
];

const mangaRows: EndpointRow[] = [
  {
    member: 'recommendedManga$',
    title: 'sends GET /v1/manga/recommended with the defaults',
    call: (client) => client.recommendedManga$(),
    sends: {
      method: 'GET',
      path: '/v1/manga/recommended',
      params: [
        ['filter', 'for_ios'],
        ['include_ranking_label', 'true'],
        ['include_ranking_illusts', 'true'],
      ],
    },
    reply: NO_ILLUSTRATIONS,
  },
  {
    member: 'recommendedManga$',
    title: 'sends includeRankingIllustrations and the offset when given',
    call: (client) => client.recommendedManga$({ includeRankingIllustrations: false, offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v1/manga/recommended',
      params: [
        ['filter', 'for_ios'],
        ['include_ranking_label', 'true'],
        ['include_ranking_illusts', 'false'],
        ['offset', '30'],
      ],
    },
    reply: NO_ILLUSTRATIONS,
  },
  decoding({
    member: 'recommendedManga$',
    title: 'decodes the 2020 page (no contest_exists): manga and rankingIllustrations',
    call: (client) => client.recommendedMangaPages$().pipe(take(1)),
    answer: fixture('v1-manga-recommended/owlbear-2020-trimmed.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items.map((w) => [w.id, w.type])).toEqual([[73498778, ContentType.MANGA]]);
      expect(page.rankingIllustrations.map((w) => [w.id, w.title])).toEqual([
        [79299672, '【創作】空気が「読める」新入社員と不愛想な先輩の話７'],
      ]);
      expect(page.next).toBe(30);
      expect(page.nextUrl).toContain('max_bookmark_id=7419686721');
    },
  }),
  ...refusing('recommendedManga$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.recommendedManga$({ offset }), /offset/),
  {
    member: 'recommendedManga$',
    title: 'errors with a TypeError before sending anything when includeRankingIllustrations is not a boolean',
    call: (client) => client.recommendedManga$({ includeRankingIllustrations: 1 as unknown as boolean }),
    refuses: /includeRankingIllustrations/,
  },
];


export const rows: readonly EndpointRow[] = [
  ...illustration,
  ...comments,
  ...relatedRows,
  ...followingRows,
  ...recommendedRows,
  ...rankingRows,
  ...trendingRows,
  ...ugoiraRows,
  ...newRows,
  ...seriesRows,
  ...mangaRows,
];
