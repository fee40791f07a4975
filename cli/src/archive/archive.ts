import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ContentType, type Illustration } from 'pixiv-rx';
import { ArchiveError } from './archive-error';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

/** `PRAGMA application_id` of a pixiv-rx archive: "pxrx". */
export const ARCHIVE_APPLICATION_ID = 0x70787278;

/**
 * How long a statement waits for another process's write to finish before failing with "database
 * is locked". Writes are one small transaction per work, so this is only reached when the other
 * process hangs.
 */
export const BUSY_TIMEOUT_MS = 60_000;

/**
 * How long a claim made on another machine (an archive on a network share) holds: a claim made
 * here holds while its process lives, one from elsewhere cannot be checked.
 */
export const FOREIGN_CLAIM_MS = 6 * 60 * 60 * 1000;

/** One file of a work, as the archive records it once the file is complete on disk. */
export interface ArchivedFile {
  /** The file's place among the work's files: the page, from 0. */
  readonly page: number;
  /** Absolute path where it was written. */
  readonly path: string;
  readonly bytes: number;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
}

/** A work in the archive, as `pixiv-rx archive ls` shows it. */
export interface ArchivedWork {
  readonly id: number;
  readonly type: string;
  readonly userId: number;
  readonly title: string;
  readonly createDate: string;
  /** The size choices it was downloaded in (`original`, `large`, … or `<size>+ugoira-<mode>`). */
  readonly sizes: readonly string[];
  readonly files: number;
  readonly bytes: number;
  /** ISO 8601 time of its latest file. */
  readonly downloadedAt: string;
}

/** What `pixiv-rx archive stats` shows. */
export interface ArchiveStats {
  readonly file: string;
  readonly schemaVersion: number;
  readonly works: number;
  readonly files: number;
  readonly bytes: number;
  /** ISO 8601 times of the first and latest file, `null` when empty. */
  readonly firstDownloadAt: string | null;
  readonly lastDownloadAt: string | null;
}

/** The outcome of {@link DownloadArchive.claim}. */
export type ClaimOutcome =
  /** Every file of the work is in the archive: skip it. */
  | 'archived'
  /** This process may download it; the claim ends with {@link DownloadArchive.record} or a release. */
  | 'claimed'
  /** Another running process is downloading it: ask again later. */
  | 'busy';

/** Options of {@link DownloadArchive.open}. */
export interface OpenArchiveOptions {
  /**
   * Fail with `missing` rather than create the archive (for `archive ls|stats|forget`).
   * @default false
   */
  readonly mustExist?: boolean;
}

interface Counts {
  readonly n: number;
}

/**
 * The download archive: an SQLite database (WAL mode, so readers never wait for a writer, and a
 * busy timeout, so two runs at once wait for each other's short writes instead of failing) that
 * remembers every file downloaded, across runs and wherever the files went since.
 *
 * A work's files are recorded in one transaction, after all of them are complete on disk, so a
 * kill at any point leaves an archive that claims nothing that is not there. Two runs on the same
 * archive split the work between them through claims: a work claimed by a live process is not
 * downloaded by another, which waits and then finds it archived.
 */
export class DownloadArchive {
  private readonly host = os.hostname();
  private readonly statements: ReturnType<DownloadArchive['prepare']>;
  // made once: better-sqlite3 builds a transaction function at some cost
  private readonly claimInTransaction: Database.Transaction<(work: Illustration, size: string, overwrite: boolean) => ClaimOutcome>;

  private constructor(
    private readonly db: Database.Database,
    /** The archive's absolute path. */
    readonly file: string,
  ) {
    this.statements = this.prepare();
    this.claimInTransaction = db.transaction((work: Illustration, size: string, overwrite: boolean) => this.claimNow(work, size, overwrite));
  }

