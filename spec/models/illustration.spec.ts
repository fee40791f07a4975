import {
  ContentType,
  IllustrationDetailBody,
  IllustrationsBody,
  RecommendedBody,
  SearchIllustrationsBody,
  Size,
  decode,
  toIllustration,
} from '../../lib/models';
import { fixture } from './fixture';

describe('toIllustration', () => {
  describe('a single-page work (/v1/illust/detail, 2025)', () => {
    const illustration = toIllustration(
      decode(IllustrationDetailBody, fixture('v1-illust-detail/pixivpy-2025-126839540.json')).illust,
    );

    it('maps the core fields to camelCase', () => {
      expect(illustration).toMatchObject({
        id: 126839540,
        title: 'アイドルプリキュア',
        type: ContentType.ILLUSTRATION,
        caption: '推し活が始まります〜〜',
        width: 1299,
        height: 871,
        pageCount: 1,
        totalBookmarks: 2196,
        totalView: 14138,
        totalComments: 4,
        isBookmarked: false,
        isMuted: false,
        visible: true,
        restrict: 0,
        sanityLevel: 2,
        xRestrict: 0,
        series: null,
        tools: [],
        illustAiType: 1,
        illustBookStyle: 0,
        commentAccessControl: 0,
      });
    });

    it('reads the +09:00 create_date as the right instant', () => {
      expect(illustration.createDate).toBeInstanceOf(Date);
      expect(illustration.createDate.toISOString()).toBe('2025-02-02T15:03:17.000Z');
    });

    it('puts meta_single_page.original_image_url at imageUrls.original, with no meta pages', () => {
      expect(illustration.imageUrls).toEqual({
        [Size.SQUARE_MEDIUM]:
          'https://i.pximg.net/c/360x360_70/img-master/img/2025/02/03/00/03/17/126839540_p0_square1200.jpg',
        [Size.MEDIUM]: 'https://i.pximg.net/c/540x540_70/img-master/img/2025/02/03/00/03/17/126839540_p0_master1200.jpg',
        [Size.LARGE]: 'https://i.pximg.net/c/600x1200_90/img-master/img/2025/02/03/00/03/17/126839540_p0_master1200.jpg',
        [Size.ORIGINAL]: 'https://i.pximg.net/img-original/img/2025/02/03/00/03/17/126839540_p0.jpg',
      });
      expect(illustration.metaPages).toEqual([]);
    });

    it('maps tags with their translation or null', () => {
      expect(illustration.tags).toHaveLength(8);
      expect(illustration.tags[0]).toEqual({ name: 'キミとアイドルプリキュア♪', translatedName: null });
      expect(illustration.tags[2]).toEqual({ name: 'プリキュア', translatedName: 'precure' });
    });

    it('maps the artist to a User', () => {
      expect(illustration.user).toEqual({
        id: 1697179,
        name: 'XING/シン',
        account: 'xingspresent',
        profileImageUrls: {
          medium:
            'https://i.pximg.net/user-profile/img/2016/08/11/12/54/58/11330714_5010f461f6437d6a9fe3eeb1ac0427e3_170.jpg',
        },
        isFollowed: false,
      });
    });

    it('is plain data that survives JSON', () => {
      const json = JSON.parse(JSON.stringify(illustration));
      expect(json.id).toBe(126839540);
      expect(json.createDate).toBe('2025-02-02T15:03:17.000Z');
      expect(json.imageUrls.original).toBe(illustration.imageUrls.original);
    });
  });

  describe('a multi-page work (2021)', () => {
    const illustration = toIllustration(
      decode(IllustrationDetailBody, fixture('v1-illust-detail/azuline-2021-86979680-multipage.json')).illust,
    );

    it('has no imageUrls.original; the originals are in metaPages', () => {
      expect(illustration.pageCount).toBe(2);
      expect(illustration.imageUrls[Size.ORIGINAL]).toBeNull();
      expect(illustration.imageUrls[Size.LARGE]).toBe(
        'https://i.pximg.net/c/600x1200_90/img-master/img/2021/01/11/15/54/04/86979680_p0_master1200.jpg',
      );
      expect(illustration.metaPages).toHaveLength(2);
      expect(illustration.metaPages[0][Size.ORIGINAL]).toBe(
        'https://i.pximg.net/img-original/img/2021/01/11/15/54/04/86979680_p0.jpg',
      );
      expect(illustration.metaPages[1][Size.ORIGINAL]).toBe(
        'https://i.pximg.net/img-original/img/2021/01/11/15/54/04/86979680_p1.jpg',
      );
      expect(illustration.metaPages[1][Size.SQUARE_MEDIUM]).toBe(
        'https://i.pximg.net/c/360x360_70/img-master/img/2021/01/11/15/54/04/86979680_p1_square1200.jpg',
      );
    });

    it('keeps the fields of its age, without the AI ones', () => {
      expect(illustration).toMatchObject({ id: 86979680, title: '天南阁', totalComments: 51, tools: ['Photoshop'] });
      expect(illustration.illustAiType).toBeUndefined();
      expect(illustration.tags[2]).toEqual({ name: 'オリジナル5000users入り', translatedName: 'original 5000+ bookmarks' });
      expect(illustration.user.isFollowed).toBe(true);
      expect(illustration.createDate.toISOString()).toBe('2021-01-11T06:54:04.000Z');
    });
  });

  describe('the restricted placeholder (2023)', () => {
    const illustration = toIllustration(
      decode(IllustrationDetailBody, fixture('v1-illust-detail/lifegpc-issue640-2023-limit-sanity-placeholder.json'))
        .illust,
    );

    it('is invisible, 100×100, with placeholder images and nothing else', () => {
      expect(illustration).toMatchObject({
        id: 114141177,
        title: '',
        visible: false,
        width: 100,
        height: 100,
        tags: [],
        tools: [],
        totalView: 0,
        totalBookmarks: 0,
      });
      expect(illustration.imageUrls[Size.ORIGINAL]).toBe('https://s.pximg.net/common/images/limit_sanity_level_360.png');
      expect(illustration.imageUrls[Size.MEDIUM]).toBe('https://s.pximg.net/common/images/limit_sanity_level_360.png');
      expect(illustration.totalComments).toBeUndefined();
    });

    it('has a user whose isFollowed is null (the body does not say)', () => {
      expect(illustration.user).toEqual({
        id: 19264234,
        name: '',
        account: '',
        profileImageUrls: { medium: 'https://s.pximg.net/common/images/no_profile.png' },
        isFollowed: null,
      });
    });
  });
});

