import { take } from 'rxjs';
import { BadApiResponse, PixivApiError } from '../../../lib/errors';
import { AiType, RankingMode, Restriction, Visibility } from '../../../lib/models';
import { webviewPage } from '../../models/novel-webview';
import { API, fixture } from '../../support/mock-api';
import { BAD_IDS, BAD_OFFSETS } from '../request-shape';
import { decoding, gets, only, posts, refusing } from './build';
import type { EndpointRow } from './row';

const NO_NOVELS = { novels: [], next_url: null };
const NO_COMMENTS = { comments: [], next_url: null };
const NO_TAGS = { bookmark_tags: [], next_url: null };
const BOOKMARK_DETAIL = { bookmark_detail: { is_bookmarked: false, tags: [], restrict: 'public' } };
const NO_SERIES = {
  novels: [],
  next_url: null,
  novel_series_detail: {
    id: 1222375,
    title: 'series',
    caption: '',
    user: { id: 1, name: 'a', account: 'a', profile_image_urls: {} },
  },
};

export const rows: readonly EndpointRow[] = [
  // ---- novel$ ----------------------------------------------------------------------------------
  {
    member: 'novel$',
    title: 'sends GET /v2/novel/detail with novel_id',
    call: (client) => client.novel$(12035664),
    sends: { method: 'GET', path: '/v2/novel/detail', params: [['novel_id', '12035664']] },
    reply: fixture('v2-novel-detail/owlbear-2019-12035664.json'),
  },
  ...refusing('novel$', 'the novelId', BAD_IDS, (id) => (client) => client.novel$(id), /novelId/),
  decoding({
    member: 'novel$',
    title: 'decodes the complete 2019 detail: counters, a series, tags with who added them',
    call: (client) => client.novel$(12035664),
    answer: fixture('v2-novel-detail/owlbear-2019-12035664.json'),
    check: (outcome) => {
      const novel = only(outcome);
      expect(novel).toMatchObject({
        id: 12035664,
        title: 'こういうの霊視っていうんですか？7',
        pageCount: 4,
        textLength: 18401,
        totalBookmarks: 3541,
        totalView: 17321,
        totalComments: 62,
        xRestrict: 0,
        aiType: AiType.UNKNOWN,
        restriction: Restriction.NONE,
        series: { id: 1189914, title: 'もしかして、見えてますか？' },
        user: { id: 17572202, account: 'kani0522', isFollowed: false },
      });
      expect(novel.createDate.toISOString()).toBe('2019-12-03T21:28:10.000Z');
      expect(novel.tags[3]).toEqual({ name: '煉獄杏寿郎', translatedName: 'Kyojuro Rengoku', addedByUploadedUser: true });
      expect(novel.imageUrls.large).toBe('https://s.pximg.net/common/images/novel_thumb/novel_thumb_10_240mw.jpg');
    },
  }),

  // ---- novelText$ ------------------------------------------------------------------------------
  {
    member: 'novelText$',
    title: 'sends GET /webview/v2/novel with id and viewer_version',
    call: (client) => client.novelText$(19713880),
    sends: {
      method: 'GET',
      path: '/webview/v2/novel',
      params: [
        ['id', '19713880'],
        ['viewer_version', '20221031_ai'],
      ],
    },
    reply: webviewPage(),
  },
  ...refusing('novelText$', 'the novelId', BAD_IDS, (id) => (client) => client.novelText$(id), /novelId/),
  decoding({
    member: 'novelText$',
    title: 'reads the novel embedded in the real page shape: text, pages and uploaded images',
    call: (client) => client.novelText$(19713880),
    answer: webviewPage(),
    check: (outcome) => {
      const text = only(outcome);
      expect(text.novelId).toBe(19713880);
      expect(text.title).toBe('友奈vs若葉 (ai小说测试)');
      expect(text.text).toHaveLength(1689);
      expect(text.pages).toHaveLength(1);
      expect(text.pages[0].filter((node) => node.type === 'uploadedImage')).toEqual([
        { type: 'uploadedImage', imageId: '15324760' },
        { type: 'uploadedImage', imageId: '15324755' },
        { type: 'uploadedImage', imageId: '15324756' },
      ]);
      expect(Object.keys(text.images).sort()).toEqual(['15324755', '15324756', '15324760']);
      expect(text.images['15324755']).toBe(
        'https://i.pximg.net/novel-cover-original/img/2023/04/18/15/55/38/tei749977690611_de1619a4c2b53a72542e404b856867ff.jpg',
      );
      expect(text.seriesNavigation).toBeNull();
      expect(text.coverUrl).toBe(
        'https://i.pximg.net/c/240x480_80/novel-cover-master/img/2023/04/18/16/01/21/ci19713880_2f875f0a416bafccf6acc931048f08ca_master1200.jpg',
      );
    },
  }),
  decoding({
    member: 'novelText$',
    title: 'errors with BadApiResponse at pixiv for a page without the window.pixiv script',
    call: (client) => client.novelText$(19713880),
    answer: '<!DOCTYPE html><html><body>Please log in</body></html>',
    check: ({ values, error }) => {
      expect(values).toEqual([]);
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('pixiv');
    },
  }),

  // ---- userNovels$ -----------------------------------------------------------------------------
  {
    member: 'userNovels$',
    title: 'sends GET /v1/user/novels with user_id and filter',
    call: (client) => client.userNovels$(24970193),
    sends: {
      method: 'GET',
      path: '/v1/user/novels',
      params: [
        ['user_id', '24970193'],
        ['filter', 'for_ios'],
      ],
    },
    reply: NO_NOVELS,
  },
  {
    member: 'userNovels$',
    title: 'sends the offset',
    call: (client) => client.userNovels$(24970193, { offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v1/user/novels',
      params: [
        ['user_id', '24970193'],
        ['filter', 'for_ios'],
        ['offset', '30'],
      ],
    },
    reply: NO_NOVELS,
  },
  ...refusing('userNovels$', 'the userId', BAD_IDS, (id) => (client) => client.userNovels$(id), /userId/),
  ...refusing('userNovels$', 'the offset', BAD_OFFSETS, (offset) => (client) => client.userNovels$(24970193, { offset }), /offset/),
  decoding({
    member: 'userNovelPages$',
    title: 'decodes the 2019 page, which has no top-level user',
    call: (client) => client.userNovelPages$(24970193),
    answer: fixture('v1-user-novels/owlbear-2019-24970193.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).toMatchObject({ pageCount: 4, series: null });
      expect(page.nextUrl).toBeNull();
      expect(page.next).toBeNull();
    },
  }),

  // ---- novelSeries$ ----------------------------------------------------------------------------
  {
    member: 'novelSeries$',
    title: 'sends GET /v2/novel/series with series_id and filter',
    call: (client) => client.novelSeries$(1222375),
    sends: {
      method: 'GET',
      path: '/v2/novel/series',
      params: [
        ['series_id', '1222375'],
        ['filter', 'for_ios'],
      ],
    },
    reply: NO_SERIES,
  },
  {
    member: 'novelSeries$',
    title: 'sends last_order',
    call: (client) => client.novelSeries$(1222375, { lastOrder: 30 }),
    sends: {
      method: 'GET',
      path: '/v2/novel/series',
      params: [
        ['series_id', '1222375'],
        ['filter', 'for_ios'],
        ['last_order', '30'],
      ],
    },
    reply: NO_SERIES,
  },
  ...refusing('novelSeries$', 'the seriesId', BAD_IDS, (id) => (client) => client.novelSeries$(id), /seriesId/),
  {
    member: 'novelSeries$',
    title: 'refuses the lastOrder 1.5',
    call: (client) => client.novelSeries$(1222375, { lastOrder: 1.5 }),
    refuses: /lastOrder/,
  },
  decoding({
    member: 'novelSeries$',
    title: 'follows the last_order cursor of next_url verbatim to the last page',
    call: (client) => client.novelSeries$(1222375),
    answer: {
      ...fixture<object>('v2-novel-series/pixiv-shaft-2020-1222375.json'),
      next_url: `${API}/v2/novel/series?series_id=1222375&filter=for_ios&last_order=12`,
    },
    then: [NO_SERIES],
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values).toHaveLength(12);
      expect(gets(requests).map((request) => request.query)).toEqual([
        [
          ['series_id', '1222375'],
          ['filter', 'for_ios'],
        ],
        [
          ['series_id', '1222375'],
          ['filter', 'for_ios'],
          ['last_order', '12'],
        ],
      ]);
    },
  }),
  {
    member: 'novelSeries$',
    title: 'resumes from a next_url of the same series, as given',
    call: (client) =>
      client.novelSeries$(1222375, { resumeFrom: `${API}/v2/novel/series?series_id=1222375&filter=for_ios&last_order=30` }),
    sends: {
      method: 'GET',
      path: '/v2/novel/series',
      params: [
        ['series_id', '1222375'],
        ['filter', 'for_ios'],
        ['last_order', '30'],
      ],
    },
    reply: NO_SERIES,
  },
  {
    member: 'novelSeries$',
    title: 'refuses a resumeFrom of another endpoint',
    call: (client) => client.novelSeries$(1222375, { resumeFrom: `${API}/v1/user/novels?user_id=1&offset=30` }),
    refuses: /resumeFrom/,
  },
  decoding({
    member: 'novelSeriesPages$',
    title: 'decodes the whole 2020 series: 12 novels, the header, the first and latest novels',
    call: (client) => client.novelSeriesPages$(1222375),
    answer: fixture('v2-novel-series/pixiv-shaft-2020-1222375.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(12);
      expect(page.next).toBeNull();
      expect(page.seriesDetail).toMatchObject({
        id: 1222375,
        title: '桔梗成り代わり主の大正御伽草子',
        contentCount: 12,
        totalCharacterCount: 95743,
        isConcluded: false,
        aiType: AiType.UNKNOWN,
        user: { id: 16968169, account: '0wv2j056785262u' },
      });
      expect(page.firstNovel?.id).toBe(page.items[0].id);
      expect(page.latestNovel?.id).toBe(page.items[11].id);
    },
  }),

  // ---- novelComments$ --------------------------------------------------------------------------
  {
    member: 'novelComments$',
    title: 'sends GET /v3/novel/comments with novel_id',
    call: (client) => client.novelComments$(12035664),
    sends: { method: 'GET', path: '/v3/novel/comments', params: [['novel_id', '12035664']] },
    reply: NO_COMMENTS,
  },
  {
    member: 'novelComments$',
    title: 'sends the offset',
    call: (client) => client.novelComments$(12035664, { offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v3/novel/comments',
      params: [
        ['novel_id', '12035664'],
        ['offset', '30'],
      ],
    },
    reply: NO_COMMENTS,
  },
  ...refusing('novelComments$', 'the novelId', BAD_IDS, (id) => (client) => client.novelComments$(id), /novelId/),
  decoding({
    member: 'novelComments$',
    title: 'decodes the v2 comment shape (no parent_comment, authors without is_followed)',
    call: (client) => client.novelComments$(12035664),
    answer: fixture('v2-novel-comments/owlbear-2019-12035664-trimmed.json'),
    check: (outcome) => {
      const comment = only(outcome);
      expect(comment).toMatchObject({ parentComment: null, user: { isFollowed: null } });
      expect(typeof comment.hasReplies).toBe('boolean');
    },
  }),

  // ---- recommendedNovels$ ----------------------------------------------------------------------
  {
    member: 'recommendedNovels$',
    title: 'sends GET /v1/novel/recommended with the defaults',
    call: (client) => client.recommendedNovels$(),
    sends: {
      method: 'GET',
      path: '/v1/novel/recommended',
      params: [
        ['include_ranking_label', 'true'],
        ['filter', 'for_ios'],
        ['include_ranking_novels', 'true'],
      ],
    },
    reply: NO_NOVELS,
  },
  {
    member: 'recommendedNovels$',
    title: 'sends includeRankingNovels and offset',
    call: (client) => client.recommendedNovels$({ includeRankingNovels: false, offset: 15 }),
    sends: {
      method: 'GET',
      path: '/v1/novel/recommended',
      params: [
        ['include_ranking_label', 'true'],
        ['filter', 'for_ios'],
        ['include_ranking_novels', 'false'],
        ['offset', '15'],
      ],
    },
    reply: NO_NOVELS,
  },
  {
    member: 'recommendedNovels$',
    title: 'refuses an includeRankingNovels that is not a boolean',
    call: (client) => client.recommendedNovels$({ includeRankingNovels: 'yes' as never }),
    refuses: /includeRankingNovels/,
  },
  decoding({
    member: 'recommendedNovelPages$',
    title: 'decodes the 2020 page: rankingNovels, and next holds offset and max_bookmark_id_for_recommend',
    // the first page only: next_url leads on, and later requests answer 404
    call: (client) => client.recommendedNovelPages$().pipe(take(1)),
    answer: fixture('v1-novel-recommended/owlbear-2020-trimmed.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(1);
      expect(page.rankingNovels).toHaveLength(1);
      expect(page.next).toEqual({ offset: 15, maxBookmarkIdForRecommend: 0 });
    },
  }),

  // ---- newNovels$ ------------------------------------------------------------------------------
  {
    member: 'newNovels$',
    title: 'sends GET /v1/novel/new with filter',
    call: (client) => client.newNovels$(),
    sends: { method: 'GET', path: '/v1/novel/new', params: [['filter', 'for_ios']] },
    reply: NO_NOVELS,
  },
  {
    member: 'newNovels$',
    title: 'sends max_novel_id',
    call: (client) => client.newNovels$({ maxNovelId: 12333608 }),
    sends: {
      method: 'GET',
      path: '/v1/novel/new',
      params: [
        ['filter', 'for_ios'],
        ['max_novel_id', '12333608'],
      ],
    },
    reply: NO_NOVELS,
  },
  ...refusing('newNovels$', 'the maxNovelId', BAD_IDS, (id) => (client) => client.newNovels$({ maxNovelId: id }), /maxNovelId/),
  decoding({
    member: 'newNovels$',
    title: 'follows the max_novel_id cursor of next_url to the last page',
    call: (client) => client.newNovels$(),
    answer: fixture('v1-novel-new/owlbear-2020-trimmed.json'),
    then: [NO_NOVELS],
    check: ({ values, error, requests }) => {
      expect(error).toBeUndefined();
      expect(values).toHaveLength(1);
      expect(gets(requests)[1]?.query).toEqual([['max_novel_id', '12333608']]);
    },
  }),
  decoding({
    member: 'newNovelPages$',
    title: 'decodes the 2020 page; next is the max_novel_id of next_url',
    // the first page only: next_url leads on, and later requests answer 404
    call: (client) => client.newNovelPages$().pipe(take(1)),
    answer: fixture('v1-novel-new/owlbear-2020-trimmed.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(1);
      expect(page.next).toBe(12333608);
    },
  }),

  // ---- followingNovels$ ------------------------------------------------------------------------
  {
    member: 'followingNovels$',
    title: 'sends GET /v1/novel/follow with restrict=public',
    call: (client) => client.followingNovels$(),
    sends: { method: 'GET', path: '/v1/novel/follow', params: [['restrict', 'public']] },
    reply: NO_NOVELS,
  },
  {
    member: 'followingNovels$',
    title: 'sends the visibility and offset',
    call: (client) => client.followingNovels$({ visibility: Visibility.PRIVATE, offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v1/novel/follow',
      params: [
        ['restrict', 'private'],
        ['offset', '30'],
      ],
    },
    reply: NO_NOVELS,
  },
  {
    member: 'followingNovels$',
    title: 'refuses the visibility "secret"',
    call: (client) => client.followingNovels$({ visibility: 'secret' as never }),
    refuses: /visibility/,
  },
  decoding({
    member: 'followingNovelPages$',
    title: 'decodes the 2020 page, whose novel in no series has series: []',
    // the first page only: next_url leads on, and later requests answer 404
    call: (client) => client.followingNovelPages$().pipe(take(1)),
    answer: fixture('v1-novel-follow/owlbear-2020-trimmed.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items.map((novel) => novel.series)).toEqual([null]);
      expect(page.next).toBe(30);
    },
  }),

  // ---- rankingNovels$ --------------------------------------------------------------------------
  {
    member: 'rankingNovels$',
    title: 'sends GET /v1/novel/ranking with mode=day and filter',
    call: (client) => client.rankingNovels$(),
    sends: {
      method: 'GET',
      path: '/v1/novel/ranking',
      params: [
        ['mode', 'day'],
        ['filter', 'for_ios'],
      ],
    },
    reply: NO_NOVELS,
  },
  {
    member: 'rankingNovels$',
    title: 'sends the mode, date and offset',
    call: (client) => client.rankingNovels$({ mode: RankingMode.WEEK, date: '2019-12-01', offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v1/novel/ranking',
      params: [
        ['mode', 'week'],
        ['date', '2019-12-01'],
        ['filter', 'for_ios'],
        ['offset', '30'],
      ],
    },
    reply: NO_NOVELS,
  },
  {
    member: 'rankingNovels$',
    title: 'refuses the date 2019-02-30',
    call: (client) => client.rankingNovels$({ date: '2019-02-30' }),
    refuses: /date/,
  },
  {
    member: 'rankingNovels$',
    title: 'refuses the mode "hourly"',
    call: (client) => client.rankingNovels$({ mode: 'hourly' as never }),
    refuses: /mode/,
  },
  decoding({
    member: 'rankingNovelPages$',
    title: 'decodes the 2019 daily ranking',
    // the first page only: next_url leads on, and later requests answer 404
    call: (client) => client.rankingNovelPages$().pipe(take(1)),
    answer: fixture('v1-novel-ranking/owlbear-2019-day-trimmed.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(1);
      expect(page.next).toBe(30);
    },
  }),

  // ---- userNovelBookmarks$ ---------------------------------------------------------------------
  {
    member: 'userNovelBookmarks$',
    title: 'sends GET /v1/user/bookmarks/novel with user_id and restrict=public',
    call: (client) => client.userNovelBookmarks$(4599056),
    sends: {
      method: 'GET',
      path: '/v1/user/bookmarks/novel',
      params: [
        ['user_id', '4599056'],
        ['restrict', 'public'],
      ],
    },
    reply: NO_NOVELS,
  },
  {
    member: 'userNovelBookmarks$',
    title: 'sends the visibility, tag and max_bookmark_id',
    call: (client) =>
      client.userNovelBookmarks$(4599056, { visibility: Visibility.PRIVATE, tag: '夢小説 a&b', maxBookmarkId: 535297535 }),
    sends: {
      method: 'GET',
      path: '/v1/user/bookmarks/novel',
      params: [
        ['user_id', '4599056'],
        ['restrict', 'private'],
        ['tag', '夢小説 a&b'],
        ['max_bookmark_id', '535297535'],
      ],
    },
    reply: NO_NOVELS,
  },
  ...refusing('userNovelBookmarks$', 'the userId', BAD_IDS, (id) => (client) => client.userNovelBookmarks$(id), /userId/),
  ...refusing('userNovelBookmarks$', 'the maxBookmarkId', BAD_IDS, (id) => (client) => client.userNovelBookmarks$(1, { maxBookmarkId: id }), /maxBookmarkId/),
  {
    member: 'userNovelBookmarks$',
    title: 'refuses an empty tag',
    call: (client) => client.userNovelBookmarks$(4599056, { tag: ' ' }),
    refuses: /tag/,
  },
  decoding({
    member: 'userNovelBookmarkPages$',
    title: 'decodes the 2019 page; next is the max_bookmark_id of next_url',
    // the first page only: next_url leads on, and later requests answer 404
    call: (client) => client.userNovelBookmarkPages$(4599056).pipe(take(1)),
    answer: fixture('v1-user-bookmarks-novel/owlbear-2019-4599056.json'),
    check: (outcome) => {
      const page = only(outcome);
      expect(page.items).toHaveLength(1);
      expect(page.next).toBe(535297535);
    },
  }),

  // ---- userNovelBookmarkTags$ ------------------------------------------------------------------
  {
    member: 'userNovelBookmarkTags$',
    title: 'sends GET /v1/user/bookmark-tags/novel with user_id and restrict=public',
    call: (client) => client.userNovelBookmarkTags$(4599056),
    sends: {
      method: 'GET',
      path: '/v1/user/bookmark-tags/novel',
      params: [
        ['user_id', '4599056'],
        ['restrict', 'public'],
      ],
    },
    reply: NO_TAGS,
  },
  {
    member: 'userNovelBookmarkTags$',
    title: 'sends the visibility and offset',
    call: (client) => client.userNovelBookmarkTags$(4599056, { visibility: Visibility.PRIVATE, offset: 30 }),
    sends: {
      method: 'GET',
      path: '/v1/user/bookmark-tags/novel',
      params: [
        ['user_id', '4599056'],
        ['restrict', 'private'],
        ['offset', '30'],
      ],
    },
    reply: NO_TAGS,
  },
  ...refusing('userNovelBookmarkTags$', 'the userId', BAD_IDS, (id) => (client) => client.userNovelBookmarkTags$(id), /userId/),

  // ---- novel bookmarks -------------------------------------------------------------------------
  {
    member: 'novelBookmark$',
    title: 'sends GET /v2/novel/bookmark/detail with novel_id',
    call: (client) => client.novelBookmark$(12035664),
    sends: { method: 'GET', path: '/v2/novel/bookmark/detail', params: [['novel_id', '12035664']] },
    reply: BOOKMARK_DETAIL,
  },
  ...refusing('novelBookmark$', 'the novelId', BAD_IDS, (id) => (client) => client.novelBookmark$(id), /novelId/),
  {
    member: 'addNovelBookmark',
    title: 'POSTs novel_id and restrict=public to /v2/novel/bookmark/add',
    call: (client) => client.addNovelBookmark(12035664),
    sends: {
      method: 'POST',
      path: '/v2/novel/bookmark/add',
      params: [
        ['novel_id', '12035664'],
        ['restrict', 'public'],
      ],
    },
  },
  {
    member: 'addNovelBookmark',
    title: 'POSTs the visibility and one tags[] entry per tag',
    call: (client) => client.addNovelBookmark(12035664, { visibility: Visibility.PRIVATE, tags: ['鬼滅の夢', 'a b&c'] }),
    sends: {
      method: 'POST',
      path: '/v2/novel/bookmark/add',
      params: [
        ['novel_id', '12035664'],
        ['restrict', 'private'],
        ['tags[]', '鬼滅の夢'],
        ['tags[]', 'a b&c'],
      ],
    },
  },
  decoding({
    member: 'addNovelBookmark',
    title: 'does not resend a POST answered 503: exactly one POST',
    call: (client) => client.addNovelBookmark(12035664),
    withStatus: true,
    answer: [503, ''],
    check: ({ values, error, requests }) => {
      expect(values).toEqual([]);
      expect(error).toBeInstanceOf(PixivApiError);
      expect((error as PixivApiError).status).toBe(503);
      expect(posts(requests)).toHaveLength(1);
    },
  }),
  ...refusing('addNovelBookmark', 'the novelId', BAD_IDS, (id) => (client) => client.addNovelBookmark(id), /novelId/),
  {
    member: 'addNovelBookmark',
    title: 'refuses an empty tag',
    call: (client) => client.addNovelBookmark(12035664, { tags: ['ok', ''] }),
    refuses: /tags/,
  },
  {
    member: 'deleteNovelBookmark',
    title: 'POSTs novel_id to /v1/novel/bookmark/delete',
    call: (client) => client.deleteNovelBookmark(12035664),
    sends: { method: 'POST', path: '/v1/novel/bookmark/delete', params: [['novel_id', '12035664']] },
  },
  ...refusing('deleteNovelBookmark', 'the novelId', BAD_IDS, (id) => (client) => client.deleteNovelBookmark(id), /novelId/),

  // ---- trendingNovelTags$ ----------------------------------------------------------------------
  {
    member: 'trendingNovelTags$',
    title: 'sends GET /v1/trending-tags/novel with filter',
    call: (client) => client.trendingNovelTags$(),
    sends: { method: 'GET', path: '/v1/trending-tags/novel', params: [['filter', 'for_ios']] },
    reply: { trend_tags: [] },
  },
  decoding({
    member: 'trendingNovelTags$',
    title: 'pairs each tag with the illustration the real body carries',
    call: (client) => client.trendingNovelTags$(),
    answer: fixture('v1-trending-tags-novel/owlbear-2020-trimmed.json'),
    check: ({ values: tags, error }) => {
      expect(error).toBeUndefined();
      expect(tags.length).toBeGreaterThan(0);
      expect(tags[0]).toMatchObject({ tag: '不死川実弥', translatedName: 'Sanemi Shinazugawa' });
      expect(tags[0].illustration).toMatchObject({ id: 77948447, type: 'manga' });
    },
  }),
];
