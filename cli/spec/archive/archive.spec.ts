import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ContentType } from 'pixiv-rx';
import { ARCHIVE_APPLICATION_ID, DownloadArchive, sizeChoiceOf } from '../../src/archive/archive';
import { ArchiveError } from '../../src/archive/archive-error';
import { defaultArchivePath } from '../../src/archive/archive-path';
import { SCHEMA_VERSION } from '../../src/archive/migrations';
import { sampleWork } from '../filters/sample-work';

let dir: string;
let file: string;
const opened: DownloadArchive[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pixiv-rx-archive-'));
  file = path.join(dir, 'data', 'archive.sqlite');
});

afterEach(() => {
  for (const archive of opened.splice(0)) archive.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(at = file, options?: Parameters<typeof DownloadArchive.open>[1]): DownloadArchive {
  const archive = DownloadArchive.open(at, options);
  opened.push(archive);
  return archive;
}

function fileRows(work: { id: number }): Array<Record<string, unknown>> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT page, size, path, bytes, sha256 FROM files WHERE work_id = ? ORDER BY page').all(work.id) as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

const twoPages = sampleWork({
  id: 200,
  type: ContentType.MANGA,
  pageCount: 2,
  metaPages: [0, 1].map((page) => ({
    square_medium: `https://i.pximg.net/a/200_p${page}_square1200.jpg`,
    medium: `https://i.pximg.net/a/200_p${page}_master1200.jpg`,
    large: `https://i.pximg.net/a/200_p${page}_master1200.jpg`,
    original: `https://i.pximg.net/a/200_p${page}.png`,
  })),
});
const file0 = { page: 0, path: '/d/200/200_p0.png', bytes: 10, sha256: 'a'.repeat(64) };
const file1 = { page: 1, path: '/d/200/200_p1.png', bytes: 20, sha256: 'b'.repeat(64) };

describe('defaultArchivePath', () => {
  it('is under $XDG_DATA_HOME, else ~/.local/share', () => {
    expect(defaultArchivePath({ XDG_DATA_HOME: '/data' })).toBe(path.join('/data', 'pixiv-rx', 'archive.sqlite'));
    expect(defaultArchivePath({ XDG_DATA_HOME: 'relative', HOME: '/home/me' })).toBe(path.join('/home/me', '.local', 'share', 'pixiv-rx', 'archive.sqlite'));
    expect(defaultArchivePath({}, () => '/home/you')).toBe(path.join('/home/you', '.local', 'share', 'pixiv-rx', 'archive.sqlite'));
  });
});

describe('DownloadArchive.open', () => {
  it('creates the archive in WAL mode with the current schema and its application id', () => {
    open().close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('application_id', { simple: true })).toBe(ARCHIVE_APPLICATION_ID);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(['claims', 'files', 'works']);
    } finally {
      db.close();
    }
  });

  it('opens an archive again without changing it', () => {
    const archive = open();
    archive.record(twoPages, 'original', [file0, file1]);
    archive.close();
    expect(open().isArchived(twoPages, 'original')).toBe(true);
  });

  it('refuses a file that is not SQLite, and leaves it as it was', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'this is not a database, but someone may need it'.repeat(100));
    const before = fs.readFileSync(file);
    expect(() => open()).toThrow(ArchiveError);
    expect(() => open()).toThrow(/is not an SQLite database or is damaged \(SQLITE_NOTADB\)/);
    expect(fs.readFileSync(file)).toEqual(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['archive.sqlite']);
  });

  it('refuses a damaged archive', () => {
    const archive = open();
    for (let id = 1; id <= 300; id++) archive.record(sampleWork({ id, title: 'x'.repeat(500) }), 'original', [{ ...file0, path: `/d/${id}.png` }]);
    archive.close();
    // garble the pages after the header, as a failing disk would
    const bytes = fs.readFileSync(file);
    for (let i = 4096 + 100; i < bytes.length; i += 7) bytes[i] = 0xa5;
    fs.writeFileSync(file, bytes);
    const before = fs.readFileSync(file);
    let error: unknown;
    try {
      open().stats();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).problem).toBe('corrupt');
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it('refuses an archive of a newer schema, and leaves it as it was', () => {
    open().close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => open()).toThrow(new RegExp(`archive of a newer pixiv-rx \\(schema ${SCHEMA_VERSION + 1}, this one knows ${SCHEMA_VERSION}\\)`));
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it("refuses another program's database", () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    const before = fs.readFileSync(file);
    expect(() => open()).toThrow(/is not a pixiv-rx archive/);
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it('says in one line when the path cannot be written', () => {
    fs.writeFileSync(path.join(dir, 'plain-file'), '');
    let error: unknown;
    try {
      open(path.join(dir, 'plain-file', 'archive.sqlite'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).problem).toBe('unwritable');
    expect((error as ArchiveError).message).toMatch(/^Cannot use the archive .*plain-file.*\((ENOTDIR|EEXIST)\)$/);
  });

  it('waits while another process creates the archive, where SQLite answers SQLITE_BUSY without waiting', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // another run in the middle of creating the archive: its write lock held, not yet committed
    const creator = spawn(
      process.execPath,
      [
        '-e',
        `const Database = require(process.argv[1]);
        const db = new Database(process.argv[2]);
        db.exec('BEGIN IMMEDIATE');
        db.pragma('application_id = ${ARCHIVE_APPLICATION_ID}');
        console.log('locked');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
        db.exec('COMMIT');
        db.close();`,
        require.resolve('better-sqlite3'),
        file,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<number | null>((resolve) => creator.on('exit', resolve));
    // a creator that fails before it holds the lock fails the test here, not at jest's timeout
    const locked = new Promise<void>((resolve) => creator.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve()));
    await Promise.race([locked, exited.then((code) => Promise.reject(new Error(`the creator exited with ${code} before it held the lock`)))]);

    const archive = open();
    expect(await exited).toBe(0);
    expect(archive.isArchived(sampleWork({ id: 1 }), 'original')).toBe(false);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('with mustExist, does not create a missing archive', () => {
    expect(() => open(file, { mustExist: true })).toThrow(/No archive at .* yet/);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('DownloadArchive', () => {
  it('knows a work once all its files are recorded, in that size choice only', () => {
    const archive = open();
    expect(archive.isArchived(twoPages, 'original')).toBe(false);
    archive.record(twoPages, 'original', [file0, file1]);
    expect(archive.isArchived(twoPages, 'original')).toBe(true);
    expect(archive.isArchived(twoPages, 'large')).toBe(false);
    // the artist added a page since
    const threePages = { ...twoPages, pageCount: 3, metaPages: [...twoPages.metaPages, twoPages.metaPages[0]] };
    expect(archive.isArchived(threePages, 'original')).toBe(false);
    expect(fileRows(twoPages)).toEqual([
      { page: 0, size: 'original', path: file0.path, bytes: 10, sha256: file0.sha256 },
      { page: 1, size: 'original', path: file1.path, bytes: 20, sha256: file1.sha256 },
    ]);
  });

  it('keeps one row per work with its metadata', () => {
    const archive = open();
    archive.record(twoPages, 'original', [file0, file1]);
    archive.record(twoPages, 'original', [file0, file1]);
    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare('SELECT * FROM works').all();
      expect(rows).toEqual([
        {
          id: 200,
          type: 'manga',
          user_id: 11,
          title: 'Blue sky',
          create_date: '2024-02-29T15:30:00.000Z',
          tags: JSON.stringify(twoPages.tags),
          ai_type: 1,
          restriction: 'none',
          page_count: 2,
          archived_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ]);
      expect(db.prepare('SELECT count(*) FROM files').pluck().get()).toBe(2);
    } finally {
      db.close();
    }
  });

  it('keys a ugoira saved as a zip apart from its first frame', () => {
    const ugoira = sampleWork({ id: 300, type: ContentType.UGOIRA });
    expect(sizeChoiceOf(ugoira, 'original', 'frame')).toBe('original');
    expect(sizeChoiceOf(ugoira, 'original', 'zip')).toBe('original+ugoira-zip');
    expect(sizeChoiceOf(sampleWork(), 'large', 'zip')).toBe('large');
    const archive = open();
    archive.record(ugoira, 'original+ugoira-zip', [{ ...file0, path: '/d/300.zip' }, { ...file1, path: '/d/300.ugoira.json' }]);
    expect(archive.isArchived(ugoira, 'original+ugoira-zip')).toBe(true);
    expect(archive.isArchived(ugoira, 'original')).toBe(false);
  });

  it('lets one process claim a work, tells another it is busy, and hands it over once recorded', () => {
    const mine = open();
    expect(mine.claim(twoPages, 'original')).toBe('claimed');
    expect(mine.claim(twoPages, 'original')).toBe('claimed');
    // another process's claim, alive: this test's parent
    const db = new Database(file);
    db.prepare('UPDATE claims SET pid = ?').run(process.ppid);
    db.close();
    expect(mine.claim(twoPages, 'original')).toBe('busy');
    // that process records it
    const other = new Database(file);
    other.prepare("INSERT INTO works VALUES (200, 'manga', 11, 't', '', '[]', 1, 'none', 2, '')").run();
    other.prepare("INSERT INTO files VALUES (200, 'original', 0, '/a', 1, 'x', ''), (200, 'original', 1, '/b', 1, 'y', '')").run();
    other.prepare('DELETE FROM claims').run();
    other.close();
    expect(mine.claim(twoPages, 'original')).toBe('archived');
  });

  it('takes over the claim of a process that died', () => {
    const archive = open();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const db = new Database(file);
    db.prepare('INSERT INTO claims VALUES (200, ?, ?, ?, ?)').run('original', Number(dead.stdout), os.hostname(), new Date().toISOString());
    db.close();
    expect(archive.claim(twoPages, 'original')).toBe('claimed');
  });

  it('ends its claims when released or closed', () => {
    const archive = open();
    archive.claim(twoPages, 'original');
    archive.claim(sampleWork(), 'original');
    archive.release(twoPages, 'original');
    const count = (): unknown => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM claims').pluck().get();
      } finally {
        db.close();
      }
    };
    expect(count()).toBe(1);
    archive.close();
    expect(count()).toBe(0);
  });

  it('forgets a work, so that it is downloaded again', () => {
    const archive = open();
    archive.record(twoPages, 'original', [file0, file1]);
    expect(archive.forget(200)).toBe(2);
    expect(archive.isArchived(twoPages, 'original')).toBe(false);
    expect(archive.forget(200)).toBeUndefined();
    expect(fileRows(twoPages)).toEqual([]);
  });

  it('counts works, files and bytes, and lists the latest first', () => {
    const archive = open();
    expect(archive.stats()).toEqual({
      file,
      schemaVersion: SCHEMA_VERSION,
      works: 0,
      files: 0,
      bytes: 0,
      firstDownloadAt: null,
      lastDownloadAt: null,
    });
    archive.record(sampleWork(), 'original', [{ ...file0, path: '/d/123.png', bytes: 5 }]);
    archive.record(twoPages, 'original', [file0, file1]);
    archive.record(twoPages, 'large', [file0, file1]);
    const stats = archive.stats();
    expect(stats).toMatchObject({ works: 2, files: 5, bytes: 65 });
    expect(stats.firstDownloadAt! <= stats.lastDownloadAt!).toBe(true);
    const works = archive.list();
    expect(works.map((work) => [work.id, work.files, work.bytes, work.sizes])).toEqual([
      [200, 4, 60, ['large', 'original']],
      [123, 1, 5, ['original']],
    ]);
    expect(archive.list(1)).toHaveLength(1);
  });
});
