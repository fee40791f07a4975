import * as t from 'io-ts';
import * as models from '../../lib/models';
import { compileGuard } from '../../lib/models/compile-guard';
import { EmptyObject, FastPathType, IsoDateString, NumericId, enumCodec } from '../../lib/models/codecs';
import { allFixturePaths, fixture } from './fixture';

/** Every response codec the endpoints decode with (each a FastPathType over io-ts codecs). */
const BODY_CODECS: Array<[string, FastPathType<unknown, unknown>]> = Object.entries(models as Record<string, unknown>).flatMap(
  ([name, value]) => (value instanceof FastPathType ? [[name, value as FastPathType<unknown, unknown>] as [string, FastPathType<unknown, unknown>]] : []),
);

/** What a field may be replaced with: every JSON kind, and the ones io-ts tells apart. */
const REPLACEMENTS: readonly unknown[] = [undefined, null, 0, -1.5, '', 'x', '2024-01-01T00:00:00+09:00', true, false, [], [1], {}, { id: 1 }];

/**
 * Calls `check` with the value as it is, then once for each way of breaking it at one place: a
 * key removed, or a value (an item of an array, a field of an object) replaced by each of
 * {@link REPLACEMENTS}; at most `limit` places, spread over the whole value. The value is changed
 * in place for each call and put back after it.
 */
function eachMutant(value: unknown, limit: number, check: (mutant: unknown) => void): void {
  const places: Array<{ parent: Record<string | number, unknown>; key: string | number; array: boolean }> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        places.push({ parent: node as unknown as Record<number, unknown>, key: index, array: true });
        visit(item);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        places.push({ parent: node as Record<string, unknown>, key, array: false });
        visit(item);
      }
    }
  };
  visit(value);
  check(value);
  const step = Math.max(1, Math.floor(places.length / limit));
  for (let i = 0; i < places.length; i += step) {
    const { parent, key, array } = places[i];
    const original = parent[key];
    for (const replacement of REPLACEMENTS) {
      parent[key] = replacement;
      check(value);
    }
    if (!array) {
      delete parent[key];
      check(value);
    }
    parent[key] = original;
  }
}

describe('compileGuard', () => {
  const bodies = [
    ...allFixturePaths()
      .filter((path) => !path.startsWith('errors/'))
      .map((path) => [path, fixture<unknown>(path)] as const),
    // the two bodies no recording holds, as PROTOCOL.md gives them
    ['/v1/user/follow/detail', { follow_detail: { is_followed: true, restrict: 'public' } }] as const,
    ['/v1/user/ai-show-settings', { show_ai: true }] as const,
  ];

  it('knows the codecs it is checked against', () => {
    expect(BODY_CODECS.length).toBeGreaterThanOrEqual(20);
    expect(bodies.length).toBeGreaterThanOrEqual(40);
  });

  it.each(BODY_CODECS)("answers as io-ts' own is() of %s, for every recorded body and thousands of broken copies", (_name, codec) => {
    const guard = compileGuard(codec.type);
    let passed = 0;
    let failed = 0;
    const compare = (path: string) => (value: unknown) => {
      const expected = codec.type.is(value);
      if (guard(value) !== expected) throw new Error(`${path}: the guard says ${!expected}, io-ts ${expected}, for ${JSON.stringify(value).slice(0, 300)}`);
      if (expected) passed++;
      else failed++;
    };
    // the first bodies of this codec, broken in every way; the others as they are
    let mutated = 0;
    for (const [path, body] of bodies) {
      if (mutated < 3 && codec.type.is(body)) {
        mutated++;
        eachMutant(body, 150, compare(path));
      } else compare(path)(body);
    }
    // both answers are exercised: bodies that pass and copies that fail
    expect(passed).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);
  });

  it('passes every recorded page of works and fails one broken field of it', () => {
    const page = fixture<{ illusts: Array<Record<string, unknown>> }>('v1-user-illusts/azuline-2021-2188232.json');
    const guard = compileGuard(models.IllustrationsBody.type);
    expect(guard(page)).toBe(true);
    (page.illusts[1].user as Record<string, unknown>).profile_image_urls = { medium: 7 };
    expect(guard(page)).toBe(false);
  });

  it('keeps the rules io-ts has for missing keys, unions, records and codecs of its own', () => {
    const Color = enumCodec({ RED: 'red', BLUE: 'blue' }, 'Color');
    const Tagged = t.union([t.type({ kind: t.literal('a'), a: t.number }), t.type({ kind: t.literal('b'), b: t.string })]);
    const codec = t.intersection([
      t.type({
        // `unknown` accepts undefined, but io-ts still wants the key
        anything: t.unknown,
        either: t.union([t.string, t.null, t.array(t.number)]),
        nested: t.union([t.type({ x: t.number }), t.null]),
        map: t.record(t.string, t.union([t.string, t.number])),
        keyed: t.record(t.keyof({ one: null, two: null }), t.number),
        color: Color,
        date: IsoDateString,
        id: NumericId,
        none: EmptyObject,
        tagged: Tagged,
        int: t.Int,
        anyRecord: t.UnknownRecord,
      }),
      t.partial({ maybe: t.boolean }),
    ]);
    const valid = {
      anything: undefined,
      either: [1, 2],
      nested: { x: 1 },
      map: { a: 'b', c: 3 },
      keyed: { one: 1, two: 2 },
      color: 'red',
      date: '2024-05-01T12:00:00+09:00',
      id: '123',
      none: {},
      tagged: { kind: 'b', b: 'yes' },
      int: 3,
      anyRecord: { q: [] },
    };
    const guard = compileGuard(codec);
    eachMutant(valid, 1_000, (value) => expect([JSON.stringify(value), guard(value)]).toEqual([JSON.stringify(value), codec.is(value)]));
    const withoutKey: Record<string, unknown> = { ...valid };
    delete withoutKey.anything;
    expect(guard(valid)).toBe(true);
    expect(guard(withoutKey)).toBe(false);
    expect(guard({ ...valid, maybe: 'yes' })).toBe(false);
    expect(guard({ ...valid, extra: 'kept' })).toBe(true);
  });

  it('checks codecs nested deeper than it writes out', () => {
    let codec: t.Mixed = t.type({ leaf: t.number });
    let valid: unknown = { leaf: 1 };
    for (let i = 0; i < 50; i++) {
      codec = t.type({ inner: codec, items: t.array(t.string) });
      valid = { inner: valid, items: ['a'] };
    }
    const guard = compileGuard(codec);
    eachMutant(valid, 200, (value) => expect(guard(value)).toBe(codec.is(value)));
  });

  it("falls back to the codec's own is() where code cannot be generated (a Content-Security-Policy without unsafe-eval)", () => {
    const codec = t.type({ id: t.number });
    const original = globalThis.Function;
    const refused = function Function(): never {
      throw new EvalError('Refused to evaluate a string as JavaScript');
    } as unknown as FunctionConstructor;
    globalThis.Function = refused;
    try {
      expect(compileGuard(codec)).toBe(codec.is);
    } finally {
      globalThis.Function = original;
    }
  });

  it('quotes any key a codec names safely in the code it generates', () => {
    const quoted = t.type({ 'a"b': t.number, 'c\\nd': t.string, '</script>': t.boolean });
    const guard = compileGuard(quoted);
    expect(guard({ 'a"b': 1, 'c\\nd': 'x', '</script>': true })).toBe(true);
    expect(guard({ 'a"b': '1', 'c\\nd': 'x', '</script>': true })).toBe(false);
  });
});
