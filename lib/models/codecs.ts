/**
 * Small building-block codecs shared by the response codecs.
 *
 * Every raw codec in this folder is transformation-free: when a body is valid, decoding returns
 * the very object it was given. That lets {@link withFastPath} check a whole page with one
 * allocation-free guard and fall back to io-ts' path-collecting `validate` only when
 * something is wrong.
 */
import * as t from 'io-ts';
import { compileGuard, type Guard } from './compile-guard';

function isDateString(u: unknown): u is string {
  return typeof u === 'string' && !Number.isNaN(Date.parse(u));
}

/**
 * A date string that `new Date()` can read (Pixiv sends ISO 8601 with a `+09:00` offset). An
 * unparsable date is a decode error; the mappers turn the string into a `Date`.
 */
export const IsoDateString = new t.Type<string, string, unknown>(
  'IsoDateString',
  isDateString,
  (u, c) => (isDateString(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);
export type IsoDateString = t.TypeOf<typeof IsoDateString>;

function isNumericString(u: unknown): u is string {
  return typeof u === 'string' && /^[0-9]{1,16}$/.test(u);
}

/**
 * A numeric id that may come as a number or as a string of digits: the token endpoint sends
 * `user.id` as a string (`"47041657"`), every other endpoint as a number.
 */
export const NumericId = t.union(
  [
    t.number,
    new t.Type<string, string, unknown>(
      'NumericString',
      isNumericString,
      (u, c) => (isNumericString(u) ? t.success(u) : t.failure(u, c)),
      t.identity,
    ),
  ],
  'NumericId',
);
export type NumericId = t.TypeOf<typeof NumericId>;

/** An empty object without a single key, how Pixiv says "none" for a novel's series and a comment's parent. */
export interface EmptyObject {
  readonly [key: string]: never;
}

function isEmptyObject(u: unknown): u is EmptyObject {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  for (const key in u) {
    if (Object.hasOwn(u, key)) return false;
  }
  return true;
}

export const EmptyObject = new t.Type<EmptyObject, EmptyObject, unknown>(
  '{}',
  isEmptyObject,
  (u, c) => (isEmptyObject(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** `string | null`. */
export const NullableString = t.union([t.string, t.null], 'string | null');

/** A map of size name → URL (`profile_image_urls`, `zip_urls`). */
export const UrlRecord = t.record(t.string, t.string, 'Record<string, string>');

/**
 * The same codec, with `validate` answering from an allocation-free guard when the value is valid,
 * and running io-ts' full validation (which builds a context per field) only to report where an
 * invalid value went wrong. The guard is the codec's `is`, compiled into one function at the first
 * use ({@link compileGuard}).
 *
 * Only for transformation-free codecs, whose valid input is its own output.
 */
export class FastPathType<A, O> extends t.Type<A, O, unknown> {
  readonly _tag = 'FastPathType' as const;

  constructor(readonly type: t.Type<A, O, unknown>) {
    let guard: Guard | undefined;
    const is = (u: unknown): u is A => (guard ??= compileGuard(type))(u);
    super(type.name, is, (u, c) => (is(u) ? t.success(u) : type.validate(u, c)), type.encode);
  }
}

export function withFastPath<A, O>(codec: t.Type<A, O, unknown>): FastPathType<A, O> {
  return new FastPathType(codec);
}

/**
 * A string enum as a codec: accepts exactly the enum's values, typed as the enum (`t.keyof`
 * would type them as plain string literals).
 */
export function enumCodec<E extends Record<string, string>>(enumObj: E, name: string): t.Type<E[keyof E], string, unknown> {
  const values = new Set<unknown>(Object.values(enumObj));
  const is = (u: unknown): u is E[keyof E] => values.has(u);
  return new t.Type<E[keyof E], string, unknown>(name, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c)), t.identity);
}
