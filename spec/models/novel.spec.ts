import { AiType, NovelDetailBody, Restriction, UserPreviewsBody, decode, toNovel } from '../../lib/models';
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
