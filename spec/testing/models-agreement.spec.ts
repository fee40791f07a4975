/**
 * The fake's bodies against the library's codecs and against the real bodies in spec/fixtures:
 * every body decodes and maps, and the key sets of the fake's items agree with the real items'
 * recursively, apart from an explicit allow-list of keys that come and go with the API's age.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type * as t from 'io-ts';
import {
  AiShowSettingsBody,
  AutocompleteBody,
  FollowDetailBody,
  IllustrationSeriesBody,
  NovelDetailBody,
  NovelSeriesBody,
  NovelTextPage,
  NovelsBody,
  RecommendedNovelsBody,
  SearchNovelsBody,
  SpotlightArticlesBody,
  WatchlistBody,
  toAiShowSettings,
  toFollowDetail,
  toIllustrationSeriesDetail,
  toNovel,
  toNovelSeriesDetail,
  toNovelText,
  toSpotlightArticle,
  toTag,
  toWatchlistSeries,
  ApiErrorEnvelope,
  BookmarkDetailBody,
  BookmarkTagsBody,
  CommentsBody,
  IllustrationDetailBody,
  IllustrationsBody,
  OAuthErrorBody,
  RecommendedBody,
  SearchIllustrationsBody,
  TokenBody,
  TrendingTagsBody,
  UgoiraMetadataBody,
  UserDetailBody,
  UserPreviewsBody,
  decode,
  toAuthTokens,
  toBookmarkDetail,
  toBookmarkTag,
  toComment,
  toFullUser,
  toIllustration,
  toTrendingTag,
  toUgoiraMetadata,
  toUserPreview,
} from '../../lib/models';
import { FakePixivServer } from '../../lib/testing';
import { allPages, apiGet, tokenRequest } from './http-helpers';

const FIXTURES = join(__dirname, '../fixtures');
const fixturesOf = (folder: string): unknown[] =>
  readdirSync(join(FIXTURES, folder))
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(FIXTURES, folder, name), 'utf8')));

/** Every key path of a value; array items share the path `[]`. */
function keyPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) keyPaths(item, `${prefix}[]`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.add(path);
      keyPaths(child, path, out);
    }
  }
  return out;
}

/**
 * Keys allowed on one side only, by their last segment. Each is optional in real bodies:
 * PROTOCOL.md "Fields come and go with the API's age", or the fixtures show them on some items only.
 */
const OPTIONAL_KEYS = new Set([
  'illust_ai_type', // from 2023; absent from the 2018–2021 fixtures
  'illust_book_style', // same
  'restriction_attributes', // on some 2025 items only
  'total_comments', // detail and user illusts only; absent from 2018 lists
  'comment_access_control', // detail only, from 2022
  'x_restrict', // absent from the 2018 fixtures
  'translated_name', // absent from the 2018 fixtures
  'is_access_blocking_user', // from 2023
  'require_policy_agreement', // the 2020 token shape only
  'device_token', // 2018–2020 token bodies only
  'total_follow_users', // left out of the derived-partial 2023 user detail
  'total_illust_bookmarks_public', // same
  'novel_ai_type', // from 2023; absent from the 2019–2020 novel fixtures
  'comment_access_control', // novel detail from 2022
  'is_access_blocking_user', // on 2025 users only
  'is_accept_request', // on some 2020–2025 users only
  'request', // 2023 novels only
  'watchlist_added', // series details from 2024
  'show_ai', // novel searches from 2023
]);

/**
 * Paths allowed on one side only because a sample may not contain the variant (a page of
 * single-page works has no meta_pages content, a page without a series has no series.id).
 */
const VARIANT_PATHS = [/meta_pages\[\]\.image_urls(\.|$)/, /meta_single_page\.original_image_url$/, /series\.(id|title)$/];

/** The v1 comment shape of the fixtures versus the v3 shape the fake serves (PROTOCOL.md). */
const V1_V3_COMMENT_PATHS = [/^comments\[\]\.parent_comment(\.|$)/, /^comments\[\]\.(has_replies|stamp)(\.|$)/];