describe('IllustrationsBody', () => {
  it('decodes a 2025 daily ranking: 30 items, multi-page, series, restriction attributes', () => {
    const body = decode(IllustrationsBody, fixture('v1-illust-ranking/pixivpy-2025-day.json'));
    const items = body.illusts.map(toIllustration);
    expect(items).toHaveLength(30);
    expect(body.next_url).toBe('https://app-api.pixiv.net/v1/illust/ranking?mode=day&filter=for_ios&date=2025-02-04&offset=30');
    expect(items[0]).toMatchObject({ id: 126839080, title: '奏鳴の宙', type: ContentType.ILLUSTRATION });
    expect(items[0].imageUrls[Size.SQUARE_MEDIUM]).toContain('360x360_10_webp');
    expect(items.filter((item) => item.pageCount > 1)).toHaveLength(11);
    expect(items.filter((item) => item.imageUrls.original === null)).toHaveLength(11);
    expect(items[10]).toMatchObject({ id: 126882976, pageCount: 32 });
    expect(items[10].metaPages).toHaveLength(32);
    expect(items.filter((item) => item.series !== null)).toHaveLength(10);
    expect(items[2].series).toEqual({ id: 198059, title: '会社と私生活-オンとオフ-' });
    expect(items[11].restrictionAttributes).toEqual(['restricted_mode']);
    expect(items.filter((item) => item.restrictionAttributes)).toHaveLength(3);
    expect(new Set(items.map((item) => item.type))).toEqual(new Set([ContentType.ILLUSTRATION, ContentType.MANGA]));
  });

  it('decodes related works (2025) whose next_url carries seed_illust_ids and viewed[]', () => {
    const body = decode(IllustrationsBody, fixture('v2-illust-related/pixivpy-2025.json'));
    const items = body.illusts.map(toIllustration);
    expect(items).toHaveLength(30);
    expect(items[0].id).toBe(79027419);
    expect(body.next_url).toContain('seed_illust_ids%5B0%5D=81795678');
    expect(new Set(items.map((item) => item.illustAiType))).toEqual(new Set([0, 1]));
  });

  it('decodes the follow feed (2021) with a ugoira whose original is its first frame', () => {
    const body = decode(IllustrationsBody, fixture('v2-illust-follow/azuline-2021.json'));
    const items = body.illusts.map(toIllustration);
    expect(items.map((item) => item.id)).toEqual([87609354, 87608832]);
    expect(items[1].type).toBe(ContentType.UGOIRA);
    expect(items[1].title).toBe('夕刻に染まる');
    expect(items[1].imageUrls.original).toBe(
      'https://i.pximg.net/img-original/img/2021/02/07/23/46/02/87608832_ugoira0.jpg',
    );
  });

  it('decodes user illustrations (2021) that carry total_comments', () => {
    const body = decode(IllustrationsBody, fixture('v1-user-illusts/azuline-2021-2188232.json'));
    const items = body.illusts.map(toIllustration);
    expect(items).toHaveLength(30);
    expect(items[0]).toMatchObject({ id: 87492458, title: '风玲', totalComments: 31 });
    expect(items.every((item) => item.user.account === 'wlop')).toBe(true);
    expect(items.filter((item) => item.metaPages.length > 0)).toHaveLength(12);
    expect(body.next_url).toBe('https://app-api.pixiv.net/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios&offset=30');
  });

  it('decodes 2018 user bookmarks: no x_restrict (→ 0), tags without translated_name (→ null)', () => {
    const body = decode(IllustrationsBody, fixture('v1-user-bookmarks-illust/pix-ezviewer-2018-660788.json'));
    const items = body.illusts.map(toIllustration);
    expect(items).toHaveLength(30);
    expect(items[0]).toMatchObject({ id: 56596549, title: '【PFT】創ず大河' });
    expect(items.every((item) => item.xRestrict === 0)).toBe(true);
    expect(items.every((item) => item.tags.every((tag) => tag.translatedName === null))).toBe(true);
    expect(items[13].user).toMatchObject({ id: 0, isFollowed: null });
    expect(body.next_url).toContain('max_bookmark_id=1410465204');
  });
});

