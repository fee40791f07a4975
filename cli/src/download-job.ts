import { Observable, tap } from 'rxjs';
import type { Illustration, PixivClient } from 'pixiv-rx';
import { type SyncDownloadOptions, syncDownloads } from './archive/sync-downloads';
import type { Interrupts } from './interrupts';
import type { CliIo } from './io';
import { JobStats } from './job-stats';
import { createReporter } from './progress/reporter';
import { JobOutcome, runJob } from './run-job';

export interface DownloadJobOptions extends Omit<SyncDownloadOptions, 'onProgress'> {
  /** One JSON line per result instead of bars or plain lines. */
  readonly json: boolean;
}

/**
 * Downloads `works` with live progress (bars on a terminal, plain or JSON lines otherwise) until
 * they are done, fail, or Ctrl-C unsubscribes; the stats say what was done either way.
 */
export async function downloadWithProgress(
  io: CliIo,
  client: PixivClient,
  works: Observable<Illustration>,
  options: DownloadJobOptions,
  interrupts: Interrupts,
): Promise<{ readonly outcome: JobOutcome; readonly stats: JobStats }> {
  const { json, ...download } = options;
  const stats = new JobStats(() => io.now());
  const reporter = createReporter(io, { json, stats });
  const job = works.pipe(
    tap((work) => {
      stats.discovered++;
      reporter.discovered(work);
    }),
    syncDownloads(client, { ...download, onProgress: (progress) => reporter.progress(progress) }),
  );
  const outcome = await runJob(
    job,
    (result) => {
      stats.add(result);
      reporter.result(result);
    },
    interrupts,
  );
  reporter.stop();
  return { outcome, stats };
}
