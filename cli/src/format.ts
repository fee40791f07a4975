import type { Illustration, Novel } from 'pixiv-rx';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** `1536` → `1.5 KiB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${UNITS[unit]}`;
}

/** `83_500` → `1m 23.5s`, `2_345` → `2.3s`. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m ${(seconds - minutes * 60).toFixed(1)}s`;
}

/** Bytes over milliseconds as `1.2 MiB/s`. */
export function formatRate(bytes: number, ms: number): string {
  if (ms <= 0) return '—';
  return `${formatBytes(Math.round((bytes * 1000) / ms))}/s`;
}

/** `n` and the word, plural when `n` is not 1: `plural(2, 'file')` → `2 files`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One line of `ls`: id, type, pages, title, artist. */
export function formatWorkLine(work: Illustration): string {
  const pages = plural(work.pageCount, 'page').padStart(9);
  return `${String(work.id).padStart(9)}  ${work.type.padEnd(7)}${pages}  ${oneLine(work.title) || '(untitled)'}  — ${oneLine(work.user.name)} (${work.user.id})`;
}

/** One line of `ls` for a novel: id, `novel`, length, title, author. */
export function formatNovelLine(novel: Novel): string {
  const length = `${novel.textLength} chars`.padStart(12);
  return `${String(novel.id).padStart(9)}  novel  ${length}  ${oneLine(novel.title) || '(untitled)'}  — ${oneLine(novel.user.name)} (${novel.user.id})`;
}

/** Control characters (a title may hold line breaks) as spaces, so one value stays one line. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** Cuts `text` to `width` characters, ending with `…` when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}
