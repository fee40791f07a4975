import * as t from 'io-ts';
import { RawNovelText } from './novel-text';

/**
 * The `/webview/v2/novel` page, read as a codec: HTML in, the decoded novel object out.
 *
 * The page holds one script `Object.defineProperty(window, 'pixiv', { value: { …, novel: {…},
 * isOwnWork, … } })`: the outer literal is JavaScript (unquoted keys, trailing commas), the `novel`
 * value is one JSON object. It is found by scanning that script (skipping its strings) for the
 * key `novel`, then reading exactly one balanced JSON object there, strings and escapes respected;
 * a regex over the whole page breaks when the page around the object changes (pixivpy#411).
 *
 * A page without the script or the object, or whose object is cut short or is not JSON, fails with
 * a path that says what was missing: `pixiv` (the script), `novel` (the object), then the fields of
 * the object (`novel.title`).
 */
export const NovelTextPage = new t.Type<RawNovelText, RawNovelText, unknown>(
  'NovelTextPage',
  RawNovelText.is,
  (page, context) => {
    if (typeof page !== 'string') return t.failure(page, context);
    const script = pixivScriptStart(page);
    if (script < 0) return t.failure(undefined, t.appendContext(context, 'pixiv', PIXIV_SCRIPT, undefined));
    const scriptEnd = endOfScript(page, script);
    const novel = novelValueStart(page, script, scriptEnd);
    if (novel < 0) return t.failure(undefined, t.appendContext(context, 'novel', NOVEL_KEY, undefined));
    const inNovel = (expected: t.Decoder<unknown, unknown>, found: unknown): t.Validation<RawNovelText> =>
      t.failure(found, t.appendContext(context, 'novel', expected, found));
    if (page.charCodeAt(novel) !== 0x7b /* { */) return inNovel(JSON_OBJECT, excerpt(page, novel, scriptEnd));
    const end = balancedObjectEnd(page, novel, scriptEnd);
    if (end < 0) return inNovel(COMPLETE_OBJECT, excerpt(page, novel, scriptEnd));
    let value: unknown;
    try {
      value = JSON.parse(page.slice(novel, end));
    } catch {
      return inNovel(VALID_JSON, excerpt(page, novel, end));
    }
    return RawNovelText.validate(value, t.appendContext(context, 'novel', RawNovelText, value));
  },
  t.identity,
);

/** A context entry that names what the page should have held. */
function expectation(name: string): t.Decoder<unknown, unknown> {
  return new t.Type<unknown>(name, t.never.is, (u, c) => t.failure(u, c), t.identity);
}

const PIXIV_SCRIPT = expectation("the script Object.defineProperty(window, 'pixiv', …)");
const NOVEL_KEY = expectation('novel: {…} in the window.pixiv script');
const JSON_OBJECT = expectation('a JSON object after novel:');
const COMPLETE_OBJECT = expectation('a complete JSON object (it is cut short)');
const VALID_JSON = expectation('a valid JSON object');

/** The first characters at `start`, for an error message. */
function excerpt(page: string, start: number, end: number): string {
  return page.slice(start, Math.min(end, start + 60));
}

const DEFINE_PROPERTY = 'Object.defineProperty(';

/** Where the third argument of `Object.defineProperty(window, 'pixiv', …)` starts, or -1. */
function pixivScriptStart(page: string): number {
  for (let at = page.indexOf(DEFINE_PROPERTY); at >= 0; at = page.indexOf(DEFINE_PROPERTY, at + 1)) {
    let i = skipSpace(page, at + DEFINE_PROPERTY.length);
    if (!page.startsWith('window', i)) continue;
    i = skipSpace(page, i + 'window'.length);
    if (page.charCodeAt(i) !== 0x2c /* , */) continue;
    i = skipSpace(page, i + 1);
    const quote = page[i];
    if ((quote !== "'" && quote !== '"') || !page.startsWith('pixiv', i + 1) || page[i + 6] !== quote) continue;
    i = skipSpace(page, i + 7);
    if (page.charCodeAt(i) === 0x2c /* , */) return i + 1;
  }
  return -1;
}

/** The end of the script that `from` is in: its `</script`, or the end of the page. */
function endOfScript(page: string, from: number): number {
  const closing = /<\/script/gi;
  closing.lastIndex = from;
  return closing.exec(page)?.index ?? page.length;
}

/**
 * Where the value of the key `novel` starts in the JavaScript literal `[from, to)`, or -1. Only a
 * key counts (`novel` or `'novel'`/`"novel"` after `{` or `,`, followed by `:`), never the word in
 * a string or in another key's name.
 */
function novelValueStart(page: string, from: number, to: number): number {
  let previous = 0; // the last character outside strings and spaces
  let i = from;
  while (i < to) {
    const code = page.charCodeAt(i);
    if (code === 0x22 || code === 0x27 || code === 0x60 /* " ' ` */) {
      const end = stringEnd(page, i, to);
      const isKey = (previous === 0x7b || previous === 0x2c) && end - i === 7 && page.startsWith('novel', i + 1);
      if (isKey) {
        const value = valueAfterColon(page, end, to);
        if (value >= 0) return value;
      }
      previous = code;
      i = end;
    } else if (isIdentifierStart(code)) {
      let end = i + 1;
      while (end < to && isIdentifierPart(page.charCodeAt(end))) end++;
      if ((previous === 0x7b || previous === 0x2c) && end - i === 5 && page.startsWith('novel', i)) {
        const value = valueAfterColon(page, end, to);
        if (value >= 0) return value;
      }
      previous = 0x61; // any identifier character
      i = end;
    } else {
      if (!isSpace(code)) previous = code;
      i++;
    }
  }
  return -1;
}

/** After a key ending at `from`: the start of its value when a `:` follows, else -1. */
function valueAfterColon(page: string, from: number, to: number): number {
  const colon = skipSpace(page, from);
  if (colon >= to || page.charCodeAt(colon) !== 0x3a /* : */) return -1;
  const value = skipSpace(page, colon + 1);
  return value < to ? value : -1;
}

/** The index after the string literal that opens at `start` (its quote), `to` when unterminated. */
function stringEnd(page: string, start: number, to: number): number {
  const quote = page.charCodeAt(start);
  for (let i = start + 1; i < to; i++) {
    const code = page.charCodeAt(i);
    if (code === 0x5c /* \ */) i++;
    else if (code === quote) return i + 1;
  }
  return to;
}

/**
 * The index after the JSON object that opens at `start`, or -1 when `[start, to)` ends before the
 * object does. Braces and brackets inside strings do not count; `\"` does not end a string.
 */
function balancedObjectEnd(page: string, start: number, to: number): number {
  let depth = 0;
  for (let i = start; i < to; i++) {
    const code = page.charCodeAt(i);
    if (code === 0x22 /* " */) {
      // an unterminated string runs to `to`, and the loop ends with the object still open
      i = stringEnd(page, i, to) - 1;
    } else if (code === 0x7b || code === 0x5b /* { [ */) {
      depth++;
    } else if (code === 0x7d || code === 0x5d /* } ] */) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function skipSpace(page: string, from: number): number {
  let i = from;
  while (i < page.length && isSpace(page.charCodeAt(i))) i++;
  return i;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x0c || code === 0xa0 || code === 0xfeff;
}

function isIdentifierStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x24;
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 0x30 && code <= 0x39);
}
