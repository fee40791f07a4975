import type { Illustration } from 'pixiv-rx';
import type { DownloadProgress, DownloadResult } from 'pixiv-rx/node';
import type { CliIo } from '../io';
import type { JobStats } from '../job-stats';
import { BarReporter } from './bar-reporter';
import { JsonReporter } from './json-reporter';
import { LineReporter } from './line-reporter';

/**
 * Shows a download job as it runs. The job updates its {@link JobStats} and then tells the reporter,
 * which reads the tally from there.
 */
export interface DownloadReporter {
  /** The listing gave a work; it waits for a free transfer slot. */
  discovered(work: Illustration): void;
  /** A file advanced (`DownloadOptions.onProgress`). */
  progress(progress: DownloadProgress): void;
  /** A work is done. */
  result(result: DownloadResult): void;
  /** Takes the live display down, before the summary or an error is printed. Idempotent. */
  stop(): void;
}

export interface ReporterOptions {
  /** One JSON line per result on stdout, nothing else there. */
  readonly json: boolean;
  readonly stats: JobStats;
}

/** Bars when stdout is a terminal, one plain line per work when not, JSON lines when asked. */
export function createReporter(io: CliIo, { json, stats }: ReporterOptions): DownloadReporter {
  if (json) return new JsonReporter(io);
  if (io.stdout.isTTY) return new BarReporter(io, stats);
  return new LineReporter(io);
}
