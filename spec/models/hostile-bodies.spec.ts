/**
 * Hostile bodies. Every recorded body in spec/fixtures, damaged — fields dropped,
 * values of the wrong type, nulls, 1 MB strings, huge numbers and NaN-like strings, objects and
 * arrays nested 10,000 levels deep, `__proto__`/`constructor` keys — must either decode and map
 * (as lib/endpoints maps it) to a model that `JSON.stringify` can print, or be refused with a
 * BadApiResponse that names a path. Never a TypeError, a RangeError (stack overflow), any other
 * exception or a hang.
 *
 * The properties run with a fixed seed; on failure fast-check prints the seed and the shrunk
 * counterexample, and the error lists the damage that was done. Another seed, more runs:
 *   FC_SEED=42 FC_RUNS=1000 npx jest spec/models/hostile-bodies.spec.ts
 */
import fc from 'fast-check';
import * as t from 'io-ts';
import * as bookmarks from '../../lib/endpoints/bookmarks';
import type { CallEndpoint, ListEndpoint } from '../../lib/endpoints/endpoint';
import * as illustrations from '../../lib/endpoints/illustrations';
import * as novels from '../../lib/endpoints/novels';
import * as search from '../../lib/endpoints/search';
import * as spotlight from '../../lib/endpoints/spotlight';
import * as users from '../../lib/endpoints/users';
import * as watchlists from '../../lib/endpoints/watchlists';
import { BadApiResponse, PixivApiError } from '../../lib/errors';
import { errorFromResponse } from '../../lib/http/map-error';
import {
  ApiErrorEnvelope,
  CommentsBody,
  OAuthErrorBody,
  RawNovelText,
  TokenBody,
  decode,
  toComment,
  toAuthTokens,
  toNovelText,
} from '../../lib/models';
import { allFixturePaths, fixture } from './fixture';

const SEED = Number(process.env.FC_SEED ?? 20_251_129);
const RUNS = Number(process.env.FC_RUNS ?? 100);
const DEPTH = 10_000;
const MiB = 1 << 20;

// ---- how the library reads each recorded body -----------------------------------------------

/** A body codec and what the library makes of a decoded body. */
interface Reader {
  readonly codec: t.Decoder<unknown, any>;
  readonly map: (body: any) => unknown;
  /** Error bodies are not decoded: the library maps the raw body of an error answer. */
  readonly raw?: (body: unknown) => unknown;
}

/** A listing endpoint reads a body as `paginate` does: items, cursor and extras of one page. */
function listing(endpoint: ListEndpoint<any, any, any, any, any>): Reader {
  return {
    codec: endpoint.body,
    map: (body) => {
      const nextUrl = body.next_url ?? null;
      return { ...endpoint.extras?.(body), items: endpoint.items(body), nextUrl, next: endpoint.next(nextUrl) };
    },
  };
}

function single(endpoint: CallEndpoint<any, any, any>): Reader {
  return { codec: endpoint.body, map: endpoint.result };
}

const TARGET = { method: 'GET', url: 'https://app-api.pixiv.net/v1/illust/detail?illust_id=1' };

/**
 * Error bodies are not decoded by the library: `errorFromResponse` reads the raw body of any error
 * answer. The codec (as in fixtures.spec.ts) is checked too; the "model" is the error it makes.
 */
const errorBody = (codec: t.Decoder<unknown, any>, status: number): Reader => ({
  codec,
  map: (body) => errorFromResponse(status, body, {}, TARGET).toJSON(),
  raw: (body) => errorFromResponse(status, body, {}, TARGET),
});

