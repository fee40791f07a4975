/**
 * The fake's bodies against the library's codecs and against the real bodies in spec/fixtures:
 * every body decodes and maps, and the key sets of the fake's items agree with the real items'
 * recursively, apart from an explicit allow-list of keys that come and go with the API's age.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type * as t from 'io-ts';
import {
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
]);

/**
 * Paths allowed on one side only because a sample may not contain the variant (a page of
 * single-page works has no meta_pages content, a page without a series has no series.id).
 */
const VARIANT_PATHS = [/meta_pages\[\]\.image_urls(\.|$)/, /meta_single_page\.original_image_url$/, /series\.(id|title)$/];

/** The v1 comment shape of the fixtures versus the v3 shape the fake serves (PROTOCOL.md). */
const V1_V3_COMMENT_PATHS = [/^comments\[\]\.parent_comment(\.|$)/, /^comments\[\]\.(has_replies|stamp)(\.|$)/];

/** The fake's users write no novels: its previews always have `novels: []`. */
const NO_NOVELS = [/^user_previews\[\]\.novels\[\]/];

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