/** Previews of the fixtures carry no novels (or only old novel shapes). */
const NO_NOVELS = [/^user_previews\[\]\.novels\[\]/];

/** Parts of series details the fixtures' series lack or have (old series have no cover or counts). */
const SERIES_DETAIL = [/^(illust|novel)_series_detail\./, /_first_(illust|novel)\./, /_latest_novel\./];

function allowed(path: string, extra: readonly RegExp[] = []): boolean {
  const last = path.slice(path.lastIndexOf('.') + 1).replace(/\[\]$/, '');
  return (
    path.split('.').some((segment) => OPTIONAL_KEYS.has(segment.replace(/\[\]$/, ''))) ||
    OPTIONAL_KEYS.has(last) ||
    [...VARIANT_PATHS, ...extra].some((pattern) => pattern.test(path))
  );
}

function compareKeys(fake: readonly unknown[], real: readonly unknown[], extra: readonly RegExp[] = []) {
  const fakePaths = new Set<string>();
  const realPaths = new Set<string>();
  for (const body of fake) keyPaths(body, '', fakePaths);
  for (const body of real) keyPaths(body, '', realPaths);
  return {
    onlyInFake: [...fakePaths].filter((path) => !realPaths.has(path) && !allowed(path, extra)).sort(),
    onlyInReal: [...realPaths].filter((path) => !fakePaths.has(path) && !allowed(path, extra)).sort(),
  };
}

