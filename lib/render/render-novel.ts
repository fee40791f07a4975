import type { NovelNode, NovelPixivImageNode, NovelText, NovelUploadedImageNode } from '../models';

/** The text formats a novel is written in: plain text or Markdown. */
export type NovelFormat = 'txt' | 'md';

/** The nodes that show an image. */
export type NovelImageNode = NovelPixivImageNode | NovelUploadedImageNode;

/** How {@link renderNovel} writes a novel. */
export interface RenderNovelOptions {
  /** `'txt'`: plain text; `'md'`: CommonMark (with `<ruby>` and page anchors as inline HTML). */
  readonly format: NovelFormat;
  /**
   * Where the file of an image was written, relative to the text's folder, `/`-separated
   * (`'123/uploaded_456.jpg'`); `undefined` when it was not written, and the text then gives the
   * image's address on Pixiv instead.
   * @default () => undefined
   */
  readonly imagePath?: (node: NovelImageNode) => string | undefined;
}

/** What a rendering needs of a {@link NovelText}. */
export type RenderableNovel = Pick<NovelText, 'title' | 'pages' | 'images'>;

/**
 * A novel's parsed text as plain text or Markdown. Pure (no I/O, no Node), so a browser app can
 * show it too.
 *
 * | markup | txt | md |
 * |---|---|---|
 * | the novel's title | title, underlined with `=` | `# title` |
 * | `[chapter:T]` | `T`, underlined with `-` | `## T` |
 * | `[[rb:base > ruby]]` | `base(ruby)` | `<ruby>base<rt>ruby</rt></ruby>` |
 * | `[[jumpuri:text > url]]` | `text <url>` | `[text](url)` |
 * | `[newpage]` | a line `* * *` | `---` and an anchor `page-N` (page 1's after the title) |
 * | `[jump:N]` | `(→ page N)` | `[→ page N](#page-N)` |
 * | `[pixivimage:ID(-N)]`, `[uploadedimage:ID]` | `[image: path]` (or the address) | `![…](path)` (or a link) |
 *
 * Text is kept as written, line breaks included (in Markdown each line break is a hard break, and
 * everything Markdown would read as syntax is escaped).
 */
export function renderNovel(novel: RenderableNovel, options: RenderNovelOptions): string {
  const imagePath = options.imagePath ?? (() => undefined);
  const writer = options.format === 'md' ? new MarkdownWriter(novel, imagePath) : new TextWriter(novel, imagePath);
  writer.heading(novel.title, 1);
  if (novel.pages.length > 1) writer.pageStart(1);
  novel.pages.forEach((page, index) => {
    if (index > 0) writer.pageBreak(index + 1);
    for (const node of page) writer.node(node);
  });
  return writer.finish();
}

/** Where an illustration lives on pixiv.net. */
function artworkUrl(node: NovelPixivImageNode): string {
  return `https://www.pixiv.net/artworks/${node.illustrationId}`;
}

function imageLabel(node: NovelImageNode): string {
  if (node.type === 'uploadedImage') return `image ${node.imageId}`;
  return node.page === null ? `illustration ${node.illustrationId}` : `illustration ${node.illustrationId}-${node.page}`;
}

/** Columns a string takes in a monospaced terminal: East Asian wide and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

abstract class Writer {
  protected out = '';

  constructor(
    protected readonly novel: RenderableNovel,
    protected readonly imagePath: (node: NovelImageNode) => string | undefined,
  ) {}

  abstract heading(title: string, level: 1 | 2): void;
  abstract pageBreak(page: number): void;
  /** Marks where page `page` starts (its anchor), when the format has such marks. */
  pageStart(page: number): void {
    void page;
  }
  abstract text(text: string): void;
  abstract ruby(base: string, ruby: string): void;
  abstract link(text: string, url: string): void;
  abstract jump(page: number): void;
  abstract image(node: NovelImageNode, path: string | undefined, address: string | undefined): void;

  node(node: NovelNode): void {
    switch (node.type) {
      case 'text':
        return this.text(node.text);
      case 'chapter':
        return this.heading(node.title, 2);
      case 'ruby':
        return this.ruby(node.base, node.ruby);
      case 'link':
        return this.link(node.text, node.url);
      case 'jump':
        return this.jump(node.page);
      case 'newpage':
        return undefined;
      case 'pixivImage':
        return this.image(node, this.imagePath(node), artworkUrl(node));
      case 'uploadedImage':
        return this.image(node, this.imagePath(node), Object.hasOwn(this.novel.images, node.imageId) ? this.novel.images[node.imageId] : undefined);
    }
  }

  finish(): string {
    return this.out.endsWith('\n') ? this.out : `${this.out}\n`;
  }

  /** Starts a block on a line of its own, after a blank line (none at the very start). */
  protected block(): void {
    if (this.out === '') return;
    if (!this.out.endsWith('\n')) this.out += '\n';
    if (!this.out.endsWith('\n\n')) this.out += '\n';
  }
}