/** Fixture folder (or file prefix) → reader. The first matching prefix wins. */
const READERS: ReadonlyArray<readonly [string, Reader]> = [
  ['auth-token/', { codec: TokenBody, map: toAuthTokens }],
  ['errors/app-api-', errorBody(ApiErrorEnvelope, 403)],
  ['errors/oauth-', errorBody(OAuthErrorBody, 400)],
  ['v1-illust-comments/', listing(illustrations.illustrationComments)],
  ['v1-illust-detail/', single(illustrations.illustration)],
  ['v1-illust-ranking/', listing(illustrations.rankingIllustrations)],
  ['v1-illust-recommended/', listing(illustrations.recommendedIllustrations)],
  ['v1-search-illust/', listing(search.searchIllustrations)],
  ['v1-trending-tags-illust/', single(illustrations.trendingTags)],
  ['v1-ugoira-metadata/', single(illustrations.ugoiraMetadata)],
  ['v1-user-bookmark-tags-illust/', listing(bookmarks.userBookmarkTags)],
  ['v1-user-bookmarks-illust/', listing(bookmarks.userBookmarks)],
  ['v1-user-detail/', single(users.user)],
  ['v1-user-follower/', listing(users.followers)],
  ['v1-user-following/', listing(users.following)],
  ['v1-user-illusts/', listing(users.userIllustrations)],
  ['v2-illust-bookmark-detail/', single(bookmarks.bookmark)],
  ['v2-illust-follow/', listing(illustrations.followingIllustrations)],
  ['v2-illust-related/', listing(illustrations.relatedIllustrations)],
  ['v1-illust-new/', listing(illustrations.newIllustrations)],
  ['v1-illust-series/', listing(illustrations.illustrationSeries)],
  ['v1-manga-recommended/', listing(illustrations.recommendedManga)],
  ['v1-search-novel/', listing(search.searchNovels)],
  ['v1-search-user/', listing(search.searchUsers)],
  ['v2-search-autocomplete/', single(search.searchAutocomplete)],
  ['v1-spotlight-articles/', listing(spotlight.spotlightArticles)],
  ['v1-user-mypixiv/', listing(users.mypixiv)],
  ['v1-user-recommended/', listing(users.recommendedUsers)],
  ['v1-watchlist-manga/', listing(watchlists.watchlist)],
  ['v1-novel-comment-replies/', listing(novels.novelComments)],
  ['v1-novel-follow/', listing(novels.followingNovels)],
  ['v1-novel-new/', listing(novels.newNovels)],
  ['v1-novel-ranking/', listing(novels.rankingNovels)],
  ['v1-novel-recommended/', listing(novels.recommendedNovels)],
  ['v1-trending-tags-novel/', single(novels.trendingNovelTags)],
  ['v1-user-bookmarks-novel/', listing(novels.userNovelBookmarks)],
  ['v1-user-novels/', listing(novels.userNovels)],
  ['v2-novel-comments/', listing(novels.novelComments)],
  ['v2-novel-detail/', single(novels.novel)],
  ['v2-novel-series/', listing(novels.novelSeries)],
  // The novel object of the viewer page, as novelText$ decodes it once found in the HTML.
  ['webview-v2-novel/', { codec: RawNovelText, map: toNovelText }],
];

function readerFor(path: string): Reader | undefined {
  return READERS.find(([prefix]) => path.startsWith(prefix))?.[1];
}

// ---- hostile values ----------------------------------------------------------------------------

type Key = string | number;
type Path = readonly Key[];

const hasOwn = (value: object, key: Key): boolean => Object.prototype.hasOwnProperty.call(value, key);

function isContainer(value: unknown): value is Record<Key, unknown> {
  return typeof value === 'object' && value !== null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return isContainer(value) && !Array.isArray(value);
}

/** Sets an own property, as JSON.parse does: `__proto__` becomes a key, not a prototype. */
function setOwn(target: object, key: Key, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function copy<T>(value: T): T {
  return (Array.isArray(value) ? value.slice() : { ...value }) as T;
}

/** Freezes every container (iteratively: the values nested 10,000 deep are frozen too). */
function deepFreeze<T>(root: T): T {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (!isContainer(value) || Object.isFrozen(value)) continue;
    Object.freeze(value);
    for (const key of Object.keys(value)) stack.push(value[key]);
  }
  return root;
}