  /**
   * Opens (creating when missing) the archive at `file` and brings its schema up to date.
   * @throws ArchiveError when the path cannot be written (`unwritable`), the file is damaged or not
   * SQLite (`corrupt`), is another program's database (`foreign`), is of a newer schema (`newer`),
   * or with `mustExist`, does not exist (`missing`); such a file is never written to
   */
  static open(file: string, options: OpenArchiveOptions = {}): DownloadArchive {
    const absolute = path.resolve(file);
    if (options.mustExist && !fs.existsSync(absolute)) {
      throw new ArchiveError(`No archive at ${absolute} yet: it is created by the first download`, 'missing', absolute);
    }
    const giveUpAt = Date.now() + BUSY_TIMEOUT_MS;
    for (let attempt = 0; ; attempt++) {
      let db: Database.Database | undefined;
      try {
        fs.mkdirSync(path.dirname(absolute), { recursive: true });
        db = new Database(absolute, { timeout: BUSY_TIMEOUT_MS, fileMustExist: options.mustExist === true });
        checkAndMigrate(db, absolute);
        return new DownloadArchive(db, absolute);
      } catch (error) {
        db?.close();
        // two runs creating the same archive at once: where waiting could deadlock (one holds a
        // read lock while the other commits its schema), SQLite answers SQLITE_BUSY at once
        // instead of waiting. The schema is written in one transaction: open again shortly.
        if (isBusy(error) && Date.now() < giveUpAt) {
          sleepSync(Math.min(100, 5 * 2 ** attempt));
          continue;
        }
        throw archiveError(error, absolute);
      }
    }
  }

  /** Whether every file of the work is in the archive in this size choice. */
  isArchived(work: Illustration, size: string): boolean {
    return this.statements.countFiles.get(work.id, size)!.n >= expectedFiles(work, size);
  }

  /**
   * Claims a work for this process, unless it is archived already (with `overwrite`, that does
   * not count) or another live process holds it. A claim left by a process that died (SIGKILL, a
   * crash) is taken over.
   */
  claim(work: Illustration, size: string, options: { readonly overwrite?: boolean } = {}): ClaimOutcome {
    const overwrite = options.overwrite === true;
    // a work once archived stays so (but for `forget`): the common case needs no write lock
    if (!overwrite && this.write(() => this.isArchived(work, size))) return 'archived';
    return this.write(() => this.claimInTransaction.immediate(work, size, overwrite));
  }

  private claimNow(work: Illustration, size: string, overwrite: boolean): ClaimOutcome {
    if (!overwrite && this.isArchived(work, size)) return 'archived';
    const holder = this.statements.getClaim.get(work.id, size);
    if (holder && !(holder.pid === process.pid && holder.host === this.host) && this.isLive(holder)) return 'busy';
    this.statements.putClaim.run(work.id, size, process.pid, this.host, new Date().toISOString());
    return 'claimed';
  }

  /**
   * Records a work whose files are all complete on disk, and ends this process's claim on it, in
   * one transaction. Files recorded before in this size choice are replaced.
   */
  record(work: Illustration, size: string, files: readonly ArchivedFile[]): void {
    const now = new Date().toISOString();
    this.write(() =>
      this.db
        .transaction(() => {
          const { putWork, deleteFiles, putFile, deleteClaim } = this.statements;
          putWork.run({
            id: work.id,
            type: work.type,
            userId: work.user.id,
            title: work.title,
            createDate: Number.isNaN(work.createDate.getTime()) ? '' : work.createDate.toISOString(),
            tags: JSON.stringify(work.tags.map((tag) => ({ name: tag.name, translatedName: tag.translatedName }))),
            aiType: work.aiType,
            restriction: work.restriction,
            pageCount: work.pageCount,
            archivedAt: now,
          });
          deleteFiles.run(work.id, size);
          for (const file of files) putFile.run(work.id, size, file.page, file.path, file.bytes, file.sha256, now);
          deleteClaim.run(work.id, size, process.pid, this.host);
        })
        .immediate(),
    );
  }

  /** Ends this process's claim on a work it did not finish. */
  release(work: Illustration, size: string): void {
    this.write(() => this.statements.deleteClaim.run(work.id, size, process.pid, this.host));
  }

  /** Ends every claim of this process (when it stops early). */
  releaseAll(): void {
    this.write(() => this.statements.deleteClaims.run(process.pid, this.host));
  }

