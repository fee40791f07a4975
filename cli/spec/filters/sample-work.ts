import { AiType, ContentType, type Illustration, Restriction } from 'pixiv-rx';

/** An illustration as the library maps it, with `overrides` on top. */
export function sampleWork(overrides: Partial<Illustration> = {}): Illustration {
  const id = overrides.id ?? 123;
  return {
    id,
    title: 'Blue sky',
    type: ContentType.ILLUSTRATION,
    caption: '',
    createDate: new Date('2024-03-01T00:30:00+09:00'),
    width: 800,
    height: 600,
    pageCount: 1,
    imageUrls: {
      square_medium: `https://i.pximg.net/c/360x360_70/img-master/img/2024/03/01/00/30/00/${id}_p0_square1200.jpg`,
      medium: `https://i.pximg.net/c/540x540_70/img-master/img/2024/03/01/00/30/00/${id}_p0_master1200.jpg`,
      large: `https://i.pximg.net/c/600x1200_90/img-master/img/2024/03/01/00/30/00/${id}_p0_master1200.jpg`,
      original: `https://i.pximg.net/img-original/img/2024/03/01/00/30/00/${id}_p0.png`,
    },
    metaPages: [],
    tags: [
      { name: '空', translatedName: 'sky' },
      { name: 'オリジナル', translatedName: 'original' },
    ],
    tools: [],
    user: { id: 11, account: 'pixiv', name: 'pixiv事務局', profileImageUrls: {}, isFollowed: null },
    series: null,
    totalBookmarks: 50,
    totalView: 1000,
    isBookmarked: false,
    isMuted: false,
    visible: true,
    restrict: 0,
    sanityLevel: 2,
    xRestrict: 0,
    aiType: AiType.NOT_AI,
    restriction: Restriction.NONE,
    ...overrides,
  };
}
