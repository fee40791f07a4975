import type { RankingMode } from 'pixiv-rx';
import { ExitCode } from '../exit-codes';
import { formatWorkLine } from '../format';
import { println } from '../io';
import { runJob } from '../run-job';
import { openSession } from '../session';
import { parseTarget } from '../target';
import { works$ } from '../works';
import type { CommandContext } from './context';
import { checkRankingOptions } from './listing-options';

export interface LsOptions {
  readonly limit?: number;
  readonly mode?: RankingMode;
  readonly date?: string;
  readonly json: boolean;
}

/** `pixiv-rx ls <target>`: one line per work (or one JSON object per line), nothing downloaded. */
export async function ls(context: CommandContext, targetArgs: readonly string[], options: LsOptions): Promise<ExitCode> {
  const { io, store, connection, interrupts } = context;
  const target = parseTarget(targetArgs);
  checkRankingOptions(target, options);
  const session = openSession(io, store, connection);
  const works = works$(session.client, target, {
    refreshToken: session.token.refreshToken,
    mode: options.mode,
    date: options.date,
    limit: options.limit,
  });
  const outcome = await runJob(
    works,
    (work) => println(io, options.json ? JSON.stringify(work) : formatWorkLine(work)),
    interrupts,
  );
  session.close();
  if (outcome.kind === 'failed') throw outcome.error;
  return outcome.kind === 'interrupted' ? ExitCode.INTERRUPTED : ExitCode.OK;
}
