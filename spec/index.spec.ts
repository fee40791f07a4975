import * as pixiv from '../lib/index';

describe('public exports of pixiv-rx', () => {
  it('lists exactly the runtime values users program against', () => {
    expect(Object.keys(pixiv).sort()).toEqual(
      [
        'AiType',
        'AuthenticationRequired',
        'BadApiResponse',
        'ContentType',
        'DownloadError',
        'Duration',
        'LoginError',
        'NetworkError',
        'PixivApiError',
        'PixivClient',
        'PixivError',
        'RETRY_DEFAULTS',
        'RankingMode',
        'RateLimitError',
        'Restriction',
        'SearchAiType',
        'SearchTarget',
        'Size',
        'Sort',
        'Visibility',
        'createPkce',
        'isPixivError',
        'parseNovelMarkup',
        'proxiedImageUrl',
        'renderNovel',
      ].sort(),
    );
  });

  it('has every endpoint of the API contract on PixivClient', () => {
    const methods = [
      'login', 'authenticate', 'exchangeCode', 'loginUrl', 'logout',
      'searchIllustrations$', 'searchIllustrationPages$', 'illustration$',
      'illustrationComments$', 'illustrationCommentPages$', 'relatedIllustrations$', 'relatedIllustrationPages$',
      'followingIllustrations$', 'followingIllustrationPages$', 'recommendedIllustrations$',
      'recommendedIllustrationPages$', 'rankingIllustrations$', 'rankingIllustrationPages$', 'trendingTags$',
      'bookmark$', 'addBookmark', 'deleteBookmark', 'user$', 'userIllustrations$', 'userIllustrationPages$',
      'userBookmarks$', 'userBookmarkPages$', 'userBookmarkTags$', 'userBookmarkTagPages$', 'following$',
      'followingPages$', 'followers$', 'followerPages$', 'ugoiraMetadata$',
      // novels (API.md, "More endpoints"; searchNovels$ is with the searches)
      'novel$', 'novelText$', 'userNovels$', 'userNovelPages$', 'novelSeries$', 'novelSeriesPages$',
      'novelComments$', 'novelCommentPages$', 'recommendedNovels$', 'recommendedNovelPages$', 'newNovels$',
      'newNovelPages$', 'followingNovels$', 'followingNovelPages$', 'rankingNovels$', 'rankingNovelPages$',
      'userNovelBookmarks$', 'userNovelBookmarkPages$', 'userNovelBookmarkTags$', 'userNovelBookmarkTagPages$',
      'novelBookmark$', 'addNovelBookmark', 'deleteNovelBookmark', 'trendingNovelTags$',
      // illustrations, search, users, follows and watchlists, settings, pixivision
      'newIllustrations$', 'newIllustrationPages$', 'illustrationSeries$', 'illustrationSeriesPages$',
      'recommendedManga$', 'recommendedMangaPages$', 'searchNovels$', 'searchNovelPages$', 'searchUsers$',
      'searchUserPages$', 'searchAutocomplete$', 'relatedUsers$', 'relatedUserPages$', 'recommendedUsers$',
      'recommendedUserPages$', 'mypixiv$', 'mypixivPages$', 'followDetail$', 'follow', 'unfollow', 'watchlist$',
      'watchlistPages$', 'addToWatchlist', 'removeFromWatchlist', 'aiShowSettings$', 'setAiShowSettings',
      'spotlightArticles$', 'spotlightArticlePages$',
    ];
    for (const method of methods) {
      expect(typeof (pixiv.PixivClient.prototype as unknown as Record<string, unknown>)[method]).toBe('function');
    }
    const getters = ['auth$', 'account', 'accessToken', 'refreshToken'];
    for (const getter of getters) {
      expect(Object.getOwnPropertyDescriptor(pixiv.PixivClient.prototype, getter)?.get).toBeDefined();
    }
  });

  it('spells enum values as the API does', () => {
    expect(pixiv.Size.ORIGINAL).toBe('original');
    expect(pixiv.Size.SQUARE_MEDIUM).toBe('square_medium');
    expect(pixiv.ContentType.ILLUSTRATION).toBe('illust');
    expect(pixiv.Visibility.PRIVATE).toBe('private');
  });
});