  /**
   * Forgets a work: its files are downloaded again next time. Returns how many files it had, or
   * `undefined` when the archive does not know it.
   */
  forget(workId: number): number | undefined {
    return this.write(() =>
      this.db
        .transaction(() => {
          const files = this.db.prepare<[number], Counts>('SELECT count(*) AS n FROM files WHERE work_id = ?').get(workId)!.n;
          const works = this.db.prepare('DELETE FROM works WHERE id = ?').run(workId).changes;
          this.db.prepare('DELETE FROM files WHERE work_id = ?').run(workId);
          return works === 0 && files === 0 ? undefined : files;
        })
        .immediate(),
    );
  }

  /** Works, files and bytes in the archive. */
  stats(): ArchiveStats {
    const row = this.db
      .prepare<[], { works: number; files: number; bytes: number | null; first: string | null; last: string | null }>(
        `SELECT (SELECT count(*) FROM works) AS works, count(*) AS files, sum(bytes) AS bytes,
                min(downloaded_at) AS first, max(downloaded_at) AS last FROM files`,
      )
      .get()!;
    return {
      file: this.file,
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
      works: row.works,
      files: row.files,
      bytes: row.bytes ?? 0,
      firstDownloadAt: row.first,
      lastDownloadAt: row.last,
    };
  }

  /** The works in the archive, the latest downloaded first; at most `limit` of them. */
  list(limit?: number): ArchivedWork[] {
    const rows = this.db
      .prepare<
        [number],
        { id: number; type: string; userId: number; title: string; createDate: string; sizes: string; files: number; bytes: number; downloadedAt: string }
      >(
        `SELECT w.id, w.type, w.user_id AS userId, w.title, w.create_date AS createDate,
                group_concat(DISTINCT f.size) AS sizes, count(f.page) AS files, coalesce(sum(f.bytes), 0) AS bytes,
                coalesce(max(f.downloaded_at), w.archived_at) AS downloadedAt
           FROM works w LEFT JOIN files f ON f.work_id = w.id
          GROUP BY w.id ORDER BY downloadedAt DESC, w.id DESC LIMIT ?`,
      )
      .all(limit ?? -1);
    return rows.map((row) => ({ ...row, sizes: row.sizes ? row.sizes.split(',').sort() : [] }));
  }

  /** Closes the database (ending this process's claims first). */
  close(): void {
    if (!this.db.open) return;
    try {
      this.releaseAll();
    } finally {
      this.db.close();
    }
  }

  private isLive(holder: { pid: number; host: string; claimedAt: string }): boolean {
    if (holder.host !== this.host) return Date.now() - Date.parse(holder.claimedAt) < FOREIGN_CLAIM_MS;
    try {
      process.kill(holder.pid, 0);
      return true;
    } catch (error) {
      // EPERM: the process exists but is someone else's
      return (error as { code?: unknown }).code === 'EPERM';
    }
  }

  private write<T>(operation: () => T): T {
    try {
      return operation();
    } catch (error) {
      throw archiveError(error, this.file);
    }
  }

