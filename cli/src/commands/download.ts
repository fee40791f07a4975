import type { RankingMode, Size } from 'pixiv-rx';
import type { NovelFormat, UgoiraMode } from 'pixiv-rx/node';
import { type SyncCommandOptions, prepareSync } from '../archive/sync-setup';
import { prepareDownloadDirectory } from '../download-directory';
import { ExitCode } from '../exit-codes';
import { eprintln, println } from '../io';
import { downloadWithProgress } from '../download-job';
import { downloadNovelsWithProgress } from '../novel-download-job';
import { openSession } from '../session';
import { describeTarget, isNovelTarget, parseTarget } from '../target';
import { novels$, works$ } from '../works';
import type { CommandContext } from './context';
import { checkRankingOptions } from './listing-options';

export interface DownloadCommandOptions extends SyncCommandOptions {
  readonly dir: string;
  readonly size: Size;
  readonly concurrency: number;
  readonly limit?: number;
  readonly overwrite: boolean;
  readonly ugoira: UgoiraMode;
  readonly novelFormat: NovelFormat;
  readonly mode?: RankingMode;
  readonly date?: string;
  readonly json: boolean;
}

/**
 * `pixiv-rx download <target>`: the works of the target, at most `concurrency` transfers at once,
 * with live progress. Ctrl-C unsubscribes (aborting the transfers: no incomplete final file, the
 * `.part` files stay to be resumed), prints a one-line summary and exits with 130.
 */
export async function download(
  context: CommandContext,
  targetArgs: readonly string[],
  options: DownloadCommandOptions,
): Promise<ExitCode> {
  const { io, store, connection, interrupts } = context;
  const target = parseTarget(targetArgs);
  checkRankingOptions(target, options);
  // a bad template or filter is a usage error before the folder, the archive or Pixiv is touched
  const sync = prepareSync(io, options);
  const directory = prepareDownloadDirectory(options.dir);
  const session = openSession(io, store, connection);
  // with --json, stdout holds the JSON lines only
  const say = (line: string): void => (options.json ? eprintln(io, line) : println(io, line));
  if (!options.json) say(`Downloading ${describeTarget(target)} into ${directory}`);

  const { outcome, stats } = isNovelTarget(target)
    ? await downloadNovelsWithProgress(
        io,
        session.client,
        novels$(session.client, target, { limit: options.limit }),
        {
          directory,
          format: options.novelFormat,
          concurrency: options.concurrency,
          overwrite: options.overwrite,
          json: options.json,
        },
        interrupts,
      )
    : await downloadWithProgress(
        io,
        session.client,
        works$(session.client, target, {
          refreshToken: session.token.refreshToken,
          mode: options.mode,
          date: options.date,
          limit: options.limit,
          eachListing: sync.eachListing,
        }).pipe(sync.filter),
        {
          directory,
          size: options.size,
          concurrency: options.concurrency,
          overwrite: options.overwrite,
          ugoira: options.ugoira,
          json: options.json,
          ...sync.downloadOptions,
        },
        interrupts,
      );
  session.close();
  sync.close();
  switch (outcome.kind) {
    case 'complete':
      say(`Done: ${stats.summary()} → ${directory}`);
      return ExitCode.OK;
    case 'interrupted':
      eprintln(io, `Interrupted: ${stats.summary()} → ${directory} (unfinished files stay as .part and resume next time)`);
      return ExitCode.INTERRUPTED;
    case 'failed':
      throw outcome.error;
  }
}
