import { map } from 'rxjs';
import type { RankingMode } from 'pixiv-rx';
import { ExitCode } from '../exit-codes';
import { formatNovelLine, formatWorkLine } from '../format';
import { println } from '../io';
import { runJob } from '../run-job';
import { openSession } from '../session';
import { isNovelTarget, parseTarget } from '../target';
import { novels$, works$ } from '../works';
import type { CommandContext } from './context';
import { checkRankingOptions } from './listing-options';

export interface LsOptions {
  readonly limit?: number;
  readonly mode?: RankingMode;
  readonly date?: string;
  readonly json: boolean;
}

/** `pixiv-rx ls <target>`: one line per work or novel (or one JSON object per line), nothing downloaded. */
export async function ls(context: CommandContext, targetArgs: readonly string[], options: LsOptions): Promise<ExitCode> {
  const { io, store, connection, interrupts } = context;
  const target = parseTarget(targetArgs);
  checkRankingOptions(target, options);
  const session = openSession(io, store, connection);
  const lines = isNovelTarget(target)
    ? novels$(session.client, target, { limit: options.limit }).pipe(
        map((novel) => (options.json ? JSON.stringify(novel) : formatNovelLine(novel))),
      )
    : works$(session.client, target, {
        refreshToken: session.token.refreshToken,
        mode: options.mode,
        date: options.date,
        limit: options.limit,
      }).pipe(map((work) => (options.json ? JSON.stringify(work) : formatWorkLine(work))));
  const outcome = await runJob(lines, (line) => println(io, line), interrupts);
  session.close();
  if (outcome.kind === 'failed') throw outcome.error;
  return outcome.kind === 'interrupted' ? ExitCode.INTERRUPTED : ExitCode.OK;
}