function nest(depth: number, wrap: (inner: unknown) => unknown, bottom: unknown): unknown {
  let value = bottom;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

const DEEP_OBJECT = deepFreeze(nest(DEPTH, (inner) => ({ a: inner }), {}));
const DEEP_ARRAY = deepFreeze(nest(DEPTH, (inner) => [inner], []));
const PROTO_OBJECT = deepFreeze(
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}}'),
);
const HUGE_STRING = 'x'.repeat(MiB);

/** What a damaged field may hold instead of its value. */
const HOSTILE: readonly unknown[] = deepFreeze([
  null,
  true,
  false,
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  Infinity,
  -Infinity,
  NaN,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 64,
  '',
  ' ',
  'NaN',
  'Infinity',
  '-0',
  '1e999',
  '0x1F',
  '12345678901234567890',
  '2025-99-99',
  '__proto__',
  HUGE_STRING,
  '9'.repeat(MiB),
  `2025-02-03T00:03:17+09:00${' '.repeat(MiB)}`,
  {},
  [],
  [null],
  { length: 1 },
  { 0: 'x' },
  DEEP_OBJECT,
  DEEP_ARRAY,
  PROTO_OBJECT,
]);

/** Keys added to objects: unknown fields, prototype names, keys that camelCase to `toString`/`toJSON`. */
const EXTRA_KEYS: readonly string[] = [
  'extra_field',
  '__proto__',
  'constructor',
  'prototype',
  'to_string',
  'has_own_property',
  'to_j_s_o_n',
  '',
  'k'.repeat(MiB),
];

function describeValue(value: unknown): string {
  if (value === DEEP_OBJECT) return `an object nested ${DEPTH} deep`;
  if (value === DEEP_ARRAY) return `an array nested ${DEPTH} deep`;
  if (value === PROTO_OBJECT) return 'an object with __proto__/constructor/prototype keys';
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isContainer(value)) return `{${Object.keys(value).slice(0, 3).join(', ')}${Object.keys(value).length > 3 ? ', …' : ''}}`;
  return String(value);
}

/** The same value with the other JSON type (string ↔ number, array ↔ object, boolean → string…). */
function retyped(value: unknown, pick: number): unknown {
  const options: unknown[] =
    typeof value === 'string'
      ? [Number(value), value.length, [value], { value }, value !== '']
      : typeof value === 'number'
        ? [String(value), [value], { value }, value !== 0, null]
        : typeof value === 'boolean'
          ? [String(value), Number(value), [value], {}]
          : value === null
            ? [{}, [], 0, '', false]
            : Array.isArray(value)
              ? [{ ...value }, value.length, value.map((item) => typeof item), value[0] ?? null, {}]
              : isContainer(value)
                ? [Object.values(value), [value], Object.keys(value), Object.keys(value).length, 'object']
                : [null];
  return options[pick % options.length];
}

/** The value with `__proto__`, `constructor` and `prototype` own keys, as JSON.parse would make them. */
function withPrototypeKeys(value: Record<string, unknown>): Record<string, unknown> {
  const result = copy(value);
  setOwn(result, '__proto__', { polluted: true });
  setOwn(result, 'constructor', { prototype: { polluted: true } });
  setOwn(result, 'prototype', { polluted: true });
  return result;
}

/**
 * The value nested in itself `DEPTH` times under one of its own object-valued keys
 * (`{…comment, parent_comment: {…comment, parent_comment: …}}`): deep, and valid at every level.
 */
function nestedInItself(value: unknown, pick: number): unknown {
  if (!isRecord(value)) return nest(DEPTH, (inner) => [inner], value);
  const keys = Object.keys(value).filter((key) => isContainer(value[key]));
  const key = keys.length > 0 ? keys[pick % keys.length] : 'self';
  return nest(DEPTH, (inner) => ({ ...value, [key]: inner }), value);
}

// ---- damage -------------------------------------------------------------------------------------

const OPS = ['delete', 'replace', 'retype', 'addKey', 'prototypeKeys', 'nestInItself'] as const;
type Op = (typeof OPS)[number];

