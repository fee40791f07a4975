import { Observable, mergeMap } from 'rxjs';
import type { Novel, PixivClient } from 'pixiv-rx';
import { type DownloadNovelOptions, type NovelDownloadResult, downloadNovel } from 'pixiv-rx/node';
import { formatBytes, oneLine, plural } from './format';
import type { Interrupts } from './interrupts';
import { type CliIo, println } from './io';
import { JobStats } from './job-stats';
import { JobOutcome, runJob } from './run-job';

export interface NovelJobOptions extends DownloadNovelOptions {
  /** One JSON line per novel instead of plain lines. */
  readonly json: boolean;
}

/** What a novel's line says, e.g. `saved   123 (novel, 3 files, 20.5 KiB) Title`. */
export function novelResultLine(result: NovelDownloadResult): string {
  const id = String(result.novel.id).padStart(9);
  const title = oneLine(result.novel.title);
  if (result.skipped) return `skipped ${id} (already there) ${title}`;
  return `saved   ${id} (novel, ${plural(result.paths.length, 'file')}, ${formatBytes(result.bytes)}) ${title}`;
}

/** The line `--json` prints for each novel. */
export function novelResultRecord(result: NovelDownloadResult): Record<string, unknown> {
  const { novel } = result;
  return {
    id: novel.id,
    title: novel.title,
    type: 'novel',
    textLength: novel.textLength,
    user: { id: novel.user.id, name: novel.user.name, account: novel.user.account },
    paths: result.paths,
    bytes: result.bytes,
    skipped: result.skipped,
  };
}

/**
 * Downloads `novels` one after the other (each novel's images `concurrency` at once), printing a
 * line per novel, until they are done, fail, or Ctrl-C unsubscribes; the stats say what was done
 * either way.
 */
export async function downloadNovelsWithProgress(
  io: CliIo,
  client: PixivClient,
  novels: Observable<Novel>,
  options: NovelJobOptions,
  interrupts: Interrupts,
): Promise<{ readonly outcome: JobOutcome; readonly stats: JobStats }> {
  const { json, ...download } = options;
  const stats = new JobStats(() => io.now());
  const job = novels.pipe(
    mergeMap((novel) => {
      stats.discovered++;
      return downloadNovel(client, novel, download);
    }, 1),
  );
  const outcome = await runJob(
    job,
    (result) => {
      stats.add(result);
      println(io, json ? JSON.stringify(novelResultRecord(result)) : novelResultLine(result));
    },
    interrupts,
  );
  return { outcome, stats };
}
