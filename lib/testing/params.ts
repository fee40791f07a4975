/**
 * Query strings and `application/x-www-form-urlencoded` bodies as Pixiv's PHP back end reads them:
 * `tags[]=a&tags[]=b` and `viewed[0]=1&viewed[1]=2` are arrays under `tags` / `viewed`, a
 * repeated plain key becomes an array too, and `+` is a space.
 */
export type ParsedParams = Record<string, string | string[]>;

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

export function parseParams(text: string): ParsedParams {
  const out: ParsedParams = {};
  const indexed = new Map<string, [number, string][]>();
  if (!text) return out;
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    const bracket = /^(.+?)\[(\d*)\]$/.exec(rawKey);
    if (bracket) {
      const [, name, index] = bracket as unknown as [string, string, string];
      let list = indexed.get(name);
      if (!list) indexed.set(name, (list = []));
      list.push([index === '' ? Number.MAX_SAFE_INTEGER : Number(index), value]);
      continue;
    }
    const old = out[rawKey];
    if (old === undefined) out[rawKey] = value;
    else out[rawKey] = Array.isArray(old) ? [...old, value] : [old, value];
  }
  for (const [name, list] of indexed) {
    // a stable sort keeps `name[]` values in the order sent
    const values = list.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
    const old = out[name];
    out[name] = old === undefined ? values : [...(Array.isArray(old) ? old : [old]), ...values];
  }
  return out;
}

/** The first value of a parameter. */
export function first(params: ParsedParams, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a parameter (`[]` when absent). */
export function all(params: ParsedParams, name: string): string[] {
  const value = params[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * Builds a query string in the given order, encoding like PHP's `http_build_query`
 * (space as `+`, brackets as `%5B`/`%5D`), which is what Pixiv's `next_url`s look like.
 */
export function buildQuery(pairs: readonly (readonly [string, string | number | boolean | undefined])[]): string {
  return pairs
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encode(key)}=${encode(String(value))}`)
    .join('&');
}

function encode(text: string): string {
  return encodeURIComponent(text)
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
