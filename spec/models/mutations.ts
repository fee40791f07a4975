import fc from 'fast-check';
import type * as t from 'io-ts';
import { BadApiResponse } from '../../lib/errors';
import { decode } from '../../lib/models';

const SEED = Number(process.env.FC_SEED ?? 20_251_201);
const RUNS = Number(process.env.FC_RUNS ?? 200);

type Path = readonly (string | number)[];

/** Every path to a value inside `value` (the root excluded). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}

/** A deep copy of `body` with the value at `path` replaced (or deleted when `replacement` is the DELETE mark). */
function damaged(body: unknown, path: Path, replacement: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (replacement === DELETE) delete target[last];
  else Object.defineProperty(target, last, { value: replacement, enumerable: true, writable: true, configurable: true });
  return copy;
}

const DELETE = Symbol('delete');

/** Values a hostile body may hold where a field was: wrong types, nulls, huge strings and numbers, deep nesting. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(DELETE),
  fc.constant(null),
  fc.constant('x'.repeat(1 << 20)),
  fc.constantFrom(Number.MAX_VALUE, -0, 1e308, Number.MIN_SAFE_INTEGER, 'NaN', 'Infinity', '__proto__'),
  fc.constant(JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`) as unknown),
  fc.jsonValue(),
  fc.anything(),
);

/**
 * Damages one field of `body` at a time, at random: the codec must decode it (and `map` give a model
 * `JSON.stringify` can print) or refuse it with a BadApiResponse naming a path. Never another
 * exception. The undamaged body must decode.
 */
export function expectHostileBodiesHandled<A>(codec: t.Decoder<unknown, A>, body: unknown, map: (decoded: A) => unknown): void {
  expect(typeof JSON.stringify(map(decode(codec, body)))).toBe('string');
  const paths = pathsOf(body);
  expect(paths.length).toBeGreaterThan(0);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: paths.length - 1 }), hostile, (index, replacement) => {
      const input = damaged(body, paths[index], replacement);
      let decoded: A;
      try {
        decoded = decode(codec, input);
      } catch (error) {
        expect(error).toBeInstanceOf(BadApiResponse);
        expect(typeof (error as BadApiResponse).path).toBe('string');
        return;
      }
      expect(typeof JSON.stringify(map(decoded))).toBe('string');
    }),
    { seed: SEED, numRuns: RUNS },
  );
}