interface Step {
  /** Pick the path among the shallow ones (the body itself, its fields and theirs) or among all. */
  readonly shallow: boolean;
  readonly target: number;
  readonly op: Op;
  readonly pick: number;
}

const DELETE = Symbol('delete');

/** Every path into `root` (`[]` for the body itself), breadth first. */
function pathsOf(root: unknown): Path[] {
  const out: Path[] = [];
  const queue: Array<readonly [unknown, Path]> = [[root, []]];
  for (let i = 0; i < queue.length; i++) {
    const [value, path] = queue[i];
    out.push(path);
    if (!isContainer(value)) continue;
    for (const key of Array.isArray(value) ? value.keys() : Object.keys(value)) {
      queue.push([value[key], [...path, key]]);
    }
  }
  return out;
}

/**
 * A copy of `root` with the value at `path` changed (only the containers on the path are copied:
 * the original is frozen and shared). Returns `root` itself when the path no longer exists.
 */
function update(root: unknown, path: Path, change: (value: unknown) => unknown): unknown {
  if (path.length === 0) {
    const changed = change(root);
    return changed === DELETE ? undefined : changed;
  }
  if (!isContainer(root)) return root;
  const top = copy(root);
  let parent: Record<Key, unknown> = top;
  for (const key of path.slice(0, -1)) {
    const child = parent[key];
    if (!hasOwn(parent, key) || !isContainer(child)) return root;
    const childCopy = copy(child);
    setOwn(parent, key, childCopy);
    parent = childCopy;
  }
  const last = path[path.length - 1];
  if (!hasOwn(parent, last)) return root;
  const changed = change(parent[last]);
  // JSON has no sparse arrays: an item is removed, not left as a hole.
  if (changed === DELETE && Array.isArray(parent)) parent.splice(last as number, 1);
  else if (changed === DELETE) delete parent[last];
  else setOwn(parent, last, changed);
  return top;
}

function operate(op: Op, value: unknown, pick: number): { value: unknown; says: string } {
  switch (op) {
    case 'delete':
      return { value: DELETE, says: 'deleted' };
    case 'replace': {
      const replacement = HOSTILE[pick % HOSTILE.length];
      return { value: replacement, says: `replaced by ${describeValue(replacement)}` };
    }
    case 'retype': {
      const replacement = retyped(value, pick);
      return { value: replacement, says: `retyped to ${describeValue(replacement)}` };
    }
    case 'addKey': {
      const extra = HOSTILE[Math.floor(pick / EXTRA_KEYS.length) % HOSTILE.length];
      if (Array.isArray(value)) return { value: [...value, extra], says: `given an extra item, ${describeValue(extra)}` };
      if (!isRecord(value)) return { value: extra, says: `replaced by ${describeValue(extra)}` };
      const key = EXTRA_KEYS[pick % EXTRA_KEYS.length];
      const result = copy(value);
      setOwn(result, key, extra);
      return { value: result, says: `given a key ${describeValue(key)} holding ${describeValue(extra)}` };
    }
    case 'prototypeKeys':
      return isRecord(value)
        ? { value: withPrototypeKeys(value), says: 'given __proto__/constructor/prototype keys' }
        : { value: PROTO_OBJECT, says: `replaced by ${describeValue(PROTO_OBJECT)}` };
    case 'nestInItself':
      return { value: nestedInItself(value, pick), says: `nested in itself ${DEPTH} deep` };
  }
}

interface Damaged {
  readonly body: unknown;
  /** What was done, for the failure message. */
  readonly damage: readonly string[];
}

function damage(original: unknown, steps: readonly Step[], all: readonly Path[], shallow: readonly Path[]): Damaged {
  let body = original;
  const done: string[] = [];
  for (const step of steps) {
    const paths = step.shallow ? shallow : all;
    const path = paths[step.target % paths.length];
    let says = '';
    const next = update(body, path, (value) => {
      const result = operate(step.op, value, step.pick);
      says = result.says;
      return result.value;
    });
    if (next !== body || path.length === 0) done.push(`${path.length === 0 ? '(the body)' : path.join('.')} ${says}`);
    body = next;
  }
  return { body, damage: done };
}

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  shallow: fc.boolean(),
  target: fc.nat(),
  op: fc.constantFrom(...OPS),
  pick: fc.nat(),
});
const stepsArbitrary = fc.array(stepArbitrary, { minLength: 1, maxLength: 3 });

