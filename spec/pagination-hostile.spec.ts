/**
 * Hostile pages through the client. A page whose body is a damaged recorded body makes
 * the stream error with a BadApiResponse or complete; it never throws at the caller and never
 * hangs. A hostile `next_url` (too long, another origin, another scheme, not absolute, a repeat)
 * is refused before any further request, and the bearer token only ever goes to the API origin.
 *
 * The property runs with a fixed seed, printed by fast-check on failure:
 *   FC_SEED=42 FC_RUNS=200 npx jest spec/pagination-hostile.spec.ts
 */
import axios from 'axios';
import fc from 'fast-check';
import { Observable, Subscription } from 'rxjs';
import type { PixivClient } from '../lib/client';
import { BadApiResponse } from '../lib/errors';
import { MAX_NEXT_URL_LENGTH } from '../lib/pagination';
import { API, OAUTH, TOKEN_URL, fixture, mockedClient } from './support/mock-api';

const SEED = Number(process.env.FC_SEED ?? 20_251_129);
const RUNS = Number(process.env.FC_RUNS ?? 25);
const DEPTH = 10_000;
/** A stream that has neither errored nor completed by then is taken to hang. */
const HANG_MS = 5_000;

type MockApi = ReturnType<typeof mockedClient>;
type Recorded = MockApi['mock']['history'][number];

// ---- what went over the (mocked) wire ------------------------------------------------------------

function header(request: Recorded, name: string): unknown {
  const headers = request.headers as (Record<string, unknown> & { get?: (name: string) => unknown }) | undefined;
  if (!headers) return undefined;
  return typeof headers.get === 'function' ? headers.get(name) : headers[name];
}

/**
 * The URL a request really goes to. The mock adapter records `config.url` as given; axios' own
 * adapters first resolve it against the instance's `baseURL` (unless it starts with `scheme://`),
 * as `axios.getUri` does. Null for a URL axios refuses to send (`https:` without `//`).
 */
function destination(request: Recorded): string | null {
  try {
    return axios.getUri({ url: request.url, baseURL: request.baseURL });
  } catch {
    return null;
  }
}

function originOf(url: string | null): string {
  if (url === null) return '(refused by axios)';
  try {
    return new URL(url).origin;
  } catch {
    return `(unparsable: ${url.slice(0, 60)})`;
  }
}

/**
 * No request went to any host but the API and OAuth ones, and no request but those to the API
 * origin carried the token. (A URL that axios refuses to send goes nowhere.)
 */
function expectTokenOnlyOnTheApiOrigin(mock: MockApi['mock']): void {
  const sent = mock.history.filter((request) => destination(request) !== null);
  const carriedToken = sent
    .filter((request) => header(request, 'Authorization') !== undefined)
    .map((request) => originOf(destination(request)));
  expect(carriedToken.filter((origin) => origin !== API)).toEqual([]);
  const hosts = new Set(sent.map((request) => originOf(destination(request))));
  expect([...hosts].filter((origin) => origin !== API && origin !== OAUTH)).toEqual([]);
}

function apiGets(mock: MockApi['mock']): string[] {
  return mock.history.filter((request) => request.url !== TOKEN_URL).map((request) => String(request.url));
}

// ---- running a stream -----------------------------------------------------------------------------

type Settled<T> =
  | { readonly kind: 'complete'; readonly values: readonly T[] }
  | { readonly kind: 'error'; readonly error: unknown; readonly values: readonly T[] }
  | { readonly kind: 'threw'; readonly error: unknown }
  | { readonly kind: 'hang'; readonly values: readonly T[] };

