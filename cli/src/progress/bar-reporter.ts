import * as path from 'node:path';
import cliProgress from 'cli-progress';
import type { DownloadProgress, DownloadResult } from 'pixiv-rx/node';
import { formatBytes, formatDuration, formatRate, plural, truncate } from '../format';
import type { CliIo } from '../io';
import type { JobStats } from '../job-stats';
import type { DownloadReporter } from './reporter';

const JOB_FORMAT = '{bar} {value}/{total} works | {files} | {size} | {speed} | {elapsed}';
const TRANSFER_FORMAT = '  {bar} {percentage}% {name} {progress}';

/**
 * Live bars on a terminal: one for the whole job (works done of works listed so far, files, bytes,
 * throughput) and one per transfer in flight, removed when its file is complete.
 */
export class BarReporter implements DownloadReporter {
  private readonly bars: cliProgress.MultiBar;
  private readonly job: cliProgress.SingleBar;
  private readonly transfers = new Map<string, cliProgress.SingleBar>();
  /** Bytes received so far per file, done files included, for the throughput. */
  private readonly received = new Map<string, number>();
  private receivedBytes = 0;
  private stopped = false;

  constructor(
    private readonly io: CliIo,
    private readonly stats: JobStats,
  ) {
    this.bars = new cliProgress.MultiBar(
      {
        // cli-progress moves the cursor around: only ever used on a TTY
        stream: io.stdout as NodeJS.WriteStream,
        hideCursor: true,
        clearOnComplete: false,
        stopOnComplete: false,
        barsize: 24,
        fps: 10,
        linewrap: false,
        autopadding: true,
        format: JOB_FORMAT,
      },
      cliProgress.Presets.shades_classic,
    );
    this.job = this.bars.create(0, 0, this.jobPayload());
  }

  discovered(): void {
    if (this.stopped) return;
    this.job.setTotal(this.stats.discovered);
    this.job.update(this.jobPayload());
  }

  progress({ path: file, received, total }: DownloadProgress): void {
    if (this.stopped) return;
    this.receivedBytes += received - (this.received.get(file) ?? 0);
    this.received.set(file, received);
    const payload = {
      name: truncate(path.basename(file), this.nameWidth()),
      progress: total === null ? formatBytes(received) : `${formatBytes(received)}/${formatBytes(total)}`,
    };
    let bar = this.transfers.get(file);
    if (total !== null && received >= total) {
      if (bar) this.bars.remove(bar);
      this.transfers.delete(file);
    } else if (bar) {
      if (total !== null) bar.setTotal(total);
      bar.update(received, payload);
    } else {
      bar = this.bars.create(total ?? 0, received, payload, { format: TRANSFER_FORMAT });
      this.transfers.set(file, bar);
    }
    this.job.update(this.jobPayload());
  }

  result(result: DownloadResult): void {
    if (this.stopped) return;
    // a work that failed over to a retry may leave a bar behind: its files are done now
    for (const file of result.paths) {
      const bar = this.transfers.get(file);
      if (bar) this.bars.remove(bar);
      this.transfers.delete(file);
    }
    this.job.update(this.stats.works, this.jobPayload());
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const bar of this.transfers.values()) this.bars.remove(bar);
    this.transfers.clear();
    this.job.update(this.stats.works, this.jobPayload());
    this.bars.stop();
  }

  private jobPayload(): Record<string, string> {
    const elapsed = this.stats.elapsedMs();
    return {
      files: plural(this.stats.files, 'file'),
      size: formatBytes(this.receivedBytes),
      speed: formatRate(this.receivedBytes, elapsed),
      elapsed: formatDuration(elapsed),
    };
  }

  private nameWidth(): number {
    return Math.max(12, Math.min(48, (this.io.stdout.columns ?? 80) - 60));
  }
}
