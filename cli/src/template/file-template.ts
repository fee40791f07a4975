import { CliError } from '../cli-error';
import { ExitCode } from '../exit-codes';
import type { Illustration } from 'pixiv-rx';
import { MAX_NAME_BYTES, cleanText, cutToBytes, safeName, utf8Length } from './safe-name';

/** A template the command cannot use: a usage error (exit code 2), found before any request. */
export class TemplateError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.USAGE);
  }
}

/** The fields a template may use, as `--help` lists them. */
export const TEMPLATE_FIELDS = [
  '{id}',
  '{page}',
  '{ext}',
  '{title}',
  '{type}',
  '{user.id}',
  '{user.name}',
  '{user.account}',
  '{date}',
  '{date:YYYY-MM-DD}',
] as const;

/**
 * Room kept after a file name's stem for the names written beside it: `<stem>.ugoira.json` and
 * every file's `.part` while it is written (`.ugoira.json.part` is the longest, 17 bytes).
 */
export const STEM_RESERVE_BYTES = '.ugoira.json.part'.length;

/** Most bytes of `{ext}`: longer ones are cut. */
const MAX_EXT_BYTES = 16;

type Part =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'field'; readonly field: FieldName; readonly format?: string };

type FieldName = 'id' | 'page' | 'ext' | 'title' | 'type' | 'user.id' | 'user.name' | 'user.account' | 'date';

const FIELD_NAMES: ReadonlySet<string> = new Set<FieldName>(['id', 'page', 'ext', 'title', 'type', 'user.id', 'user.name', 'user.account', 'date']);

