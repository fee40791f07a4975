import * as models from '../../lib/models';

describe('lib/models', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(models).sort()).toEqual(
      [
        // enums
        'AiType',
        'ContentType',
        'Duration',
        'RankingMode',
        'Restriction',
        'SearchAiType',
        'SearchTarget',
        'Size',
        'Sort',
        'Visibility',
        'isEnumValue',
        // work flags
        'isPlaceholderImage',
        'toAiType',
        'toRestriction',
        // decoding
        'decode',
        'describeFailure',
        'EmptyObject',
        'FastPathType',
        'IsoDateString',
        'NullableString',
        'NumericId',
        'UrlRecord',
        'enumCodec',
        'withFastPath',
        // item codecs and mappers
        'RawAccount',
        'RawBookmarkDetail',
        'RawBookmarkTag',
        'RawComment',
        'RawCommentStamp',
        'RawDetailUser',
        'RawIllustration',
        'RawImageUrls',
        'RawNovel',
        'RawNovelTag',
        'RawPageImageUrls',
        'RawProfilePublicity',
        'RawSeries',
        'RawTag',
        'RawTokenFields',
        'RawTrendingTag',
        'RawUgoiraMetadata',
        'RawUser',
        'RawUserPreview',
        'RawUserProfile',
        'RawWorkspace',
        'camelizeKeys',
        'toAccount',
        'toAuthTokens',
        'toBookmarkDetail',
        'toBookmarkTag',
        'toComment',
        'toFullUser',
        'toIllustration',
        'toNovel',
        'toSeries',
        'toTag',
        'toTrendingTag',
        'toUgoiraMetadata',
        'toUser',
        'toUserPreview',
        // response bodies
        'ApiErrorEnvelope',
        'BookmarkDetailBody',
        'BookmarkTagsBody',
        'CommentsBody',
        'IllustrationDetailBody',
        'IllustrationsBody',
        'NovelDetailBody',
        'OAuthErrorBody',
        'RecommendedBody',
        'SearchIllustrationsBody',
        'TokenBody',
        'TrendingTagsBody',
        'UgoiraMetadataBody',
        'UserDetailBody',
        'UserPreviewsBody',
      ].sort(),
    );
  });

  it('gives every response codec a name for error messages', () => {
    expect(models.IllustrationsBody.name).toBe('IllustrationsBody');
    expect(models.TokenBody.name).toBe('TokenBody');
    expect(models.RawIllustration.name).toBe('Illustration');
  });
});
