import { type MonoTypeOperatorFunction, identity, pipe, filter, takeWhile } from 'rxjs';
import type { Illustration } from 'pixiv-rx';
import type { UgoiraMode } from 'pixiv-rx/node';
import { usageError } from '../cli-error';
import type { CliIo } from '../io';
import { type FilterOptions, workFilter } from '../filters/work-filter';
import { FileTemplate } from '../template/file-template';
import { DownloadArchive, sizeChoiceOf } from './archive';
import { defaultArchivePath } from './archive-path';
import type { SyncOptions } from './sync-downloads';

/** The archive, template, metadata and filter options of `pixiv-rx download`. */
export interface SyncCommandOptions extends FilterOptions {
  /**
   * `--archive FILE`, or `false` with `--no-archive`.
   * @default $XDG_DATA_HOME/pixiv-rx/archive.sqlite
   */
  readonly archive?: string | false;
  /** `--stop-at-archived`: each listing stops at its first archived work. @default false */
  readonly stopAtArchived?: boolean;
  /** `--template`: where each file goes under `--dir`. @default the library's layout */
  readonly template?: string;
  /** `--write-metadata`: a JSON sidecar per work. @default false */
  readonly writeMetadata?: boolean;
  /** `--size`: part of the size choice a work is archived under. */
  readonly size: string;
  /** `--ugoira`: a ugoira in another form is other files, archived apart. */
  readonly ugoira: UgoiraMode;
}

/** What a download run uses of those options, ready. */
export interface SyncSetup {
  /** For the download job. */
  readonly downloadOptions: SyncOptions;
  /** For `works$`: stops each listing at its first archived work, with `--stop-at-archived`. */
  readonly eachListing: MonoTypeOperatorFunction<Illustration>;
  /** The filters, for the listing (before any image request). */
  readonly filter: MonoTypeOperatorFunction<Illustration>;
  /** Closes the archive (ending this run's claims). Idempotent. */
  close(): void;
}

/**
 * Checks the options and opens the archive. Everything but the archive is checked first, so a
 * bad template or filter is a usage error (exit code 2) before anything is touched.
 * @throws CliError (usage) for a bad template or filter, or `--stop-at-archived` with
 * `--no-archive`; ArchiveError for an archive that cannot be used
 */
export function prepareSync(io: Pick<CliIo, 'env'>, options: SyncCommandOptions): SyncSetup {
  const template = options.template === undefined ? undefined : FileTemplate.parse(options.template);
  const keep = workFilter(options);
  if (options.stopAtArchived && options.archive === false) throw usageError('--stop-at-archived needs the archive: drop --no-archive');
  const archive = options.archive === false ? undefined : DownloadArchive.open(options.archive ?? defaultArchivePath(io.env));
  const isArchived = (work: Illustration): boolean => archive!.isArchived(work, sizeChoiceOf(work, options.size, options.ugoira));
  return {
    downloadOptions: { archive, template, writeMetadata: options.writeMetadata ?? false },
    eachListing: archive && options.stopAtArchived ? takeWhile((work) => !isArchived(work)) : identity,
    filter: keep ? filter(keep) : pipe(),
    close: () => archive?.close(),
  };
}