/** Subscribes and waits for the end; records a synchronous throw (of `open` or of `subscribe`) and a hang. */
function settle<T>(open: () => Observable<T>): Promise<Settled<T>> {
  return new Promise((resolve) => {
    const values: T[] = [];
    let subscription: Subscription | undefined;
    // eslint-disable-next-line prefer-const -- done() reads it before the assignment below
    let timer: NodeJS.Timeout | undefined;
    const done = (settled: Settled<T>) => {
      if (timer) clearTimeout(timer);
      resolve(settled);
    };
    try {
      subscription = open().subscribe({
        next: (value) => values.push(value),
        error: (error: unknown) => done({ kind: 'error', error, values }),
        complete: () => done({ kind: 'complete', values }),
      });
    } catch (error) {
      done({ kind: 'threw', error });
      return;
    }
    timer = setTimeout(() => {
      subscription?.unsubscribe();
      done({ kind: 'hang', values });
    }, HANG_MS);
  });
}

function describeSettled(settled: Settled<unknown>): string {
  if (settled.kind === 'complete' || settled.kind === 'hang') return settled.kind;
  const error = settled.error;
  return `${settled.kind}: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}\n${error.stack}` : String(error)}`;
}

// ---- hostile values, written as JSON text --------------------------------------------------------

/** Stand-ins replaced by raw JSON text after JSON.stringify (which could not write them). */
const RAW = new Map<object, string>([
  [{ raw: 'deep object' }, `${'{"a":'.repeat(DEPTH)}{}${'}'.repeat(DEPTH)}`],
  [{ raw: 'deep array' }, `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`],
  [{ raw: '1e999' }, '1e999'],
  [{ raw: 'a 30-digit number' }, '123456789012345678901234567890'],
  [{ raw: '-0' }, '-0'],
  [{ raw: '__proto__ keys' }, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'],
]);
const [DEEP_OBJECT] = RAW.keys();

const HOSTILE: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  '',
  'NaN',
  '1e999',
  '__proto__',
  'x'.repeat(1 << 20),
  {},
  [],
  [null],
  ...RAW.keys(),
];

/** The body as the wire would carry it: JSON text, with the raw stand-ins spliced in. */
function toJsonText(body: unknown): string {
  const names = new Map<object, string>();
  let text = JSON.stringify(body, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && RAW.has(value)) {
      if (!names.has(value)) names.set(value, `@@raw-${names.size}@@`);
      return names.get(value);
    }
    return value;
  });
  if (text === undefined) return '';
  for (const [value, name] of names) text = text.split(JSON.stringify(name)).join(RAW.get(value));
  return text;
}

type Key = string | number;

function isContainer(value: unknown): value is Record<Key, unknown> {
  return typeof value === 'object' && value !== null && !RAW.has(value);
}

function pathsOf(root: unknown): Key[][] {
  const out: Key[][] = [];
  const queue: Array<readonly [unknown, Key[]]> = [[root, []]];
  for (let i = 0; i < queue.length; i++) {
    const [value, path] = queue[i];
    out.push(path);
    if (!isContainer(value)) continue;
    for (const key of Array.isArray(value) ? value.keys() : Object.keys(value)) queue.push([value[key], [...path, key]]);
  }
  return out;
}

const DELETE = Symbol('delete');
const OPS = ['delete', 'replace', 'retype', 'addKey'] as const;

function change(op: (typeof OPS)[number], value: unknown, pick: number): unknown {
  const hostile = HOSTILE[pick % HOSTILE.length];
  switch (op) {
    case 'delete':
      return DELETE;
    case 'replace':
      return hostile;
    case 'retype':
      if (typeof value === 'string') return value.length;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      if (Array.isArray(value)) return { ...value };
      if (isContainer(value)) return Object.values(value);
      return {};
    case 'addKey':
      if (Array.isArray(value)) return [...value, hostile];
      if (!isContainer(value)) return hostile;
      return { ...value, [['extra_field', 'constructor', 'prototype', 'to_j_s_o_n'][pick % 4]]: hostile };
  }
}

/** A copy of `root` with the value at `path` changed (the fixture is parsed afresh for every run). */
function damage(root: unknown, path: readonly Key[], op: (typeof OPS)[number], pick: number): unknown {
  if (path.length === 0) {
    const next = change(op, root, pick);
    return next === DELETE ? undefined : next;
  }
  let parent = root as Record<Key, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<Key, unknown>;
  const last = path[path.length - 1];
  const next = change(op, parent[last], pick);
  if (next === DELETE && Array.isArray(parent)) parent.splice(last as number, 1);
  else if (next === DELETE) delete parent[last];
  else parent[last] = next;
  return root;
}

// ---- the listings -------------------------------------------------------------------------------

interface Listing {
  readonly fixture: string;
  readonly open: (client: PixivClient) => Observable<unknown>;
  /** A valid last page, for whatever next_url the damaged page still points to. */
  readonly last: unknown;
}

const NO_ILLUSTRATIONS = { illusts: [], next_url: null };

const LISTINGS: Record<string, Listing> = {
  userIllustrationPages$: {
    fixture: 'v1-user-illusts/azuline-2021-2188232.json',
    open: (client) => client.userIllustrationPages$(2188232),
    last: NO_ILLUSTRATIONS,
  },
  illustrationCommentPages$: {
    fixture: 'v1-illust-comments/pix-ezviewer-2018-66619229-with-parent.json',
    open: (client) => client.illustrationCommentPages$(66619229),
    last: { comments: [], next_url: null },
  },
  followingPages$: {
    fixture: 'v1-user-following/azuline-2021-126852.json',
    open: (client) => client.followingPages$(126852),
    last: { user_previews: [], next_url: null },
  },
  followerPages$: {
    fixture: 'v1-user-follower/azuline-2021-anonymized.json',
    open: (client) => client.followerPages$(),
    last: { user_previews: [], next_url: null },
  },
  userBookmarkPages$: {
    fixture: 'v1-user-bookmarks-illust/pix-ezviewer-2018-660788.json',
    open: (client) => client.userBookmarkPages$(660788),
    last: NO_ILLUSTRATIONS,
  },
  userBookmarkTagPages$: {
    fixture: 'v1-user-bookmark-tags-illust/azuline-2021.json',
    open: (client) => client.userBookmarkTagPages$(1),
    last: { bookmark_tags: [], next_url: null },
  },
  searchIllustrationPages$: {
    fixture: 'v1-search-illust/pix-ezviewer-2018.json',
    open: (client) => client.searchIllustrationPages$('fate'),
    last: NO_ILLUSTRATIONS,
  },
  rankingIllustrationPages$: {
    fixture: 'v1-illust-ranking/pixivpy-2025-day.json',
    open: (client) => client.rankingIllustrationPages$(),
    last: NO_ILLUSTRATIONS,
  },
  recommendedIllustrationPages$: {
    fixture: 'v1-illust-recommended/pixivpy-2025.json',
    open: (client) => client.recommendedIllustrationPages$(),
    last: { illusts: [], ranking_illusts: [], contest_exists: false, next_url: null },
  },
  relatedIllustrationPages$: {
    fixture: 'v2-illust-related/pixivpy-2025.json',
    open: (client) => client.relatedIllustrationPages$(126839540),
    last: NO_ILLUSTRATIONS,
  },
  followingIllustrationPages$: {
    fixture: 'v2-illust-follow/azuline-2021.json',
    open: (client) => client.followingIllustrationPages$(),
    last: NO_ILLUSTRATIONS,
  },
};

/** A client whose first API answer is `firstPage` (JSON text) and every later one `later`. */
function serving(firstPage: string, later: unknown, options: Parameters<typeof mockedClient>[0] = {}): MockApi {
  const api = mockedClient(options);
  let answered = 0;
  api.mock.onAny().reply(() => (answered++ === 0 ? [200, firstPage] : [200, JSON.stringify(later)]));
  return api;
}

/** The stream ended (no hang, no synchronous throw) with pages or a BadApiResponse that names a path. */
function expectRefusedOrComplete(settled: Settled<unknown>): void {
  if (settled.kind === 'complete') {
    expect(() => JSON.stringify(settled.values)).not.toThrow();
    return;
  }
  if (settled.kind !== 'error' || !(settled.error instanceof BadApiResponse)) {
    throw new Error(`expected completion or a BadApiResponse, got ${describeSettled(settled)}`);
  }
  expect(typeof settled.error.path).toBe('string');
}

// ---- the tests ----------------------------------------------------------------------------------

const FIRST_URL = `${API}/v1/user/illusts?user_id=2188232&type=illust&filter=for_ios`;
const listUrl = (offset: number) => `${FIRST_URL}&offset=${offset}`;

function userIllustrationsPage(nextUrl: string | null): string {
  const body = fixture('v1-user-illusts/azuline-2021-2188232.json');
  body.next_url = nextUrl;
  return JSON.stringify(body);
}

describe('pagination against hostile pages', () => {
  describe('a page whose body is a damaged recorded body (fast-check, seed printed on failure)', () => {
    it.each(Object.entries(LISTINGS))('%s errors with BadApiResponse or completes, never throws or hangs', async (_, listing) => {
      const paths = pathsOf(fixture(listing.fixture));
      const outcomes = { complete: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.constantFrom(...OPS), fc.nat(), async (target, op, pick) => {
          const body = damage(fixture(listing.fixture), paths[target % paths.length], op, pick);
          const { client, mock } = serving(toJsonText(body), listing.last);
          const settled = await settle(() => listing.open(client));
          expectRefusedOrComplete(settled);
          outcomes[settled.kind === 'complete' ? 'complete' : 'refused']++;
          expectTokenOnlyOnTheApiOrigin(mock);
        }),
        { seed: SEED, numRuns: RUNS },
      );
      expect(outcomes.complete + outcomes.refused).toBe(RUNS);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it(`a comments page whose parent_comment chain is ${DEPTH} deep is read one parent deep`, async () => {
      const [comment] = fixture('v1-illust-comments/azuline-2021-86979680.json').comments;
      delete comment.parent_comment;
      // `{…comment, "parent_comment": {…comment, "parent_comment": … {} … }}`, as the wire carries it
      const level = `${JSON.stringify(comment).slice(0, -1)},"parent_comment":`;
      const text = `{"comments":[${level.repeat(DEPTH)}{}${'}'.repeat(DEPTH)}],"next_url":null}`;
      expect(() => JSON.parse(text)).not.toThrow();
      const { client, mock } = serving(text, { comments: [], next_url: null });
      const settled = await settle(() => client.illustrationCommentPages$(86979680));
      expect(describeSettled(settled)).toMatch(/^complete/);
      expectTokenOnlyOnTheApiOrigin(mock);
    });

    it(`an illustration whose page image_urls carries an extra field nested ${DEPTH} deep gives a printable model or a BadApiResponse`, async () => {
      const body = fixture('v1-user-illusts/azuline-2021-2188232.json');
      const multiPage = body.illusts.findIndex((illust: { meta_pages: unknown[] }) => illust.meta_pages.length > 0);
      expect(multiPage).toBeGreaterThanOrEqual(0);
      body.illusts[multiPage].meta_pages[0].image_urls.extra_field = DEEP_OBJECT;
      body.next_url = null;
      const { client } = serving(toJsonText(body), NO_ILLUSTRATIONS);
      // what `pixiv-rx ls --json` does with every work
      expectRefusedOrComplete(await settle(() => client.userIllustrations$(2188232)));
    });
  });

  describe('a hostile next_url', () => {
    const REFUSED: ReadonlyArray<readonly [string, string, RegExp]> = [
      ['100,000 characters on the API origin', `${listUrl(30)}&pad=${'x'.repeat(100_000)}`, /^next_url is 100\d{3} characters long/],
      ['on another origin', 'https://evil.example/v1/user/illusts?offset=30', /leaves the API origin/],
      ['on the API host over http', 'http://app-api.pixiv.net/v1/user/illusts?offset=30', /leaves the API origin/],
      ['on a host that extends the API host', 'https://app-api.pixiv.net.evil.example/', /leaves the API origin/],
      ['with the API host as user info', 'https://app-api.pixiv.net@evil.example/v1/user/illusts', /leaves the API origin/],
      ['on another port of the API host', 'https://app-api.pixiv.net:8443/v1/user/illusts', /leaves the API origin/],
      ['with a trailing dot on the host', 'https://app-api.pixiv.net./v1/user/illusts?offset=30', /leaves the API origin/],
      ['with a tab that joins the host to another', 'https://app-api.pixiv.net\t.evil.example/', /leaves the API origin/],
      ['with a percent-encoded dot in the host', 'https://app-api.pixiv.net%2eevil.example/', /leaves the API origin/],
      ['protocol-relative', '//evil.example/x', /is not an absolute URL/],
      ['javascript:', 'javascript:alert(1)', /leaves the API origin/],
      ['data:', 'data:application/json,{"illusts":[],"next_url":null}', /leaves the API origin/],
      ['file:', 'file:///etc/passwd', /leaves the API origin/],
      ['empty', '', /is not an absolute URL/],
      ['relative', '/v1/user/illusts?offset=30', /is not an absolute URL/],
    ];

    it.each(REFUSED)('%s is refused after the page it came with, before any further request', async (_, nextUrl, message) => {
      const { client, mock } = serving(userIllustrationsPage(nextUrl), NO_ILLUSTRATIONS);
      const settled = await settle(() => client.userIllustrationPages$(2188232));
      expect(settled.kind).toBe('error');
      if (settled.kind !== 'error') return;
      expect(settled.values).toHaveLength(1);
      expect(settled.error).toBeInstanceOf(BadApiResponse);
      expect((settled.error as BadApiResponse).path).toBe('next_url');
      expect((settled.error as Error).message).toMatch(message);
      expect((settled.error as Error).message.length).toBeLessThan(1000);
      expect(apiGets(mock)).toEqual([FIRST_URL]);
      expectTokenOnlyOnTheApiOrigin(mock);
    });

    it('a relative next_url is refused, not resolved against the API origin (PROTOCOL.md: next_url is an absolute URL or null)', async () => {
      const { client, mock } = serving(userIllustrationsPage('/v1/user/illusts?offset=30'), NO_ILLUSTRATIONS);
      const settled = await settle(() => client.userIllustrationPages$(2188232));
      expect(settled.kind).toBe('error');
      const error = (settled as { error: BadApiResponse }).error;
      expect(error).toBeInstanceOf(BadApiResponse);
      expect(error.message).toBe('next_url is not an absolute URL (GET /v1/user/illusts?offset=30)');
      expect(error.path).toBe('next_url');
      expect(error.request).toEqual({ method: 'GET', url: '/v1/user/illusts?offset=30' });
      expect(apiGets(mock)).toEqual([FIRST_URL]);
    });

    it(`one of exactly ${MAX_NEXT_URL_LENGTH} characters is still followed`, async () => {
      const base = listUrl(30);
      const longest = `${base}&pad=${'x'.repeat(MAX_NEXT_URL_LENGTH - base.length - 5)}`;
      expect(longest).toHaveLength(MAX_NEXT_URL_LENGTH);
      const { client, mock } = serving(userIllustrationsPage(longest), NO_ILLUSTRATIONS);
      const settled = await settle(() => client.userIllustrationPages$(2188232));
      expect(settled.kind).toBe('complete');
      expect(apiGets(mock)).toEqual([FIRST_URL, longest]);
      expectTokenOnlyOnTheApiOrigin(mock);
    });

    it('one the URL parser writes otherwise is sent as it reads it, and a loop written two ways is still caught', async () => {
      const api = mockedClient();
      const dotted = `${API}/v1/user/./illusts?user_id=2188232&type=illust&filter=for_ios&offset=30`;
      const escaped = `${API}/v1/user/%2e%2e/user/illusts?user_id=2188232&type=illust&filter=for_ios&offset=30`;
      api.mock.onGet(FIRST_URL).reply(200, userIllustrationsPage(dotted)).onGet(listUrl(30)).reply(200, userIllustrationsPage(escaped));
      const settled = await settle(() => api.client.userIllustrationPages$(2188232));
      expect(describeSettled(settled)).toMatch(/^error: BadApiResponse: next_url repeats a page already fetched/);
      expect(apiGets(api.mock)).toEqual([FIRST_URL, listUrl(30)]);
      expectTokenOnlyOnTheApiOrigin(api.mock);
    });

    describe('that repeats a page already fetched', () => {
      it('is refused when it points back at the first request', async () => {
        const { client, mock } = serving(userIllustrationsPage(FIRST_URL), NO_ILLUSTRATIONS);
        const settled = await settle(() => client.userIllustrationPages$(2188232));
        expect(describeSettled(settled)).toMatch(/^error: BadApiResponse: next_url repeats a page already fetched/);
        expect(apiGets(mock)).toEqual([FIRST_URL]);
      });

      it('is refused when a page points at itself', async () => {
        const api = mockedClient();
        api.mock
          .onGet(FIRST_URL)
          .reply(200, userIllustrationsPage(listUrl(30)))
          .onGet(listUrl(30))
          .reply(200, userIllustrationsPage(listUrl(30)));
        const settled = await settle(() => api.client.userIllustrationPages$(2188232));
        expect(describeSettled(settled)).toMatch(/^error: BadApiResponse: next_url repeats/);
        expect(apiGets(api.mock)).toEqual([FIRST_URL, listUrl(30)]);
      });

      it('is refused when the listing cycles through several pages', async () => {
        const api = mockedClient();
        api.mock
          .onGet(FIRST_URL)
          .reply(200, userIllustrationsPage(listUrl(30)))
          .onGet(listUrl(30))
          .reply(200, userIllustrationsPage(listUrl(60)))
          .onGet(listUrl(60))
          .reply(200, userIllustrationsPage(listUrl(30)));
        const settled = await settle(() => api.client.userIllustrationPages$(2188232));
        expect(describeSettled(settled)).toMatch(/^error: BadApiResponse: next_url repeats/);
        expect(settled.kind === 'error' && settled.values).toHaveLength(3);
        expect(apiGets(api.mock)).toEqual([FIRST_URL, listUrl(30), listUrl(60)]);
      });
    });

    describe('that a lenient URL parser reads as the API origin', () => {
      // `new URL()` (what isApiUrl checks) strips leading spaces and control characters and reads
      // `https:host` as `https://host`; axios joins anything that does not start with `scheme://`
      // to an instance's baseURL (`axios.getUri`), and refuses `https:` without `//`.
      const LENIENT: ReadonlyArray<readonly [string, string]> = [
        ['a leading space', ` ${listUrl(30)}`],
        ['a leading newline', `\n${listUrl(30)}`],
        ['a tab inside the scheme', `ht\ttps://app-api.pixiv.net/v1/user/illusts?offset=30`],
        ['no slashes after the scheme', 'https:app-api.pixiv.net/v1/user/illusts?offset=30'],
      ];

      it.each(LENIENT)('with %s sends the token to the API origin only, on an axios instance that has a baseURL', async (_, nextUrl) => {
        const { client, mock } = serving(userIllustrationsPage(nextUrl), NO_ILLUSTRATIONS);
        // a user's shared axios instance, e.g. with its own backend as baseURL (PixivClientOptions.axios)
        client.http.axios!.defaults.baseURL = 'https://backend.example';
        const settled = await settle(() => client.userIllustrationPages$(2188232));
        expect(['complete', 'error']).toContain(settled.kind);
        expect(apiGets(mock)[0]).toBe(FIRST_URL);
        expectTokenOnlyOnTheApiOrigin(mock);
      });
    });
  });
});
