import fc from 'fast-check';
import * as t from 'io-ts';
import {
  CommentsBody,
  EmptyObject,
  IllustrationsBody,
  IsoDateString,
  NumericId,
  TokenBody,
  UserDetailBody,
  UserPreviewsBody,
  Visibility,
  enumCodec,
  withFastPath,
} from '../../lib/models';
import { fixture } from './fixture';

describe('IsoDateString', () => {
  it('accepts the API’s dates and rejects what Date cannot read', () => {
    expect(IsoDateString.is('2025-02-03T00:03:17+09:00')).toBe(true);
    expect(IsoDateString.is('2018-04-26T15:36:03.000+0000')).toBe(true);
    expect(IsoDateString.is('yesterday')).toBe(false);
    expect(IsoDateString.is('')).toBe(false);
    expect(IsoDateString.is(1700000000000)).toBe(false);
    expect(IsoDateString.is(null)).toBe(false);
  });
});

describe('NumericId', () => {
  it('accepts a number or a string of digits', () => {
    expect(NumericId.is(47041657)).toBe(true);
    expect(NumericId.is('47041657')).toBe(true);
    expect(NumericId.is('4704165a')).toBe(false);
    expect(NumericId.is('')).toBe(false);
    expect(NumericId.is('-1')).toBe(false);
    expect(NumericId.is(null)).toBe(false);
  });
});

describe('EmptyObject', () => {
  it('accepts only an object without keys', () => {
    expect(EmptyObject.is({})).toBe(true);
    expect(EmptyObject.is({ id: 1 })).toBe(false);
    expect(EmptyObject.is([])).toBe(false);
    expect(EmptyObject.is(null)).toBe(false);
  });
});

describe('enumCodec', () => {
  it('accepts exactly the enum’s values', () => {
    const codec = enumCodec(Visibility, 'Visibility');
    expect(codec.is('public')).toBe(true);
    expect(codec.is('private')).toBe(true);
    expect(codec.is('PUBLIC')).toBe(false);
    expect(codec.is('hasOwnProperty')).toBe(false);
  });
});

describe('withFastPath', () => {
  it('returns the same object for a valid value and the full errors for an invalid one', () => {
    const Codec = t.type({ a: t.array(t.number) }, 'Codec');
    const fast = withFastPath(Codec);
    const value = { a: [1, 2] };
    const decoded = fast.decode(value);
    expect(decoded._tag === 'Right' && decoded.right).toBe(value);
    const summary = (result: t.Validation<unknown>) =>
      result._tag === 'Left' ? result.left.map((error) => [error.context.map((entry) => entry.key), error.value]) : [];
    expect(summary(fast.decode({ a: [1, 'x'] }))).toEqual([[['', 'a', '1'], 'x']]);
    expect(summary(fast.decode({ a: [1, 'x'] }))).toEqual(summary(Codec.decode({ a: [1, 'x'] })));
  });

  // The fast path trusts `is`; these properties check that, for every response codec, `is`
  // accepts exactly what io-ts' validation accepts, on recorded bodies damaged at random.
  const damage = fc.constantFrom<unknown>('__delete__', null, 7, 'x', '', {}, [], true, '2025-99-99');

  function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
    if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) pathsOf(child, [...prefix, key], out);
    }
    if (prefix.length > 0) out.push(prefix);
    return out;
  }

  function apply(body: unknown, path: (string | number)[], replacement: unknown): void {
    let parent = body as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    // JSON has no sparse arrays: an item is removed, not left as a hole.
    if (replacement === '__delete__' && Array.isArray(parent)) parent.splice(last as number, 1);
    else if (replacement === '__delete__') delete parent[last];
    else parent[last] = replacement;
  }

  it.each([
    ['v1-illust-ranking/pixivpy-2025-day.json', IllustrationsBody],
    ['v1-search-illust/pix-ezviewer-2018.json', IllustrationsBody],
    ['v1-illust-comments/azuline-2021-86979680.json', CommentsBody],
    ['v1-user-follower/azuline-2021-anonymized.json', UserPreviewsBody],
    ['v1-user-detail/pixivutil2-2019-1039353.json', UserDetailBody],
    ['auth-token/pixiv-shaft-2020-12-password-grant.json', TokenBody],
    ['auth-token/pix-ezviewer-2018-password-grant.json', TokenBody],
  ] as const)('agrees with full validation on damaged copies of %s', (path, codec) => {
    const original = fixture(path);
    const paths = pathsOf(original);
    const inner = codec.type as t.Type<unknown, unknown, unknown>;
    let rejected = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paths.length - 1 }), damage, (index, replacement) => {
        const body = structuredClone(original);
        apply(body, paths[index], replacement);
        const valid = inner.validate(body, t.getDefaultContext(inner))._tag === 'Right';
        expect(codec.is(body)).toBe(valid);
        expect(codec.decode(body)._tag === 'Right').toBe(valid);
        if (!valid) rejected++;
      }),
      { numRuns: 150 },
    );
    expect(rejected).toBeGreaterThan(0);
  });
});