  private prepare() {
    const db = this.db;
    return {
      countFiles: db.prepare<[number, string], Counts>('SELECT count(*) AS n FROM files WHERE work_id = ? AND size = ?'),
      getClaim: db.prepare<[number, string], { pid: number; host: string; claimedAt: string }>(
        'SELECT pid, host, claimed_at AS claimedAt FROM claims WHERE work_id = ? AND size = ?',
      ),
      putClaim: db.prepare<[number, string, number, string, string]>(
        'INSERT OR REPLACE INTO claims (work_id, size, pid, host, claimed_at) VALUES (?, ?, ?, ?, ?)',
      ),
      deleteClaim: db.prepare<[number, string, number, string]>('DELETE FROM claims WHERE work_id = ? AND size = ? AND pid = ? AND host = ?'),
      deleteClaims: db.prepare<[number, string]>('DELETE FROM claims WHERE pid = ? AND host = ?'),
      putWork: db.prepare<[Record<string, string | number>]>(
        `INSERT INTO works (id, type, user_id, title, create_date, tags, ai_type, restriction, page_count, archived_at)
         VALUES (@id, @type, @userId, @title, @createDate, @tags, @aiType, @restriction, @pageCount, @archivedAt)
         ON CONFLICT (id) DO UPDATE SET type = excluded.type, user_id = excluded.user_id, title = excluded.title,
           create_date = excluded.create_date, tags = excluded.tags, ai_type = excluded.ai_type,
           restriction = excluded.restriction, page_count = excluded.page_count, archived_at = excluded.archived_at`,
      ),
      deleteFiles: db.prepare<[number, string]>('DELETE FROM files WHERE work_id = ? AND size = ?'),
      putFile: db.prepare<[number, string, number, string, number, string, string]>(
        'INSERT INTO files (work_id, size, page, path, bytes, sha256, downloaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
    };
  }
}

/**
 * How many files make a work complete in a size choice: one per page for images; a ugoira saved
 * as something other than its first frame (`…+ugoira-zip`, `…+ugoira-gif`) is whole with its first
 * file, since a work's files are recorded together.
 */
function expectedFiles(work: Illustration, size: string): number {
  if (size.includes('+ugoira-')) return 1;
  // as the library tells a multi-page work
  const pages = work.metaPages.length;
  return pages > 1 || (work.pageCount > 1 && pages > 0) ? pages : 1;
}

/**
 * The size choice a work is archived under: the `--size`, and for a ugoira saved as something
 * other than its first frame, the form too (`original+ugoira-zip`), since each is other files.
 */
export function sizeChoiceOf(work: Illustration, size: string, ugoira: string): string {
  return work.type === ContentType.UGOIRA && ugoira !== 'frame' ? `${size}+ugoira-${ugoira}` : size;
}

/** Reads the header before writing anything: a file that is not ours is left as it is. */
function checkAndMigrate(db: Database.Database, file: string): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare<[], Counts>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()!).n;
  if (applicationId !== ARCHIVE_APPLICATION_ID && (applicationId !== 0 || tables > 0)) {
    throw new ArchiveError(`${file} is not a pixiv-rx archive (another program's database): refusing to use it`, 'foreign', file);
  }
  if (version > SCHEMA_VERSION) {
    throw new ArchiveError(
      `${file} is an archive of a newer pixiv-rx (schema ${version}, this one knows ${SCHEMA_VERSION}): update pixiv-rx, or use another --archive`,
      'newer',
      file,
    );
  }
  if (applicationId === ARCHIVE_APPLICATION_ID) {
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new ArchiveError(`${file} is damaged (${String(check)}): refusing to use it`, 'corrupt', file);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  if (version === SCHEMA_VERSION && applicationId === ARCHIVE_APPLICATION_ID) return;
  db.transaction(() => {
    // another process may have migrated meanwhile: read again under the write lock
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let step = current; step < SCHEMA_VERSION; step++) db.exec(MIGRATIONS[step]);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.pragma(`application_id = ${ARCHIVE_APPLICATION_ID}`);
  }).immediate();
}

/** Whether SQLite answered that another connection holds the lock (`SQLITE_BUSY`, `SQLITE_BUSY_RECOVERY`…). */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Blocks the thread for `ms` (opening the archive is synchronous, as better-sqlite3 is). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const CORRUPT_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/** Any failure of the database as one {@link ArchiveError}. */
function archiveError(error: unknown, file: string): unknown {
  if (error instanceof ArchiveError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  // npm runs no install script it was not allowed to: better-sqlite3 is then without its binary
  if (code === 'ERR_DLOPEN_FAILED' || (error instanceof Error && /Could not locate the bindings file/.test(error.message))) {
    return new ArchiveError(
      'The archive needs better-sqlite3, whose native module is not built: reinstall with `npm install --global --allow-scripts=better-sqlite3 pixiv-rx-cli` (or run with --no-archive)',
      'unavailable',
      file,
    );
  }
  const why = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && (CORRUPT_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'))) {
    return new ArchiveError(`${file} is not an SQLite database or is damaged (${code}): refusing to use it`, 'corrupt', file);
  }
  return new ArchiveError(`Cannot use the archive ${file} (${why})`, 'unwritable', file);
}
