import * as t from 'io-ts';
import { BadApiResponse, RequestTarget } from '../errors';

/** What a {@link BadApiResponse} should say about where the body came from. */
export interface DecodeOptions {
  readonly request?: RequestTarget;
  readonly status?: number;
}

/**
 * Decodes a response body with `codec`. Returns the decoded value, or throws a
 * {@link BadApiResponse} whose `path` is the dotted path, as in the raw body, of the first bad
 * field (`illusts.3.image_urls.medium`; `''` for the body itself). The error tells what was
 * expected and what was found (shortened), never the body.
 */
export function decode<A, O = A>(
  codec: t.Decoder<unknown, A> | t.Type<A, O, unknown>,
  body: unknown,
  options: DecodeOptions = {},
): A {
  const result = codec.decode(body);
  if (result._tag === 'Right') return result.right;
  const { path, message } = describeFailure(result.left[0], codec.name);
  throw new BadApiResponse(message, { path, request: options.request, status: options.status });
}

/** Where the first decode error is and what it says, e.g. `illusts.3.id: expected number, found "3"`. */
export function describeFailure(error: t.ValidationError | undefined, codecName: string): { path: string; message: string } {
  if (!error) {
    return { path: '', message: `Unexpected API response: not a ${shorten(codecName)}` };
  }
  const keys: string[] = [];
  let expected = codecName;
  let lastKey = '';
  const context = error.context;
  for (let i = 0; i < context.length; i++) {
    const entry = context[i];
    // Unions and intersections validate each member under its index ('0', '1'): those entries
    // name a member of the codec, not a key of the body.
    if (i > 0 && isMemberEntry(context[i - 1].type)) continue;
    if (i > 0) {
      keys.push(entry.key);
      lastKey = entry.key;
    }
    expected = entry.type.name;
  }
  const path = keys.join('.');
  const where = path === '' ? 'Unexpected API response' : `Unexpected API response at ${path}`;
  const found =
    error.value !== undefined
      ? `found ${SECRET_KEYS.has(lastKey) ? '<redacted>' : describeValue(error.value)}`
      : path === ''
        ? 'found no body'
        : 'but the field is missing';
  return { path, message: `${where}: expected ${shorten(expected)}, ${found}` };
}

/** Keys whose values must never appear in an error message. */
const SECRET_KEYS = new Set([
  'access_token',
  'refresh_token',
  'device_token',
  'mail_address',
  'password',
  'code_verifier',
  'client_secret',
]);

const MAX_SHOWN = 80;

function shorten(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** A short description of a value: scalars as JSON, containers by their size or keys. */
function describeValue(value: unknown): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return shorten(JSON.stringify(value));
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') {
    const prefix = 'an object with keys ';
    let shown = '';
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      if (shown === '') {
        shown = key;
      } else if (prefix.length + shown.length + key.length + 5 <= MAX_SHOWN) {
        shown = `${shown}, ${key}`;
      } else {
        return shorten(`${prefix}${shown}, …`);
      }
    }
    return shown === '' ? 'an empty object' : shorten(`${prefix}${shown}`);
  }
  return typeof value;
}

interface Wrapper {
  readonly _tag?: string;
  readonly type?: t.Decoder<unknown, unknown>;
}

/** Whether the entries under a codec of this type are members (index keys) rather than body keys. */
function isMemberEntry(decoder: t.Decoder<unknown, unknown>): boolean {
  let current = decoder as Wrapper;
  // These wrappers validate their inner codec with their own context, adding no entry.
  for (let depth = 0; depth < 8; depth++) {
    const tag = current._tag;
    if (tag === 'UnionType' || tag === 'IntersectionType') return true;
    if (
      (tag === 'RecursiveType' ||
        tag === 'RefinementType' ||
        tag === 'ReadonlyType' ||
        tag === 'ExactType' ||
        tag === 'FastPathType') &&
      current.type
    ) {
      current = current.type as Wrapper;
      continue;
    }
    return false;
  }
  return false;
}
