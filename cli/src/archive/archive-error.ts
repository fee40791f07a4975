import { CliError } from '../cli-error';
import { ExitCode } from '../exit-codes';

/** Why an archive cannot be used. */
export type ArchiveProblem =
  /** The file or its folder cannot be created, read or written (permissions, a full disk, …). */
  | 'unwritable'
  /** The file is not an SQLite database, or a damaged one. */
  | 'corrupt'
  /** A database, but not a pixiv-rx archive. */
  | 'foreign'
  /** A pixiv-rx archive of a newer schema than this version knows. */
  | 'newer'
  /** `archive ls|stats|forget` on an archive that does not exist yet. */
  | 'missing'
  /** better-sqlite3's native module was not built (its install script did not run). */
  | 'unavailable';

/**
 * An archive the command refuses to use, in one line; the file is left as it was. The command
 * exits with 6 for `unwritable`, 4 for `missing` and 1 for the others (see `pixiv-rx --help`).
 */
export class ArchiveError extends CliError {
  constructor(
    message: string,
    /** What is wrong. */
    readonly problem: ArchiveProblem,
    /** The archive's path. */
    readonly file: string,
  ) {
    super(message, problem === 'unwritable' ? ExitCode.CANNOT_WRITE : problem === 'missing' ? ExitCode.NOT_FOUND : ExitCode.GENERAL);
  }
}