// ---- the oracle ---------------------------------------------------------------------------------

type Outcome = 'decoded' | 'refused';

function unexpected(stage: string, error: unknown): Error {
  const described =
    error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}\n${error.stack ?? ''}` : String(error);
  return new Error(`${stage} threw instead of refusing the body with a BadApiResponse: ${described}`, { cause: error });
}

const PLAIN_PROTOTYPES = new Set<unknown>([Object.prototype, Array.prototype, Date.prototype]);

/** Every object of the model is a plain object, array or Date (no prototype the body chose). */
function expectPlainPrototypes(model: unknown): void {
  const stack: Array<readonly [unknown, string]> = [[model, 'model']];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const [value, where] = stack.pop()!;
    if (!isContainer(value) || seen.has(value)) continue;
    seen.add(value);
    if (!PLAIN_PROTOTYPES.has(Object.getPrototypeOf(value))) throw new Error(`${where} has a foreign prototype`);
    for (const key of Object.keys(value)) stack.push([value[key], `${where}.${key}`]);
  }
}

/** Reads `body` as the library does and checks the outcome; throws, with the reason, when it is wrong. */
function readBody(reader: Reader, body: unknown): Outcome {
  if (reader.raw) {
    let error: unknown;
    try {
      error = reader.raw(body);
      JSON.stringify(error);
    } catch (thrown) {
      throw unexpected('errorFromResponse', thrown);
    }
    if (!(error instanceof PixivApiError)) throw new Error(`errorFromResponse returned ${String(error)}`);
  }
  let decoded: unknown;
  try {
    decoded = decode(reader.codec, body);
  } catch (error) {
    if (!(error instanceof BadApiResponse)) throw unexpected('decode', error);
    if (typeof error.path !== 'string') throw new Error(`BadApiResponse without a path: ${error.message}`, { cause: error });
    return 'refused';
  }
  let model: unknown;
  try {
    model = reader.map(decoded);
  } catch (error) {
    throw unexpected('the mapper (of a body that decoded)', error);
  }
  let json: string;
  try {
    json = JSON.stringify(model);
  } catch (error) {
    throw unexpected('JSON.stringify(model)', error);
  }
  if (typeof json !== 'string') throw new Error('JSON.stringify(model) returned no JSON');
  expectPlainPrototypes(model);
  return 'decoded';
}

function readDamaged(reader: Reader, damaged: Damaged): Outcome {
  try {
    return readBody(reader, damaged.body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n  damage: ${damaged.damage.join('; ') || 'none'}`, { cause: error });
  }
}

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
}

// ---- the tests ----------------------------------------------------------------------------------

const FIXTURES = allFixturePaths();

/**
 * The modern novel detail lost its counters to the snapshot test behind it (fixtures.spec.ts), so
 * its newer fields would never reach toNovel: this one has the three counters put back, as 0.
 */
/** A series page without its works (fixtures.spec.ts): refused at `illusts` whatever else it holds. */
const PARTIAL_SERIES_PAGE = 'v1-illust-series/pixivts-2025-147483-derived-partial.json';
const RESTORED_NOVEL = 'v2-novel-detail/pixivts-2023-13574875-derived-partial.json, counters restored';

/**
 * The bodies that `__proto__` keys in every object turn bad: the novel detail and the novel series
 * whose snapshots lost core fields (refused however they are read), and the viewer's novel, whose
 * id-keyed `images` then holds a `__proto__` image without URLs.
 */
const REFUSED_WITH_PROTOTYPE_KEYS = new Set([
  'v2-novel-detail/pixivts-2023-13574875-derived-partial.json',
  'v2-novel-series/pixivts-2025-7474721-derived-partial.json',
  'webview-v2-novel/pixko-2023-19713880-embedded-novel-json.json',
]);

