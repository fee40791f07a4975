import {
  AiType,
  NovelDetailBody,
  NovelSeriesBody,
  Restriction,
  UserPreviewsBody,
  decode,
  toNovel,
  toNovelSeriesDetail,
} from '../../lib/models';
import { decodeError, fixture } from './fixture';

const DERIVED_PARTIAL = 'v2-novel-detail/pixivts-2023-13574875-derived-partial.json';

describe('NovelDetailBody', () => {
  // SOURCES.md: the pixivts snapshot this body was rebuilt from stripped total_bookmarks,
  // total_view and total_comments. The real endpoint sends them. A novel's bookmark and view
  // counts are core, as an illustration's are (Illustration.totalBookmarks/totalView are not
  // optional); total_comments is optional for both, as list endpoints leave it out.
  it('rejects the derived-partial body for its missing total_bookmarks', () => {
    const error = decodeError(NovelDetailBody, fixture(DERIVED_PARTIAL));
    expect(error.path).toBe('novel.total_bookmarks');
    expect(error.message).toBe(
      'Unexpected API response at novel.total_bookmarks: expected number, but the field is missing',
    );
  });

  it('rejects it for total_view once total_bookmarks is back, and accepts it without total_comments', () => {
    const body = fixture(DERIVED_PARTIAL);
    body.novel.total_bookmarks = 12;
    expect(decodeError(NovelDetailBody, body).path).toBe('novel.total_view');
    body.novel.total_view = 345;
    expect(decode(NovelDetailBody, body).novel.total_comments).toBeUndefined();
  });

  describe('with the stripped counters put back', () => {
    const body = fixture(DERIVED_PARTIAL);
    body.novel.total_bookmarks = 12;
    body.novel.total_view = 345;
    body.novel.total_comments = 6;
    const novel = toNovel(decode(NovelDetailBody, body).novel);

    it('maps the modern novel fields', () => {
      expect(novel).toMatchObject({
        id: 13574875,
        title: 'それはまるで鍵盤を奏でる細指の如く',
        pageCount: 7,
        textLength: 6931,
        xRestrict: 0,
        aiType: AiType.UNKNOWN,
        restriction: Restriction.NONE,
        isBookmarked: false,
        isMuted: false,
        visible: true,
        totalBookmarks: 12,
        totalView: 345,
        totalComments: 6,
      });
      expect(novel.createDate.toISOString()).toBe('2020-08-22T12:24:48.000Z');
      expect(novel.imageUrls.medium).toBe(
        'https://i.pximg.net/c/176x352/novel-cover-master/img/2020/08/22/21/24/48/13574875_5c3aae3260ca71f457dd4d7f20342edf_master1200.jpg',
      );
    });

    it('maps `series: {}` to null', () => {
      expect(novel.series).toBeNull();
    });

    it('maps tags with who added them, and the author', () => {
      expect(novel.tags).toHaveLength(8);
      expect(novel.tags[0]).toEqual({ name: '二次創作', translatedName: null, addedByUploadedUser: true });
      expect(novel.user).toMatchObject({ id: 53003997, account: 'user_wrmt2824', name: '蘇鞠-そまり-', isFollowed: false });
    });
  });

  it('maps a populated series', () => {
    const body = fixture(DERIVED_PARTIAL);
    Object.assign(body.novel, { total_bookmarks: 1, total_view: 2, series: { id: 1234, title: 'シリーズ' } });
    expect(toNovel(decode(NovelDetailBody, body).novel).series).toEqual({ id: 1234, title: 'シリーズ' });
  });

  it('rejects a series that is neither {}, null nor {id, title}', () => {
    const body = fixture(DERIVED_PARTIAL);
    Object.assign(body.novel, { total_bookmarks: 1, total_view: 2, series: { id: 1234 } });
    expect(decodeError(NovelDetailBody, body).path).toBe('novel.series.title');
  });
});

describe('toNovel', () => {
  it('maps the novels embedded in user previews (2021), counters included', () => {
    const previews = decode(UserPreviewsBody, fixture('v1-user-following/azuline-2021-126852.json')).user_previews;
    const novels = previews[29].novels.map(toNovel);
    expect(novels).toHaveLength(3);
    expect(novels[0]).toMatchObject({
      id: 14620056,
      title: 'オタク趣味の後輩が新しい扉を開く話2',
      series: null,
      totalBookmarks: 24,
    });
    expect(novels[0].createDate.toISOString()).toBe('2021-02-07T11:19:17.000Z');
  });
});