class TextWriter extends Writer {
  heading(title: string, level: 1 | 2): void {
    this.block();
    this.out += `${title}\n${(level === 1 ? '=' : '-').repeat(Math.max(3, displayWidth(title)))}\n`;
    if (level === 1) this.out += '\n';
  }

  pageBreak(): void {
    this.block();
    this.out += '* * *\n\n';
  }

  text(text: string): void {
    this.out += text;
  }

  ruby(base: string, ruby: string): void {
    this.out += `${base}(${ruby})`;
  }

  link(text: string, url: string): void {
    this.out += `${text} <${url}>`;
  }

  jump(page: number): void {
    this.out += `(→ page ${page})`;
  }

  image(node: NovelImageNode, path: string | undefined, address: string | undefined): void {
    this.out += path !== undefined ? `[image: ${path}]` : `[${imageLabel(node)}${address ? `: ${address}` : ''}]`;
  }
}

/** Characters CommonMark could read as inline syntax, escaped wherever they are. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&!#]/g;

class MarkdownWriter extends Writer {
  heading(title: string, level: 1 | 2): void {
    this.block();
    this.out += `${'#'.repeat(level)} ${escapeInline(title.replace(/\s+/g, ' ').trim()) || '\u00a0'}\n\n`;
  }

  pageBreak(page: number): void {
    this.block();
    this.out += '---\n\n';
    this.pageStart(page);
  }

  override pageStart(page: number): void {
    this.block();
    this.out += `<a id="page-${page}"></a>\n\n`;
  }

  text(text: string): void {
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      if (index > 0) this.out += this.out.endsWith('\n') || this.out === '' ? '\n' : '  \n';
      this.out += this.atLineStart() ? escapeLineStart(escapeInline(line)) : escapeInline(line);
    });
  }

  ruby(base: string, ruby: string): void {
    this.out += `<ruby>${escapeHtml(base)}<rt>${escapeHtml(ruby)}</rt></ruby>`;
  }

  link(text: string, url: string): void {
    this.out += `[${escapeInline(text)}](${escapeUrl(url)})`;
  }

  jump(page: number): void {
    this.out += `[→ page ${page}](#page-${page})`;
  }

  image(node: NovelImageNode, path: string | undefined, address: string | undefined): void {
    const label = imageLabel(node);
    if (path !== undefined) this.out += `![${label}](${escapeUrl(path.split('/').map(encodeURIComponent).join('/'))})`;
    else if (address !== undefined) this.out += `[${label}](${escapeUrl(address)})`;
    else this.out += escapeInline(`[${label}]`);
  }

  private atLineStart(): boolean {
    return this.out === '' || this.out.endsWith('\n');
  }
}

function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&');
}

/** What would start a block at the beginning of a line: list markers, setext lines, indentation. */
function escapeLineStart(line: string): string {
  const indent = /^[ \t]+/.exec(line)?.[0] ?? '';
  const rest = line.slice(indent.length).replace(/^([-+=])|^(\d{1,9})([.)])/, (_match, marker: string | undefined, digits: string | undefined, dot: string | undefined) =>
    marker !== undefined ? `\\${marker}` : `${digits ?? ''}\\${dot ?? ''}`,
  );
  return indent.replace(/ /g, '&#32;').replace(/\t/g, '&#9;') + rest;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An absolute URL as a Markdown link destination: what would end or break it, percent-encoded. */
function escapeUrl(url: string): string {
  return url.replace(/[\s()<>\\]/g, (char) => `%${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(2, '0')}`);
}