/** The recorded bodies, and the restored novel. */
const BODIES = [...FIXTURES, RESTORED_NOVEL];

function load(name: string): any {
  if (name !== RESTORED_NOVEL) return fixture(name);
  const body = fixture(name.slice(0, name.indexOf(',')));
  Object.assign(body.novel, { total_bookmarks: 0, total_view: 0, total_comments: 0 });
  return body;
}

/** Arrays cut to their first item: one of every field, cheap to decode. */
function firstItems(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 1).map(firstItems);
  if (isRecord(value)) {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(result, key, firstItems(value[key]));
    return result;
  }
  return value;
}

describe('hostile bodies', () => {
  it('every recorded body has a reader', () => {
    expect(FIXTURES.length).toBeGreaterThan(30);
    expect(FIXTURES.filter((path) => !readerFor(path))).toEqual([]);
  });

  describe('damaged at random (fast-check, seed printed on failure)', () => {
    it.each(BODIES)('%s decodes to a printable model or is refused with BadApiResponse', (path) => {
      const reader = readerFor(path)!;
      const original = deepFreeze(load(path));
      const all = pathsOf(original);
      const shallow = all.filter((p) => p.length <= 2);
      const outcomes: Record<Outcome, number> = { decoded: 0, refused: 0 };
      fc.assert(
        fc.property(stepsArbitrary, (steps) => {
          outcomes[readDamaged(reader, damage(original, steps, all, shallow))]++;
        }),
        { seed: SEED, numRuns: RUNS },
      );
      expect(outcomes.decoded + outcomes.refused).toBe(RUNS);
      expect(outcomes.refused).toBeGreaterThan(0);
      expectNoPollution();
    });
  });

  describe('every field, damaged one at a time', () => {
    const SWEEP: ReadonlyArray<readonly [string, Op, number]> = [
      ['deleted', 'delete', 0],
      ['null', 'replace', HOSTILE.indexOf(null)],
      ['retyped', 'retype', 0],
      ['NaN', 'replace', HOSTILE.indexOf(NaN)],
      [`an object nested ${DEPTH} deep`, 'replace', HOSTILE.indexOf(DEEP_OBJECT)],
      [`an array nested ${DEPTH} deep`, 'replace', HOSTILE.indexOf(DEEP_ARRAY)],
      [
        `an extra key holding an object nested ${DEPTH} deep`,
        'addKey',
        HOSTILE.indexOf(DEEP_OBJECT) * EXTRA_KEYS.length + EXTRA_KEYS.indexOf('extra_field'),
      ],
      ['__proto__/constructor/prototype keys', 'prototypeKeys', 0],
    ];

    it.each(BODIES)('%s', (path) => {
      const reader = readerFor(path)!;
      const original = deepFreeze(firstItems(load(path)));
      const failures: string[] = [];
      let runs = 0;
      for (const field of pathsOf(original)) {
        for (const [label, op, pick] of SWEEP) {
          const body = update(original, field, (value) => operate(op, value, pick).value);
          runs++;
          try {
            readBody(reader, body);
          } catch (error) {
            const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
            failures.push(`${field.join('.') || '(the body)'} ← ${label}: ${message}`);
          }
        }
      }
      expect(runs).toBeGreaterThan(SWEEP.length);
      expect(failures).toEqual([]);
      expectNoPollution();
    });
  });

  describe(`a body nested ${DEPTH} levels deep`, () => {
    // one reader per codec; OAuthErrorBody is all optional fields, so any object is one
    const readers = READERS.filter(([, reader], index) => READERS.findIndex(([, r]) => r.codec === reader.codec) === index);

    it.each(readers.map(([prefix, reader]) => [reader.codec.name, prefix, reader] as const))(
      'is refused by %s (%s) as an array, and as an object unless every field is optional',
      (_, __, reader) => {
        expect(readBody(reader, DEEP_OBJECT)).toBe(reader.codec === OAuthErrorBody ? 'decoded' : 'refused');
        expect(readBody(reader, DEEP_ARRAY)).toBe('refused');
        let error: unknown;
        try {
          decode(reader.codec, DEEP_ARRAY);
        } catch (thrown) {
          error = thrown;
        }
        expect(error).toBeInstanceOf(BadApiResponse);
        expect((error as BadApiResponse).path).toBe('');
        expect((error as Error).message.length).toBeLessThan(500);
      },
    );

    it(`a parent_comment chain ${DEPTH} deep (each level a valid comment) is read one level deep, without a crash`, () => {
      // Real v1 parent comments nest one level (spec/fixtures/v1-illust-comments): a chain this deep
      // can only be hostile. Only the first parent is read; what it nests is never looked at.
      const body = fixture('v1-illust-comments/azuline-2021-86979680.json');
      const comment = body.comments[0];
      body.comments[0] = nest(DEPTH, (parent) => ({ ...comment, parent_comment: parent }), { ...comment, parent_comment: {} });
      const reader = readerFor('v1-illust-comments/')!;
      expect(reader.codec).toBe(CommentsBody);
      let outcome: Outcome | Error;
      try {
        outcome = readBody(reader, body);
      } catch (error) {
        outcome = error as Error;
      }
      expect(outcome).toBe('decoded');
      const model = toComment(decode(CommentsBody, body).comments[0]);
      expect(model.parentComment?.id).toBe(comment.id);
      expect(model.parentComment?.parentComment).toBeNull();
      expect(() => JSON.stringify(model)).not.toThrow();
    });
  });

  describe('prototype-polluting keys', () => {
    /**
     * The body with `__proto__`, `constructor` and `prototype` own keys in every non-empty object.
     * Maps of strings (`profile_image_urls`, `zip_urls`) get string values there, which they accept.
     */
    function withPrototypeKeysEverywhere(value: unknown): unknown {
      if (Array.isArray(value)) return value.map(withPrototypeKeysEverywhere);
      if (!isRecord(value)) return value;
      const keys = Object.keys(value);
      const result: Record<string, unknown> = {};
      for (const key of keys) setOwn(result, key, withPrototypeKeysEverywhere(value[key]));
      // `{}` means "none" for a series or a parent comment: keys there would make it a bad value
      if (keys.length === 0) return result;
      if (keys.every((key) => typeof value[key] === 'string')) {
        for (const key of ['__proto__', 'constructor', 'prototype']) setOwn(result, key, 'polluted');
        return result;
      }
      return withPrototypeKeys(result);
    }

    it.each(BODIES)('%s with __proto__ keys everywhere pollutes nothing', (path) => {
      const reader = readerFor(path)!;
      const body = withPrototypeKeysEverywhere(load(path));
      expect(Object.keys(body as object)).toContain('__proto__');
      const outcome = readBody(reader, body);
      // bodies that lost core fields are refused whole (see fixtures.spec.ts); the others still decode and map
      const refusedWhole = REFUSED_WITH_PROTOTYPE_KEYS.has(path) || path === PARTIAL_SERIES_PAGE;
      expect(outcome).toBe(refusedWhole ? 'refused' : 'decoded');
      expectNoPollution();
    });

    it('keeps a JSON.parse-made __proto__ key of a profile as an inert key, not as the model’s prototype', () => {
      const text = JSON.stringify(fixture('v1-user-detail/azuline-2021-2188232.json')).replace(
        '"profile":{',
        '"profile":{"__proto__":{"polluted":true,"total_illusts":"not a number"},',
      );
      const model = readBody(readerFor('v1-user-detail/')!, JSON.parse(text));
      expect(model).toBe('decoded');
      const user = users.user.result(decode(users.user.body, JSON.parse(text)));
      expect(Object.getPrototypeOf(user.profile)).toBe(Object.prototype);
      expect((user.profile as Record<string, unknown>).polluted).toBeUndefined();
      expect(typeof user.profile.totalIllusts).toBe('number');
      expectNoPollution();
    });
  });
});