describe('FakePixivServer bodies and the library codecs', () => {
  let server: FakePixivServer;
  let token: string;

  beforeAll(async () => {
    server = await FakePixivServer.start({ seed: 21 });
    token = server.issueAccessToken();
  });

  afterAll(() => server.close());

  const json = async (path: string) => (await apiGet(server, path, token)).json();
  const pages = (path: string, max = 6) => allPages(server, path, token).then((all) => all.slice(0, max));

  interface Case {
    readonly name: string;
    /** Folders of spec/fixtures with real bodies of the same shape. */
    readonly fixtures: readonly string[];
    readonly codec: t.Decoder<unknown, any>;
    readonly bodies: () => Promise<unknown[]>;
    readonly map: (body: any) => unknown;
    readonly extra?: readonly RegExp[];
  }

  const illusts = (body: any) => body.illusts.map(toIllustration);
  const cases: Case[] = [
    {
      name: '/v1/illust/detail',
      fixtures: ['v1-illust-detail'],
      codec: IllustrationDetailBody,
      bodies: () => {
        const { samples } = server.world;
        const ids = [samples.singleIllustId, samples.multiPageIllustId, samples.ugoiraIllustId, samples.placeholderIllustId, samples.r18IllustId];
        return Promise.all(ids.map((id) => json(`/v1/illust/detail?illust_id=${id}`)));
      },
      map: (body) => toIllustration(body.illust),
    },
    {
      name: '/v1/illust/ranking',
      fixtures: ['v1-illust-ranking'],
      codec: IllustrationsBody,
      bodies: () => pages('/v1/illust/ranking?mode=day&filter=for_ios'),
      map: illusts,
    },
    {
      name: '/v1/illust/recommended',
      fixtures: ['v1-illust-recommended'],
      codec: RecommendedBody,
      bodies: () => pages('/v1/illust/recommended?content_type=illust&include_ranking_label=true&filter=for_ios', 3),
      map: (body) => [...illusts(body), ...body.ranking_illusts.map(toIllustration)],
    },
    {
      name: '/v2/illust/related',
      fixtures: ['v2-illust-related'],
      codec: IllustrationsBody,
      bodies: () => pages(`/v2/illust/related?illust_id=${server.world.samples.singleIllustId}&filter=for_ios`, 3),
      map: illusts,
    },
    {
      name: '/v2/illust/follow',
      fixtures: ['v2-illust-follow'],
      codec: IllustrationsBody,
      bodies: () => pages('/v2/illust/follow?restrict=public'),
      map: illusts,
    },
    {
      name: '/v1/search/illust',
      fixtures: ['v1-search-illust'],
      codec: SearchIllustrationsBody,
      bodies: () => pages('/v1/search/illust?word=girl&search_target=partial_match_for_tags&sort=date_desc&filter=for_ios'),
      map: illusts,
    },
    {
      name: '/v1/user/illusts',
      fixtures: ['v1-user-illusts'],
      codec: IllustrationsBody,
      bodies: () => pages(`/v1/user/illusts?user_id=${server.world.showcaseUserId}&type=illust&filter=for_ios`),
      map: illusts,
    },
    {
      name: '/v1/user/bookmarks/illust',
      fixtures: ['v1-user-bookmarks-illust'],
      codec: IllustrationsBody,
      bodies: () => pages(`/v1/user/bookmarks/illust?user_id=${server.world.accountId}&restrict=public`),
      map: illusts,
    },
    {
      name: '/v3/illust/comments (fixtures are v1)',
      fixtures: ['v1-illust-comments'],
      codec: CommentsBody,
      bodies: () => pages(`/v3/illust/comments?illust_id=${server.world.samples.commentedIllustId}`),
      map: (body) => body.comments.map(toComment),
      extra: V1_V3_COMMENT_PATHS,
    },
    {
      name: '/v2/illust/comment/replies',
      fixtures: [],
      codec: CommentsBody,
      bodies: () => pages(`/v2/illust/comment/replies?comment_id=${server.world.samples.commentWithRepliesId}`),
      map: (body) => body.comments.map(toComment),
    },
    {
      name: '/v1/trending-tags/illust',
      fixtures: ['v1-trending-tags-illust'],
      codec: TrendingTagsBody,
      bodies: async () => [await json('/v1/trending-tags/illust?filter=for_ios')],
      map: (body) => body.trend_tags.map(toTrendingTag),
    },
    {
      name: '/v2/illust/bookmark/detail',
      fixtures: ['v2-illust-bookmark-detail'],
      codec: BookmarkDetailBody,
      bodies: async () => {
        const [bookmark] = server.world.bookmarksOf(server.world.accountId, 'public');
        return [await json(`/v2/illust/bookmark/detail?illust_id=${bookmark?.illustId}`)];
      },
      map: (body) => toBookmarkDetail(body.bookmark_detail),
    },
    {
      name: '/v1/user/detail',
      fixtures: ['v1-user-detail'],
      codec: UserDetailBody,
      bodies: () => Promise.all(server.world.users.slice(0, 12).filter((u) => u.role !== 'restricted').map((u) => json(`/v1/user/detail?user_id=${u.id}`))),
      map: toFullUser,
    },
    {
      name: '/v1/user/bookmark-tags/illust',
      fixtures: ['v1-user-bookmark-tags-illust'],
      codec: BookmarkTagsBody,
      bodies: () => pages(`/v1/user/bookmark-tags/illust?user_id=${server.world.accountId}&restrict=public`),
      map: (body) => body.bookmark_tags.map(toBookmarkTag),
    },
    {
      name: '/v1/user/following',
      fixtures: ['v1-user-following'],
      extra: NO_NOVELS,
      codec: UserPreviewsBody,
      bodies: () => pages(`/v1/user/following?user_id=${server.world.accountId}&restrict=public`),
      map: (body) => body.user_previews.map(toUserPreview),
    },
    {
      name: '/v1/user/follower',
      // the follower fixture is anonymised with empty previews; following items have the same shape
      fixtures: ['v1-user-follower', 'v1-user-following'],
      extra: NO_NOVELS,
      codec: UserPreviewsBody,
      bodies: () => pages(`/v1/user/follower?user_id=${server.world.accountId}&filter=for_ios`),
      map: (body) => body.user_previews.map(toUserPreview),
    },
    {
      name: '/v1/ugoira/metadata',
      fixtures: ['v1-ugoira-metadata'],
      codec: UgoiraMetadataBody,
      bodies: async () => [await json(`/v1/ugoira/metadata?illust_id=${server.world.samples.ugoiraIllustId}`)],
      map: (body) => toUgoiraMetadata(body.ugoira_metadata),
    },
  ];

  const novels = (body: any) => body.novels.map(toNovel);
  cases.push(
    {
      name: '/v2/novel/detail',
      fixtures: ['v2-novel-detail'],
      codec: NovelDetailBody,
      bodies: () => {
        const s = server.world.samples;
        const inSeries = server.world.novelSeries(s.novelSeriesId)?.workIds[0] as number;
        return Promise.all([s.markupNovelId, s.aiNovelId, s.r18NovelId, s.placeholderNovelId, inSeries].map((id) => json(`/v2/novel/detail?novel_id=${id}`)));
      },
      map: (body) => toNovel(body.novel),
    },
    {
      name: '/v1/user/novels',
      fixtures: ['v1-user-novels'],
      codec: NovelsBody,
      bodies: () => pages(`/v1/user/novels?user_id=${server.world.showcaseUserId}&filter=for_ios`),
      map: novels,
    },
    {
      name: '/v2/novel/series',
      fixtures: ['v2-novel-series'],
      codec: NovelSeriesBody,
      bodies: () => pages(`/v2/novel/series?series_id=${server.world.samples.novelSeriesId}&filter=for_ios`),
      map: (body) => [...novels(body), toNovelSeriesDetail(body.novel_series_detail)],
      extra: SERIES_DETAIL,
    },
    {
      name: '/v1/novel/new',
      fixtures: ['v1-novel-new'],
      codec: NovelsBody,
      bodies: () => pages('/v1/novel/new?filter=for_ios', 2),
      map: novels,
    },
    {
      name: '/v1/novel/follow',
      fixtures: ['v1-novel-follow'],
      codec: NovelsBody,
      bodies: () => pages('/v1/novel/follow?restrict=public', 2),
      map: novels,
    },
    {
      name: '/v1/novel/ranking',
      fixtures: ['v1-novel-ranking'],
      codec: NovelsBody,
      bodies: () => pages('/v1/novel/ranking?mode=day&filter=for_ios', 2),
      map: novels,
    },
    {
      name: '/v1/novel/recommended',
      fixtures: ['v1-novel-recommended'],
      codec: RecommendedNovelsBody,
      bodies: () => pages('/v1/novel/recommended?include_ranking_label=true&include_ranking_novels=true&filter=for_ios', 2),
      map: (body) => [...novels(body), ...body.ranking_novels.map(toNovel)],
      extra: [/^privacy_policy\./],
    },
    {
      name: '/v1/search/novel',
      fixtures: ['v1-search-novel'],
      codec: SearchNovelsBody,
      bodies: () => pages('/v1/search/novel?word=novel&search_target=partial_match_for_tags&sort=date_desc&merge_plain_keyword_results=true', 2),
      map: novels,
    },
    {
      name: '/v1/user/bookmarks/novel',
      fixtures: ['v1-user-bookmarks-novel'],
      codec: NovelsBody,
      bodies: () => pages(`/v1/user/bookmarks/novel?user_id=${server.world.accountId}&restrict=public`),
      map: novels,
    },
    {
      name: '/v3/novel/comments',
      fixtures: ['v2-novel-comments'],
      codec: CommentsBody,
      bodies: () => {
        const novel = server.world.novelsOf(server.world.showcaseUserId).find((n) => n.totalComments > 0);
        return pages(`/v3/novel/comments?novel_id=${novel?.id}`);
      },
      map: (body) => body.comments.map(toComment),
      extra: [/^comments\[\]\.stamp(\.|$)/, /^(total_comments|comment_access_control)$/],
    },
    {
      name: '/v1/trending-tags/novel',
      fixtures: ['v1-trending-tags-novel'],
      codec: TrendingTagsBody,
      bodies: async () => [await json('/v1/trending-tags/novel?filter=for_ios')],
      map: (body) => body.trend_tags.map(toTrendingTag),
    },
    {
      name: '/v1/illust/new',
      fixtures: ['v1-illust-new'],
      codec: IllustrationsBody,
      bodies: () => pages('/v1/illust/new?content_type=illust&filter=for_ios', 2),
      map: illusts,
    },
    {
      name: '/v1/illust/series',
      fixtures: ['v1-illust-series'],
      codec: IllustrationSeriesBody,
      bodies: () => pages(`/v1/illust/series?illust_series_id=${server.world.samples.illustSeriesId}&filter=for_ios`),
      map: (body) => [...illusts(body), toIllustrationSeriesDetail(body.illust_series_detail)],
      extra: SERIES_DETAIL,
    },
    {
      name: '/v1/manga/recommended',
      fixtures: ['v1-manga-recommended'],
      codec: RecommendedBody,
      bodies: () => pages('/v1/manga/recommended?include_ranking_label=true&include_ranking_illusts=true&filter=for_ios', 2),
      map: (body) => [...illusts(body), ...body.ranking_illusts.map(toIllustration)],
      extra: [/^privacy_policy\./],
    },
    {
      name: '/v1/search/user',
      fixtures: ['v1-search-user'],
      codec: UserPreviewsBody,
      bodies: () => pages(`/v1/search/user?word=${encodeURIComponent(server.world.users[5]?.name ?? 'a')}&filter=for_ios`, 2),
      map: (body) => body.user_previews.map(toUserPreview),
      extra: NO_NOVELS,
    },
    {
      name: '/v1/user/recommended',
      fixtures: ['v1-user-recommended'],
      codec: UserPreviewsBody,
      bodies: () => pages('/v1/user/recommended?filter=for_ios', 2),
      map: (body) => body.user_previews.map(toUserPreview),
      extra: NO_NOVELS,
    },
    {
      name: '/v1/user/mypixiv',
      fixtures: ['v1-user-mypixiv'],
      codec: UserPreviewsBody,
      bodies: () => pages(`/v1/user/mypixiv?user_id=${server.world.accountId}`, 2),
      map: (body) => body.user_previews.map(toUserPreview),
      extra: NO_NOVELS,
    },
    {
      name: '/v1/user/related',
      fixtures: [],
      codec: UserPreviewsBody,
      bodies: () => pages(`/v1/user/related?filter=for_ios&seed_user_id=${server.world.showcaseUserId}`, 2),
      map: (body) => body.user_previews.map(toUserPreview),
    },
    {
      name: '/v2/search/autocomplete',
      fixtures: ['v2-search-autocomplete'],
      codec: AutocompleteBody,
      bodies: async () => [await json('/v2/search/autocomplete?word=%E7%8C%AB&merge_plain_keyword_results=true')],
      map: (body) => body.tags.map(toTag),
    },
    {
      name: '/v1/watchlist/manga',
      fixtures: ['v1-watchlist-manga'],
      codec: WatchlistBody,
      bodies: async () => [await json('/v1/watchlist/manga'), await json('/v1/watchlist/novel')],
      map: (body) => body.series.map(toWatchlistSeries),
    },
    {
      name: '/v1/spotlight/articles',
      fixtures: ['v1-spotlight-articles'],
      codec: SpotlightArticlesBody,
      bodies: () => pages('/v1/spotlight/articles?filter=for_ios&category=all', 3),
      map: (body) => body.spotlight_articles.map(toSpotlightArticle),
    },
    {
      name: '/v1/user/follow/detail',
      fixtures: [],
      codec: FollowDetailBody,
      bodies: async () => [await json(`/v1/user/follow/detail?user_id=${server.world.showcaseUserId}`)],
      map: (body) => toFollowDetail(body.follow_detail),
    },
    {
      name: '/v1/user/ai-show-settings',
      fixtures: [],
      codec: AiShowSettingsBody,
      bodies: async () => [await json('/v1/user/ai-show-settings')],
      map: (body) => toAiShowSettings(body),
    },
  );

  describe('/webview/v2/novel', () => {
    it('decodes with the library codec of the page and maps, for every kind of novel', async () => {
      const s = server.world.samples;
      const inSeries = server.world.novelSeries(s.novelSeriesId)?.workIds[1] as number;
      for (const id of [s.markupNovelId, s.aiNovelId, s.r18NovelId, inSeries]) {
        const html = (await apiGet(server, `/webview/v2/novel?id=${id}&viewer_version=20221031_ai`, token)).text;
        const text = toNovelText(decode(NovelTextPage, html));
        expect(text.novelId).toBe(id);
      }
    });

    it('embeds an object with the key set of the real one', async () => {
      const html = (await apiGet(server, `/webview/v2/novel?id=${server.world.samples.markupNovelId}`, token)).text;
      const raw = decode(NovelTextPage, html);
      const real = fixturesOf('webview-v2-novel');
      // the real novel's pixivimage entries are unknown (it has none): only the top-level keys are compared there
      const top = (value: unknown) => Object.keys(value as object).sort();
      expect(top(raw)).toEqual(top(real[0]));
      // `images` is keyed by image id: compare its entries
      const entries = (value: any) => Object.values(value.images as Record<string, unknown>);
      expect(compareKeys(entries(raw), entries(real[0]))).toEqual({ onlyInFake: [], onlyInReal: [] });
    });
  });

  describe.each(cases)('$name', ({ fixtures, codec, bodies, map, extra }) => {
    let fake: unknown[];

    beforeAll(async () => {
      fake = await bodies();
    });

    it('decodes with the library codec and maps', () => {
      expect(fake.length).toBeGreaterThan(0);
      for (const body of fake) expect(() => map(decode(codec, body))).not.toThrow();
    });

    if (fixtures.length) {
      it('has the key set of the real bodies, recursively', () => {
        expect(compareKeys(fake, fixtures.flatMap(fixturesOf), extra)).toEqual({ onlyInFake: [], onlyInReal: [] });
      });
    }
  });

  it.each(['modern', 'response-only'] as const)('token bodies of the %s shape decode and agree with the real ones', async (tokenShape) => {
    const shaped = await FakePixivServer.start({ tokenShape });
    try {
      const body = (await tokenRequest(shaped, { grant_type: 'refresh_token', refresh_token: shaped.refreshToken })).json();
      const tokens = toAuthTokens(decode(TokenBody, body));
      expect(tokens.account.id).toBe(shaped.world.accountId);
      const real = fixturesOf('auth-token').filter((fixture: any) => ('access_token' in fixture) === (tokenShape === 'modern'));
      expect(compareKeys([body], real)).toEqual({ onlyInFake: [], onlyInReal: [] });
    } finally {
      await shaped.close();
    }
  });

  it('error bodies decode with the error codecs and equal the recorded ones', async () => {
    const envelope = (await apiGet(server, `/v1/illust/detail?illust_id=${server.world.samples.missingIllustId}`, token)).json();
    expect(() => decode(ApiErrorEnvelope, envelope)).not.toThrow();
    const oauth = (await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: 'revoked' })).json();
    expect(() => decode(OAuthErrorBody, oauth)).not.toThrow();
    for (const fixture of fixturesOf('errors') as any[]) {
      if (typeof fixture.error === 'object') expect(() => decode(ApiErrorEnvelope, fixture)).not.toThrow();
      else expect(() => decode(OAuthErrorBody, fixture)).not.toThrow();
    }
  });
});
