import type { DownloadResult } from 'pixiv-rx/node';
import { formatBytes, oneLine, plural } from '../format';
import { type CliIo, println } from '../io';
import type { DownloadReporter } from './reporter';

/** What a work's line says, e.g. `saved   123 (3 files, 120.5 KiB) Title`. */
export function resultLine(result: DownloadResult): string {
  const work = result.illustration;
  const id = String(work.id).padStart(9);
  const title = oneLine(work.title);
  if (!work.visible) return `skipped ${id} (restricted: nothing to download)`;
  if (result.skipped) return `skipped ${id} (already there) ${title}`;
  return `saved   ${id} (${plural(result.paths.length, 'file')}, ${formatBytes(result.bytes)}) ${title}`;
}

/** When stdout is not a terminal (a pipe, a log file, CI): one plain line per work done. */
export class LineReporter implements DownloadReporter {
  constructor(private readonly io: CliIo) {}

  discovered(): void {}

  progress(): void {}

  result(result: DownloadResult): void {
    println(this.io, resultLine(result));
  }

  stop(): void {}
}
