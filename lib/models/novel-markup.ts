/**
 * Pixiv's novel markup (PROTOCOL.md, "Novel text"): `[newpage]`, `[chapter:TITLE]`, `[jump:N]`,
 * `[[rb:BASE > RUBY]]`, `[[jumpuri:TEXT > URL]]`, `[pixivimage:ID]`, `[pixivimage:ID-N]` and
 * `[uploadedimage:ID]`. Anything else, including a broken tag, is text.
 */

/** A run of plain text, exactly as written (line breaks included). */
export interface NovelTextNode {
  readonly type: 'text';
  readonly text: string;
}

/** `[newpage]`: a page break. */
export interface NovelNewPageNode {
  readonly type: 'newpage';
}

/** `[chapter:TITLE]`: a chapter heading. */
export interface NovelChapterNode {
  readonly type: 'chapter';
  readonly title: string;
}

/** `[[rb:BASE > RUBY]]`: `base` with its reading `ruby` (both trimmed). */
export interface NovelRubyNode {
  readonly type: 'ruby';
  readonly base: string;
  readonly ruby: string;
}

/** `[[jumpuri:TEXT > URL]]`: a link to an http(s) URL. */
export interface NovelLinkNode {
  readonly type: 'link';
  readonly text: string;
  readonly url: string;
}

/** `[jump:N]`: a link to page `page` of the novel (counted from 1). */
export interface NovelJumpNode {
  readonly type: 'jump';
  readonly page: number;
}

/**
 * `[pixivimage:ID]` or `[pixivimage:ID-N]`: an illustration shown in the text. `page` is N as
 * written (clients disagree on whether it counts from 0 or 1), `null` without `-N`.
 */
export interface NovelPixivImageNode {
  readonly type: 'pixivImage';
  readonly illustrationId: number;
  readonly page: number | null;
}

/** `[uploadedimage:ID]`: an image uploaded with the novel (`NovelText.images[imageId]`). */
export interface NovelUploadedImageNode {
  readonly type: 'uploadedImage';
  readonly imageId: string;
}

/** One piece of a novel's text, as {@link parseNovelMarkup} reads it. */
export type NovelNode =
  | NovelTextNode
  | NovelNewPageNode
  | NovelChapterNode
  | NovelRubyNode
  | NovelLinkNode
  | NovelJumpNode
  | NovelPixivImageNode
  | NovelUploadedImageNode;

/**
 * @internal A node and the part of the source it was read from, `[start, end)`. The spans of one
 * text follow each other without gap or overlap and cover it whole.
 */
export interface NovelMarkupSpan {
  readonly node: NovelNode;
  readonly start: number;
  readonly end: number;
}

const NEWPAGE = '[newpage]';
const NEWPAGE_NODE: NovelNewPageNode = Object.freeze({ type: 'newpage' });

/** Tags of the form `[name:CONTENT]`, each with how its content becomes a node. */
const SINGLE_TAGS: ReadonlyArray<readonly [string, (content: string) => NovelNode | null]> = [
  ['[chapter:', (title) => (title === '' ? null : { type: 'chapter', title })],
  ['[jump:', toJump],
  ['[pixivimage:', toPixivImage],
  ['[uploadedimage:', (id) => (isDigits(id, 0, id.length) ? { type: 'uploadedImage', imageId: id } : null)],
];

/** Tags of the form `[[name:CONTENT]]`. */
const DOUBLE_TAGS: ReadonlyArray<readonly [string, (content: string) => NovelNode | null]> = [
  ['[[rb:', toRuby],
  ['[[jumpuri:', toLink],
];

/**
 * Reads Pixiv's novel markup into nodes. Pure and total: it never throws, and text that is not a
 * well-formed tag (an unknown tag, `[[rb:x]]` without `>`, a `jumpuri` whose URL is not http(s),
 * a tag cut by a line break) is kept as text, character for character. Consecutive text is one
 * node. Runs in one pass over the text (no backtracking).
 *
 * ```ts
 * parseNovelMarkup('[chapter:One]Hello [[rb:世界 > せかい]][newpage]…');
 * // [{ type: 'chapter', title: 'One' }, { type: 'text', text: 'Hello ' },
 * //  { type: 'ruby', base: '世界', ruby: 'せかい' }, { type: 'newpage' }, { type: 'text', text: '…' }]
 * ```
 */
export function parseNovelMarkup(text: string): NovelNode[] {
  const spans = scanNovelMarkup(text);
  const nodes = new Array<NovelNode>(spans.length);
  for (let i = 0; i < spans.length; i++) nodes[i] = spans[i]!.node;
  return nodes;
}

