import type { DownloadResult } from 'pixiv-rx/node';
import { type CliIo, println } from '../io';
import type { DownloadReporter } from './reporter';

/** The line `--json` prints for each work. */
export function resultRecord(result: DownloadResult): Record<string, unknown> {
  const { illustration: work } = result;
  return {
    id: work.id,
    title: work.title,
    type: work.type,
    pageCount: work.pageCount,
    user: { id: work.user.id, name: work.user.name, account: work.user.account },
    paths: result.paths,
    bytes: result.bytes,
    skipped: result.skipped,
  };
}

/** `--json`: one JSON object per line on stdout, one per work done. */
export class JsonReporter implements DownloadReporter {
  constructor(private readonly io: CliIo) {}

  discovered(): void {}

  progress(): void {}

  result(result: DownloadResult): void {
    println(this.io, JSON.stringify(resultRecord(result)));
  }

  stop(): void {}
}
