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

/** How the content of a tag becomes its node; null when the content is not valid for the tag. */
type ContentReader = (content: string) => NovelNode | null;

const readChapter: ContentReader = (title) => (title === '' ? null : { type: 'chapter', title });
const readUploadedImage: ContentReader = (id) =>
  isDigits(id, 0, id.length) ? { type: 'uploadedImage', imageId: id } : null;

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
  if (typeof text !== 'string') return [];
  const scanner = new MarkupScanner(text, false);
  scanner.scan();
  return scanner.nodes;
}

/** @internal {@link parseNovelMarkup} with where each node comes from. */
export function scanNovelMarkup(text: string): NovelMarkupSpan[] {
  if (typeof text !== 'string') return [];
  const scanner = new MarkupScanner(text, true);
  scanner.scan();
  return scanner.nodes.map((node, index) => ({ node, start: scanner.starts[index], end: scanner.ends[index] }));
}

/**
 * One pass over the text. Candidates (each `[`) are tried left to right; the next `]`, `[` and
 * line break after a candidate are looked up once and kept until the scan passes them, so each
 * character is visited a bounded number of times: linear, even for 300,000 unclosed `[[rb:`.
 */
class MarkupScanner {
  readonly nodes: NovelNode[] = [];
  /** Where each node starts and ends, when asked for (`withSpans`). */
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  private close = -1;
  private open = -1;
  private newline = -1;

  constructor(
    private readonly text: string,
    private readonly withSpans: boolean,
  ) {}

  scan(): void {
    const text = this.text;
    let textStart = 0;
    let candidate = text.indexOf('[');
    while (candidate >= 0) {
      const end = this.tagAt(candidate, textStart);
      if (end < 0) {
        candidate = text.indexOf('[', candidate + 1);
      } else {
        textStart = end;
        candidate = text.indexOf('[', end);
      }
    }
    if (textStart < text.length) this.push({ type: 'text', text: text.slice(textStart) }, textStart, text.length);
  }

  /**
   * The tag that starts at `at` (a `[`): adds the text before it (from `textStart`) and the tag,
   * and returns where the tag ends; -1 (nothing added) when no tag starts there.
   */
  private tagAt(at: number, textStart: number): number {
    const text = this.text;
    let prefix: string;
    let read: ContentReader;
    let closing = 1;
    switch (text.charCodeAt(at + 1)) {
      case 0x5b /* [ */:
        closing = 2;
        if (text.startsWith('[[rb:', at)) {
          prefix = '[[rb:';
          read = toRuby;
        } else if (text.startsWith('[[jumpuri:', at)) {
          prefix = '[[jumpuri:';
          read = toLink;
        } else {
          return -1;
        }
        break;
      case 0x6e /* n */:
        if (!text.startsWith(NEWPAGE, at)) return -1;
        return this.tag(textStart, at, NEWPAGE_NODE, at + NEWPAGE.length);
      case 0x63 /* c */:
        prefix = '[chapter:';
        read = readChapter;
        break;
      case 0x6a /* j */:
        prefix = '[jump:';
        read = toJump;
        break;
      case 0x70 /* p */:
        prefix = '[pixivimage:';
        read = toPixivImage;
        break;
      case 0x75 /* u */:
        prefix = '[uploadedimage:';
        read = readUploadedImage;
        break;
      default:
        return -1;
    }
    if (!text.startsWith(prefix, at)) return -1;
    // No prefix holds a `]` or a line break after `at`, nor a `[` after `at + 1`: the first of
    // each after those positions is the first after the prefix.
    const end = this.nextClose(at + 1);
    if (end >= text.length || this.nextOpen(at + 2) < end || this.nextNewline(at + 1) < end) return -1;
    if (closing === 2 && text.charCodeAt(end + 1) !== 0x5d /* ] */) return -1;
    const node = read(text.slice(at + prefix.length, end));
    return node === null ? -1 : this.tag(textStart, at, node, end + closing);
  }

  /** Adds the text in `[textStart, at)`, if any, then the tag `node` in `[at, end)`; returns `end`. */
  private tag(textStart: number, at: number, node: NovelNode, end: number): number {
    if (textStart < at) this.push({ type: 'text', text: this.text.slice(textStart, at) }, textStart, at);
    this.push(node, at, end);
    return end;
  }

  private push(node: NovelNode, start: number, end: number): void {
    this.nodes.push(node);
    if (this.withSpans) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  private nextClose(from: number): number {
    if (this.close < from) this.close = indexOrEnd(this.text, ']', from);
    return this.close;
  }

  private nextOpen(from: number): number {
    if (this.open < from) this.open = indexOrEnd(this.text, '[', from);
    return this.open;
  }

  private nextNewline(from: number): number {
    if (this.newline < from) this.newline = indexOrEnd(this.text, '\n', from);
    return this.newline;
  }
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
