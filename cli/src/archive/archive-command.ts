import type { CliIo } from '../io';
import { println } from '../io';
import { ExitCode } from '../exit-codes';
import { CliError } from '../cli-error';
import { formatBytes, oneLine, plural } from '../format';
import { DownloadArchive } from './archive';
import { defaultArchivePath } from './archive-path';

/** Options of `pixiv-rx archive stats|ls|forget`. */
export interface ArchiveCommandOptions {
  /** The archive to look in. @default $XDG_DATA_HOME/pixiv-rx/archive.sqlite */
  readonly archive?: string;
  /** JSON instead of lines. @default false */
  readonly json?: boolean;
  /** `ls`: at most this many works. @default all */
  readonly limit?: number;
}

/** The archive a command names: `--archive FILE`, else the default one. */
export function archivePathOf(io: Pick<CliIo, 'env'>, archive: string | undefined): string {
  return archive ?? defaultArchivePath(io.env);
}

function withArchive<T>(io: CliIo, options: ArchiveCommandOptions, use: (archive: DownloadArchive) => T): T {
  const archive = DownloadArchive.open(archivePathOf(io, options.archive), { mustExist: true });
  try {
    return use(archive);
  } finally {
    archive.close();
  }
}

/** `pixiv-rx archive stats`: what the archive holds. */
export function archiveStats(io: CliIo, options: ArchiveCommandOptions): ExitCode {
  return withArchive(io, options, (archive) => {
    const stats = archive.stats();
    if (options.json) {
      println(io, JSON.stringify(stats));
      return ExitCode.OK;
    }
    println(io, `Archive: ${stats.file} (schema ${stats.schemaVersion})`);
    println(io, `${plural(stats.works, 'work')}, ${plural(stats.files, 'file')}, ${formatBytes(stats.bytes)}`);
    if (stats.firstDownloadAt && stats.lastDownloadAt) println(io, `Downloads from ${stats.firstDownloadAt} to ${stats.lastDownloadAt}`);
    return ExitCode.OK;
  });
}

/** `pixiv-rx archive ls`: the works in the archive, the latest downloaded first. */
export function archiveLs(io: CliIo, options: ArchiveCommandOptions): ExitCode {
  return withArchive(io, options, (archive) => {
    for (const work of archive.list(options.limit)) {
      if (options.json) {
        println(io, JSON.stringify(work));
        continue;
      }
      const files = plural(work.files, 'file').padStart(9);
      println(
        io,
        `${String(work.id).padStart(9)}  ${work.type.padEnd(7)}${files}  ${formatBytes(work.bytes).padStart(10)}  ${work.downloadedAt.slice(0, 10)}  ${oneLine(work.title) || '(untitled)'}  (user ${work.userId})`,
      );
    }
    return ExitCode.OK;
  });
}

/**
 * `pixiv-rx archive forget <id…>`: the works are downloaded again next time. Their files stay.
 * Exits with 4 when one of them was not in the archive.
 */
export function archiveForget(io: CliIo, ids: readonly string[], options: ArchiveCommandOptions): ExitCode {
  const workIds = ids.map((id) => {
    const n = /^\d+$/.test(id) ? Number(id) : NaN;
    if (!Number.isSafeInteger(n) || n < 1) throw new CliError(`Not a valid work id: ${id}`, ExitCode.USAGE);
    return n;
  });
  return withArchive(io, options, (archive) => {
    let code: ExitCode = ExitCode.OK;
    for (const id of workIds) {
      const files = archive.forget(id);
      if (files === undefined) {
        io.stderr.write(`pixiv-rx: work ${id} is not in the archive\n`);
        code = ExitCode.NOT_FOUND;
      } else {
        println(io, `Forgot work ${id} (${plural(files, 'file')}): it is downloaded again next time`);
      }
    }
    return code;
  });
}