// characters no file system takes in a name, or that only some take; fields are cleaned of them,
// but written into a template by hand they are a mistake worth saying
// eslint-disable-next-line no-control-regex
const BAD_LITERAL = /[\u0000-\u001f\u007f<>:"|?*\\]/;

/** One file of a work, as a template sees it. */
export interface TemplateFile {
  /** The page, from 0 (as in Pixiv's `123_p0.png`). */
  readonly page: number;
  /** The extension without its dot: `jpg`, `png`, `zip`, `gif`. */
  readonly ext: string;
}

/**
 * A parsed `--template`, e.g. `{user.id}/{id}_p{page}.{ext}`: `/` separates folders, the last
 * segment names the file and ends with `.{ext}`. {@link render} gives the path of a file relative
 * to the download folder; every field is made safe for every common file system first (see
 * {@link safeName}), so no work's data can leave the folder or name something unwritable.
 */
export class FileTemplate {
  private constructor(
    /** The template as given. */
    readonly source: string,
    private readonly folders: readonly (readonly Part[])[],
    /** The file segment without its final `.{ext}`. */
    private readonly stem: readonly Part[],
  ) {}

  /**
   * Parses a template.
   * @throws TemplateError when it is empty, absolute, has an empty, `.` or `..` segment, a `\`,
   * a character no file system takes, an unknown field, a `{` or `}` that is not a field, lacks
   * `{id}` or `{page}` (two files would share a name), or does not end with `.{ext}`
   */
  static parse(source: string): FileTemplate {
    if (source.trim() === '') throw new TemplateError('The template is empty');
    if (/^([/\\]|[a-z]:)/i.test(source)) {
      throw new TemplateError(`The template ${JSON.stringify(source)} is absolute: it would leave the download folder`);
    }
    const parts = parseParts(source);
    const segments = splitSegments(parts);
    for (const segment of segments) {
      if (segment.length === 0) throw new TemplateError(`The template ${JSON.stringify(source)} has an empty folder name`);
      const literal = segment.every((part) => part.kind === 'text') ? segment.map((part) => (part.kind === 'text' ? part.text : '')).join('') : undefined;
      if (literal !== undefined && /^\.+$/.test(literal.trim())) {
        throw new TemplateError(`The template ${JSON.stringify(source)} has a "${literal}" segment: it would leave the download folder`);
      }
    }
    const used = new Set(parts.flatMap((part) => (part.kind === 'field' ? [part.field] : [])));
    for (const field of ['id', 'page'] as const) {
      if (!used.has(field)) {
        throw new TemplateError(`The template ${JSON.stringify(source)} has no {${field}}: two files would get the same name`);
      }
    }
    const file = segments[segments.length - 1];
    const last = file[file.length - 1];
    const beforeLast = file[file.length - 2];
    if (last?.kind !== 'field' || last.field !== 'ext' || beforeLast?.kind !== 'text' || !beforeLast.text.endsWith('.')) {
      throw new TemplateError(`The template ${JSON.stringify(source)} must end with .{ext}`);
    }
    const stem = [...file.slice(0, -2), { kind: 'text', text: beforeLast.text.slice(0, -1) } as const].filter(
      (part) => part.kind !== 'text' || part.text !== '',
    );
    return new FileTemplate(source, segments.slice(0, -1), stem);
  }

  /**
   * The path of one file of `work`, relative to the download folder, as safe path segments
   * (join them with the platform's separator). Each segment is at most 255 UTF-8 bytes, the file
   * name's stem short enough that `<stem>.ugoira.json.part` still fits.
   */
  render(work: Illustration, file: TemplateFile): string[] {
    const folders = this.folders.map((segment) => renderName(segment, work, file, MAX_NAME_BYTES));
    const ext = cutToBytes(safeName(file.ext), MAX_EXT_BYTES);
    const stem = renderName(this.stem, work, file, MAX_NAME_BYTES - STEM_RESERVE_BYTES);
    return [...folders, `${stem}.${ext}`];
  }

  /** The path of `work`'s metadata sidecar: its first file's path, ending in `.json` instead. */
  sidecar(work: Illustration, ext: string): string[] {
    const segments = this.render(work, { page: 0, ext });
    const name = segments.pop()!;
    return [...segments, `${name.slice(0, name.length - ext.length - 1)}.json`];
  }
}

function parseParts(source: string): Part[] {
  const parts: Part[] = [];
  const pattern = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
  for (const match of source.matchAll(pattern)) {
    const [, field, text, stray] = match;
    if (stray !== undefined) {
      throw new TemplateError(`The template ${JSON.stringify(source)} has a "${stray}" that does not open or close a field`);
    }
    if (text !== undefined) {
      if (BAD_LITERAL.test(text)) {
        throw new TemplateError(
          `The template ${JSON.stringify(source)} has a character some file systems refuse (\\ < > : " | ? * or a control character)`,
        );
      }
      parts.push({ kind: 'text', text });
      continue;
    }
    const [name, ...format] = field.split(':');
    if (!FIELD_NAMES.has(name) || (format.length > 0 && name !== 'date')) {
      throw new TemplateError(`Unknown template field {${field}}: use ${TEMPLATE_FIELDS.join(' ')}`);
    }
    parts.push(format.length > 0 ? { kind: 'field', field: 'date', format: format.join(':') } : { kind: 'field', field: name as FieldName });
  }
  return parts;
}

/** Splits at the `/` of the literal text (a field's own `/` is cleaned when rendered). */
function splitSegments(parts: readonly Part[]): Part[][] {
  const segments: Part[][] = [[]];
  for (const part of parts) {
    if (part.kind === 'field') {
      segments[segments.length - 1].push(part);
      continue;
    }
    part.text.split('/').forEach((piece, index) => {
      if (index > 0) segments.push([]);
      if (piece !== '') segments[segments.length - 1].push({ kind: 'text', text: piece });
    });
  }
  return segments;
}

// the fields whose length is the work's: cut first when a name is too long, so that the id and
// the page (which keep names apart) stay whole
const FREE_TEXT: ReadonlySet<FieldName> = new Set<FieldName>(['title', 'user.name', 'user.account']);

/** One safe name of at most `maxBytes`, free-text fields cut (longest first) before anything else. */
function renderName(parts: readonly Part[], work: Illustration, file: TemplateFile, maxBytes: number): string {
  const values = parts.map((part) => cleanText(part.kind === 'text' ? part.text : fieldValue(part.field, part.format, work, file)));
  // one byte of room for the `_` that a Windows device name gets in front
  let excess = values.reduce((sum, value) => sum + utf8Length(value), 0) - (maxBytes - 1);
  while (excess > 0) {
    let longest = -1;
    values.forEach((value, index) => {
      const part = parts[index];
      if (part.kind === 'field' && FREE_TEXT.has(part.field) && (longest < 0 || utf8Length(value) > utf8Length(values[longest]))) {
        longest = index;
      }
    });
    const size = longest < 0 ? 0 : utf8Length(values[longest]);
    if (size === 0) break;
    const cut = cutToBytes(values[longest], Math.max(0, Math.min(size - excess, size - 1)));
    excess -= size - utf8Length(cut);
    values[longest] = cut;
  }
  return safeName(values.join(''), maxBytes);
}

function fieldValue(field: FieldName, format: string | undefined, work: Illustration, file: TemplateFile): string {
  switch (field) {
    case 'id':
      return String(work.id);
    case 'page':
      return String(file.page);
    case 'ext':
      return file.ext;
    case 'title':
      return work.title;
    case 'type':
      return work.type;
    case 'user.id':
      return String(work.user.id);
    case 'user.name':
      return work.user.name;
    case 'user.account':
      return work.user.account;
    case 'date':
      return formatTokyoDate(work.createDate, format ?? 'YYYY-MM-DD');
  }
}

// Pixiv's days are Japan's (UTC+9, no daylight saving time): a work posted at 00:30 in Tokyo is
// of that day, as pixiv.net shows it
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** `date` in Japan's time, with `YYYY MM DD HH mm ss` replaced and anything else kept. */
export function formatTokyoDate(date: Date, format: string): string {
  if (Number.isNaN(date.getTime())) return 'unknown-date';
  const tokyo = new Date(date.getTime() + TOKYO_OFFSET_MS);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const values: Record<string, string> = {
    YYYY: pad(tokyo.getUTCFullYear(), 4),
    MM: pad(tokyo.getUTCMonth() + 1),
    DD: pad(tokyo.getUTCDate()),
    HH: pad(tokyo.getUTCHours()),
    mm: pad(tokyo.getUTCMinutes()),
    ss: pad(tokyo.getUTCSeconds()),
  };
  return format.replace(/YYYY|MM|DD|HH|mm|ss/g, (token) => values[token]);
}