describe('SearchIllustrationsBody', () => {
  it('decodes the oldest (2018) schema with search_span_limit', () => {
    const body = decode(SearchIllustrationsBody, fixture('v1-search-illust/pix-ezviewer-2018.json'));
    const items = body.illusts.map(toIllustration);
    expect(body.search_span_limit).toBe(31536000);
    expect(items).toHaveLength(30);
    expect(items[0]).toMatchObject({ id: 67290736, title: 'EMT', xRestrict: 0 });
    expect(items[0].tags.slice(0, 2)).toEqual([
      { name: '女の子', translatedName: null },
      { name: 'Re:ゼロから始める異世界生活', translatedName: null },
    ]);
    expect(items[6].type).toBe(ContentType.UGOIRA);
    expect(items[0].createDate.toISOString()).toBe('2018-02-15T08:34:51.000Z');
  });

  it('decodes the 2021 shape, trimmed to 5 items with next_url null', () => {
    const body = decode(SearchIllustrationsBody, fixture('v1-search-illust/azuline-2021-trimmed.json'));
    expect(body.next_url).toBeNull();
    expect(body.illusts.map(toIllustration).map((item) => item.id)[0]).toBe(87180953);
    expect(body.illusts).toHaveLength(5);
  });

  it('does without search_span_limit', () => {
    const body = decode(SearchIllustrationsBody, { illusts: [], next_url: null });
    expect(body.search_span_limit).toBeUndefined();
    expect(body.illusts).toEqual([]);
  });
});

describe('RecommendedBody', () => {
  it('decodes the 2025 shape: 90 illusts, ranking_illusts, contest_exists, privacy_policy', () => {
    const body = decode(RecommendedBody, fixture('v1-illust-recommended/pixivpy-2025.json'));
    const items = body.illusts.map(toIllustration);
    expect(items).toHaveLength(90);
    expect(items[0].id).toBe(81795678);
    expect(body.ranking_illusts).toEqual([]);
    expect(body.contest_exists).toBe(false);
    expect(body.privacy_policy).toEqual({});
    expect(body.next_url).toContain('/v1/illust/recommended?');
  });

  it('decodes the 2021 shape, from before the AI fields', () => {
    const body = decode(RecommendedBody, fixture('v1-illust-recommended/azuline-2021.json'));
    const items = body.illusts.map(toIllustration);
    expect(items).toHaveLength(29);
    expect(items[0].id).toBe(86336261);
    expect(items.every((item) => item.illustAiType === undefined)).toBe(true);
  });

  it('does without privacy_policy, ranking_illusts and contest_exists, but checks them when present', () => {
    const body = fixture('v1-illust-recommended/azuline-2021.json');
    delete body.privacy_policy;
    expect(decode(RecommendedBody, body).illusts).toHaveLength(29);
    delete body.ranking_illusts;
    delete body.contest_exists;
    expect(decode(RecommendedBody, body).illusts).toHaveLength(29);
    body.ranking_illusts = [{ id: 'x' }];
    expect(() => decode(RecommendedBody, body)).toThrow(expect.objectContaining({ path: 'ranking_illusts.0.id' }));
  });
});
