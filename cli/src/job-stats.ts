import type { DownloadResult } from 'pixiv-rx/node';
import { formatBytes, formatDuration, formatRate, plural } from './format';

/** A download job's tally, for the live bar and the closing summary. */
export class JobStats {
  /** Works the listing has given so far. */
  discovered = 0;
  /** Works done (downloaded or skipped). */
  works = 0;
  /** Works whose every file existed already (or placeholders, which have none). */
  skippedWorks = 0;
  /** Files of the works done. */
  files = 0;
  /** Bytes on disk of the works downloaded (not of skipped ones). */
  bytes = 0;
  private readonly startedAt: number;

  constructor(private readonly now: () => number) {
    this.startedAt = now();
  }

  add(result: Pick<DownloadResult, 'paths' | 'bytes' | 'skipped'>): void {
    this.works++;
    this.files += result.paths.length;
    if (result.skipped) this.skippedWorks++;
    else this.bytes += result.bytes;
  }

  elapsedMs(): number {
    return this.now() - this.startedAt;
  }

  /**
   * The closing line, e.g. `100 works, 243 files, 5.21 MiB in 3.1s (1.68 MiB/s)`, with
   * `, 12 already there` when works were skipped.
   */
  summary(): string {
    const elapsed = this.elapsedMs();
    const skipped = this.skippedWorks > 0 ? `, ${this.skippedWorks} already there` : '';
    return `${plural(this.works, 'work')}${skipped}, ${plural(this.files, 'file')}, ${formatBytes(this.bytes)} in ${formatDuration(elapsed)} (${formatRate(this.bytes, elapsed)})`;
  }

  /** The tally as JSON, for `--json`. */
  toJSON(): Record<string, number> {
    return {
      works: this.works,
      skippedWorks: this.skippedWorks,
      files: this.files,
      bytes: this.bytes,
      elapsedMs: Math.round(this.elapsedMs()),
    };
  }
}