describe('Novel: old shapes, partial bodies, AI and restriction', () => {
  const detail = () => fixture('v2-novel-detail/owlbear-2019-12035664.json');

  it('decodes the 2018 novels of user previews, which have no is_original, x_restrict or translated names', () => {
    const previews = decode(UserPreviewsBody, fixture('v1-search-user/pix-ezviewer-2018.json')).user_previews;
    const novels = previews.flatMap((preview) => preview.novels).map(toNovel);
    expect(novels.length).toBeGreaterThan(0);
    for (const novel of novels) {
      expect(novel).toMatchObject({ xRestrict: 0, aiType: AiType.UNKNOWN, restriction: Restriction.NONE });
      for (const tag of novel.tags) expect(tag.translatedName).toBeNull();
    }
  });

  it('maps a series sent as [] (the 2020 follow feed) to null', () => {
    const body = detail();
    body.novel.series = [];
    expect(toNovel(decode(NovelDetailBody, body).novel).series).toBeNull();
  });

  it('rejects a series that is a non-empty array', () => {
    const body = detail();
    body.novel.series = [{ id: 1, title: 'x' }];
    expect(decodeError(NovelDetailBody, body).path).toBe('novel.series');
  });

  it.each([
    [undefined, AiType.UNKNOWN],
    [0, AiType.UNKNOWN],
    [1, AiType.NOT_AI],
    [2, AiType.AI],
    [7, AiType.UNKNOWN],
  ])('maps novel_ai_type %p to %p', (raw, aiType) => {
    const body = detail();
    if (raw !== undefined) body.novel.novel_ai_type = raw;
    expect(toNovel(decode(NovelDetailBody, body).novel).aiType).toBe(aiType);
  });

  it.each([
    [0, Restriction.NONE],
    [1, Restriction.R18],
    [2, Restriction.R18G],
  ])('maps x_restrict %p to %p', (xRestrict, restriction) => {
    const body = detail();
    body.novel.x_restrict = xRestrict;
    expect(toNovel(decode(NovelDetailBody, body).novel)).toMatchObject({ xRestrict, restriction });
  });

  it('is HIDDEN when Pixiv sent a limit_* placeholder cover', () => {
    const body = detail();
    body.novel.x_restrict = 1;
    body.novel.image_urls = {
      square_medium: 'https://s.pximg.net/common/images/limit_unknown_360.png',
      medium: 'https://s.pximg.net/common/images/limit_unknown_360.png',
      large: 'https://s.pximg.net/common/images/limit_unknown_360.png',
    };
    expect(toNovel(decode(NovelDetailBody, body).novel).restriction).toBe(Restriction.HIDDEN);
  });

  it('keeps only the contract’s fields, and a cover without an original', () => {
    const novel = toNovel(decode(NovelDetailBody, detail()).novel);
    expect(Object.keys(novel).sort()).toEqual(
      [
        'aiType', 'caption', 'createDate', 'id', 'imageUrls', 'isBookmarked', 'isMuted', 'pageCount', 'restriction',
        'series', 'tags', 'textLength', 'title', 'totalBookmarks', 'totalComments', 'totalView', 'user', 'visible',
        'xRestrict',
      ].sort(),
    );
    expect(Object.keys(novel.imageUrls).sort()).toEqual(['large', 'medium', 'square_medium']);
  });
});

describe('NovelSeriesBody', () => {
  const PARTIAL = 'v2-novel-series/pixivts-2025-7474721-derived-partial.json';

  it('rejects the 2025 snapshot, which has no novels, at novels', () => {
    expect(decodeError(NovelSeriesBody, fixture(PARTIAL)).path).toBe('novels');
  });

  it('maps the 2025 header (watchlist_added, novel_ai_type) once the page has its novels and counters', () => {
    const body = fixture(PARTIAL);
    body.novels = [];
    body.next_url = null;
    expect(decodeError(NovelSeriesBody, body).path).toBe('novel_series_first_novel.total_bookmarks');
    for (const key of ['novel_series_first_novel', 'novel_series_latest_novel']) {
      Object.assign(body[key], { total_bookmarks: 1, total_view: 2, total_comments: 3 });
    }
    const decoded = decode(NovelSeriesBody, body);
    expect(toNovelSeriesDetail(decoded.novel_series_detail)).toEqual({
      id: 7474721,
      title: '夏色吹雪の恋人生活',
      caption: expect.stringMatching(/^一話から非日常で始まる/),
      displayText: expect.stringMatching(/^一話から非日常で始まる/),
      user: expect.objectContaining({ id: 69131958, account: 'nyao_alp-lck', isFollowed: false }),
      isOriginal: false,
      isConcluded: false,
      contentCount: undefined,
      totalCharacterCount: 10671,
      aiType: AiType.UNKNOWN,
      watchlistAdded: true,
    });
    expect(toNovel(decoded.novel_series_first_novel!).id).toBe(15513340);
    expect(toNovel(decoded.novel_series_latest_novel!).id).toBe(16664510);
  });

  it('accepts a page whose first and latest novels are missing or null', () => {
    const body = fixture('v2-novel-series/owlbear-2020-1238664-trimmed.json');
    delete body.novel_series_first_novel;
    body.novel_series_latest_novel = null;
    const decoded = decode(NovelSeriesBody, body);
    expect(decoded.novel_series_first_novel).toBeUndefined();
    expect(decoded.novel_series_latest_novel).toBeNull();
  });

  it('rejects a header without its user', () => {
    const body = fixture('v2-novel-series/owlbear-2020-1238664-trimmed.json');
    delete body.novel_series_detail.user;
    expect(decodeError(NovelSeriesBody, body).path).toBe('novel_series_detail.user');
  });
});