/** @internal {@link parseNovelMarkup} with where each node comes from. */
export function scanNovelMarkup(text: string): NovelMarkupSpan[] {
  const spans: NovelMarkupSpan[] = [];
  if (typeof text !== 'string') return spans;
  const length = text.length;
  // The next `]`, `[` and line break at or after the last position asked for. Candidates are
  // tried left to right, so each is searched for once over the whole text: linear time even for
  // a text of 300,000 `[`.
  let close = -1;
  let open = -1;
  let newline = -1;
  const nextClose = (from: number): number => {
    if (close < from) close = indexOrEnd(text, ']', from);
    return close;
  };
  const nextOpen = (from: number): number => {
    if (open < from) open = indexOrEnd(text, '[', from);
    return open;
  };
  const nextNewline = (from: number): number => {
    if (newline < from) newline = indexOrEnd(text, '\n', from);
    return newline;
  };

  /** The content of a tag whose prefix ends at `contentStart`, up to the first `]`; null when broken. */
  const contentEnd = (candidate: number): number => {
    // `]`/line breaks are looked for from candidate + 1 and `[` from candidate + 2: no prefix holds
    // one there, so the first after the prefix is the first after those positions
    const end = nextClose(candidate + 1);
    if (end >= length || nextOpen(candidate + 2) < end || nextNewline(candidate + 1) < end) return -1;
    return end;
  };

  let textStart = 0;
  let candidate = text.indexOf('[');
  while (candidate >= 0) {
    const match = matchTag(text, candidate, contentEnd);
    if (match === null) {
      candidate = text.indexOf('[', candidate + 1);
      continue;
    }
    if (textStart < candidate) {
      spans.push({ node: { type: 'text', text: text.slice(textStart, candidate) }, start: textStart, end: candidate });
    }
    spans.push({ node: match.node, start: candidate, end: match.end });
    textStart = match.end;
    candidate = text.indexOf('[', textStart);
  }
  if (textStart < length) {
    spans.push({ node: { type: 'text', text: text.slice(textStart) }, start: textStart, end: length });
  }
  return spans;
}

/** The tag that starts at `at` (a `[`), or null when there is none. */
function matchTag(
  text: string,
  at: number,
  contentEnd: (candidate: number) => number,
): { node: NovelNode; end: number } | null {
  if (text.charCodeAt(at + 1) === 0x5b /* [ */) {
    for (const [prefix, toNode] of DOUBLE_TAGS) {
      if (!text.startsWith(prefix, at)) continue;
      const end = contentEnd(at);
      if (end < 0 || text.charCodeAt(end + 1) !== 0x5d /* ] */ || end < at + prefix.length) return null;
      const node = toNode(text.slice(at + prefix.length, end));
      return node === null ? null : { node, end: end + 2 };
    }
    return null;
  }
  if (text.startsWith(NEWPAGE, at)) return { node: NEWPAGE_NODE, end: at + NEWPAGE.length };
  for (const [prefix, toNode] of SINGLE_TAGS) {
    if (!text.startsWith(prefix, at)) continue;
    const end = contentEnd(at);
    if (end < at + prefix.length) return null;
    const node = toNode(text.slice(at + prefix.length, end));
    return node === null ? null : { node, end: end + 1 };
  }
  return null;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index < 0 ? text.length : index;
}

function isDigits(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** A non-negative safe integer written in decimal digits, or null. */
function number(text: string, start: number, end: number): number | null {
  if (!isDigits(text, start, end)) return null;
  const value = Number(text.slice(start, end));
  return Number.isSafeInteger(value) ? value : null;
}

function toJump(content: string): NovelJumpNode | null {
  const page = number(content, 0, content.length);
  return page === null ? null : { type: 'jump', page };
}

function toPixivImage(content: string): NovelPixivImageNode | null {
  const dash = content.indexOf('-');
  const illustrationId = number(content, 0, dash < 0 ? content.length : dash);
  if (illustrationId === null || illustrationId === 0) return null;
  if (dash < 0) return { type: 'pixivImage', illustrationId, page: null };
  const page = number(content, dash + 1, content.length);
  return page === null ? null : { type: 'pixivImage', illustrationId, page };
}

// Real text has spaces around `>` (`[[rb:久世彩葉 > くぜ いろは]]`): both sides are trimmed.
function toRuby(content: string): NovelRubyNode | null {
  const gt = content.indexOf('>');
  if (gt < 0) return null;
  const base = content.slice(0, gt).trim();
  const ruby = content.slice(gt + 1).trim();
  return base === '' || ruby === '' ? null : { type: 'ruby', base, ruby };
}

function toLink(content: string): NovelLinkNode | null {
  const gt = content.lastIndexOf('>');
  if (gt < 0) return null;
  const url = content.slice(gt + 1).trim();
  if (!isHttpUrl(url)) return null;
  const text = content.slice(0, gt).trim();
  return { type: 'link', text: text === '' ? url : text, url };
}

/** `http://` or `https://` (any case) followed by at least one character and no whitespace. */
function isHttpUrl(url: string): boolean {
  const lower = url.slice(0, 8).toLowerCase();
  const rest = lower.startsWith('https://') ? 8 : lower.startsWith('http://') ? 7 : -1;
  if (rest < 0 || url.length === rest) return false;
  for (let i = rest; i < url.length; i++) {
    const code = url.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return false;
  }
  return true;
}
