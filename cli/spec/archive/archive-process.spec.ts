import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakePixivServer, type FakeIllustration } from 'pixiv-rx/testing';
import { ARCHIVE_APPLICATION_ID } from '../../src/archive/archive';
import { ExitCode } from '../../src/exit-codes';
import { type CliEntry, type CliRun, bundleForTests, lines, listFiles, runCli, sha256, startCli, waitUntil } from '../support/cli-process';

// The archive as a user meets it: the bundled command in child processes (two at once, killed by
// SIGINT and SIGKILL, on a full disk) against a FakePixivServer on 127.0.0.1, whose request log
// says which images were fetched. After every run, the archive must claim only files that are
// complete on disk, byte for byte.
jest.setTimeout(180_000);

let server: FakePixivServer;
let compiled: CliEntry & { readonly directory: string };
let scratch: string;
let home: string;
let userId: number;
let works: FakeIllustration[];

beforeAll(async () => {
  server = await FakePixivServer.start({ seed: 11, showcaseWorks: 16 });
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pixiv-rx-archive-process-'));
  compiled = await bundleForTests();
  userId = server.world.showcaseUserId;
  works = server.world.illustrationsOf(userId);
});

afterAll(async () => {
  await server.close();
  fs.rmSync(scratch, { recursive: true, force: true });
  if (compiled) fs.rmSync(compiled.directory, { recursive: true, force: true });
});

beforeEach(() => {
  server.clearFaults();
  server.resetLog();
  home = fs.mkdtempSync(path.join(scratch, 'home-'));
});

function env(): NodeJS.ProcessEnv {
  return {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    PIXIV_RX_API_BASE_URL: server.apiBaseUrl,
    PIXIV_RX_OAUTH_BASE_URL: server.oauthBaseUrl,
    PIXIV_REFRESH_TOKEN: server.refreshToken,
  };
}

function pixivRx(args: readonly string[]): Promise<CliRun> {
  return runCli(args, { entry: compiled, env: env(), cwd: home });
}

function startPixivRx(args: readonly string[]) {
  return startCli(args, { entry: compiled, env: env(), cwd: home });
}

const archiveFile = (): string => path.join(home, '.local', 'share', 'pixiv-rx', 'archive.sqlite');
const downloads = (): string => path.join(home, 'downloads');

/** The default layout: where each file of the works lands, with the URL whose bytes it holds. */
function expectedFiles(directory: string, of: readonly FakeIllustration[] = works): Map<string, string> {
  const files = new Map<string, string>();
  for (const work of of) {
    const urls = work.pageCount === 1 ? work.originalUrls.slice(0, 1) : work.originalUrls;
    for (const url of urls) {
      const name = path.posix.basename(new URL(url).pathname);
      files.set(work.pageCount === 1 ? path.join(directory, `${work.id}${path.extname(name)}`) : path.join(directory, String(work.id), name), url);
    }
  }
  return files;
}

interface FileRow {
  readonly work_id: number;
  readonly page: number;
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

function archivedFiles(): FileRow[] {
  if (!fs.existsSync(archiveFile())) return [];
  const db = new Database(archiveFile(), { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return db.prepare('SELECT work_id, page, path, bytes, sha256 FROM files ORDER BY path').all() as FileRow[];
  } finally {
    db.close();
  }
}

/**
 * The archive claims nothing that is not complete on disk, every final file is byte for byte
 * the image, and a work is archived with all its files or not at all. Returns the archived rows.
 */
function expectHonestArchive(directory = downloads()): FileRow[] {
  const expected = expectedFiles(directory);
  const rows = archivedFiles();
  for (const row of rows) {
    const url = expected.get(row.path);
    expect({ path: row.path, known: url !== undefined }).toEqual({ path: row.path, known: true });
    expect({ path: row.path, sha256: sha256(row.path), bytes: fs.statSync(row.path).size }).toEqual({
      path: row.path,
      sha256: server.expectedSha256(url!),
      bytes: row.bytes,
    });
    expect(row.sha256).toBe(server.expectedSha256(url!));
  }
  const perWork = new Map<number, number>();
  for (const row of rows) perWork.set(row.work_id, (perWork.get(row.work_id) ?? 0) + 1);
  for (const [id, count] of perWork) expect({ id, count }).toEqual({ id, count: works.find((work) => work.id === id)!.pageCount });
  for (const file of listFiles(directory).filter((file) => !file.endsWith('.part'))) {
    expect({ file, sha256: sha256(file) }).toEqual({ file, sha256: server.expectedSha256(expected.get(file)!) });
  }
  return rows;
}

/** How many times each image URL was requested. */
function imageFetches(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of server.requests({ origin: 'image' })) counts.set(entry.path, (counts.get(entry.path) ?? 0) + 1);
  return counts;
}

describe('pixiv-rx download with the archive', () => {
  it('records every file, then skips every work without an image request even once the files are moved', async () => {
    const first = await pixivRx(['download', 'user', String(userId)]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(ExitCode.OK);
    const expected = expectedFiles(downloads());
    expect(expectHonestArchive()).toHaveLength(expected.size);

    fs.renameSync(downloads(), path.join(home, 'moved'));
    server.resetLog();
    const again = await pixivRx(['download', 'user', String(userId)]);
    expect(again.code).toBe(ExitCode.OK);
    expect(again.stdout).toContain(`Done: ${works.length} works, ${works.length} already there`);
    expect(server.requests({ origin: 'image' })).toHaveLength(0);
    expect(listFiles(downloads())).toEqual([]);

    server.resetLog();
    const overwrite = await pixivRx(['download', 'user', String(userId), '--overwrite']);
    expect(overwrite.code).toBe(ExitCode.OK);
    expect(server.requests({ origin: 'image' })).toHaveLength(expected.size);
    expect(expectHonestArchive()).toHaveLength(expected.size);
  });

  it('looks in the archive with archive stats, ls and forget', async () => {
    const empty = await pixivRx(['archive', 'stats']);
    expect(empty.code).toBe(ExitCode.NOT_FOUND);
    expect(lines(empty.stderr)).toEqual([expect.stringMatching(/^pixiv-rx: No archive at .*archive\.sqlite yet/)]);

    await pixivRx(['download', 'user', String(userId), '--limit', '4']);
    const stats = await pixivRx(['archive', 'stats', '--json']);
    expect(stats.code).toBe(ExitCode.OK);
    // the user's listing: illustrations, then manga
    const downloaded = [...server.world.illustrationsOf(userId, 'illust'), ...server.world.illustrationsOf(userId, 'manga')].slice(0, 4);
    const files = downloaded.reduce((sum, work) => sum + work.pageCount, 0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ file: archiveFile(), schemaVersion: 1, works: 4, files });

    const listed = await pixivRx(['archive', 'ls']);
    expect(lines(listed.stdout)).toHaveLength(4);
    for (const work of downloaded) expect(listed.stdout).toContain(String(work.id));

    const forgotten = downloaded[0];
    const forget = await pixivRx(['archive', 'forget', String(forgotten.id)]);
    expect(forget.code).toBe(ExitCode.OK);
    expect(forget.stdout).toContain(`Forgot work ${forgotten.id}`);
    expect((await pixivRx(['archive', 'forget', String(forgotten.id)])).code).toBe(ExitCode.NOT_FOUND);

    // the forgotten work is downloaded again, the others are skipped
    fs.rmSync(downloads(), { recursive: true });
    server.resetLog();
    const again = await pixivRx(['download', 'user', String(userId), '--limit', '4']);
    expect(again.code).toBe(ExitCode.OK);
    expect([...imageFetches().keys()].sort()).toEqual(
      [...expectedFiles(downloads(), [forgotten]).values()].map((url) => new URL(url).pathname).sort(),
    );
  });

  it('stops each listing at its first archived work with --stop-at-archived', async () => {
    expect((await pixivRx(['download', 'user', String(userId)])).code).toBe(ExitCode.OK);
    // new works since: the newest illustration and the newest manga are not in the archive
    const newestIllustration = works.find((work) => work.type !== 'manga')!;
    const newestManga = works.find((work) => work.type === 'manga')!;
    expect(newestManga).toBeDefined();
    await pixivRx(['archive', 'forget', String(newestIllustration.id), String(newestManga.id)]);
    fs.rmSync(downloads(), { recursive: true });

    server.resetLog();
    const sync = await pixivRx(['download', 'user', String(userId), '--stop-at-archived']);
    expect(sync.code).toBe(ExitCode.OK);
    expect(sync.stdout).toContain('Done: 2 works');
    const fetched = [...imageFetches().keys()].sort();
    expect(fetched).toEqual([...expectedFiles(downloads(), [newestIllustration, newestManga]).values()].map((url) => new URL(url).pathname).sort());
    // one page of each listing, no more
    const listings = server.requests({ origin: 'api', path: '/v1/user/illusts' });
    expect(listings.map((entry) => entry.query.type)).toEqual(['illust', 'manga']);
  });

  it('shares the work between two runs at once: each image fetched once, no lock error, a sound archive', async () => {
    server.trickle({ origin: 'image' }, 4096, 5);
    const one = startPixivRx(['download', 'user', String(userId), '--concurrency', '2']);
    const other = startPixivRx(['download', 'user', String(userId), '--concurrency', '2']);
    const [a, b] = await Promise.all([one.exited, other.exited]);
    expect({ code: a.code, stderr: a.stderr }).toEqual({ code: ExitCode.OK, stderr: '' });
    expect({ code: b.code, stderr: b.stderr }).toEqual({ code: ExitCode.OK, stderr: '' });
    const expected = expectedFiles(downloads());
    const fetches = imageFetches();
    expect(fetches.size).toBe(expected.size);
    for (const [image, count] of fetches) expect({ image, count }).toEqual({ image, count: 1 });
    expect(expectHonestArchive()).toHaveLength(expected.size);
    // each did part of it
    const saved = (run: CliRun): number => lines(run.stdout).filter((line) => line.startsWith('saved ')).length;
    expect(saved(a) + saved(b)).toBe(works.length);
  });

  it('claims nothing unfinished at Ctrl-C, and the next run completes', async () => {
    server.trickle({ origin: 'image' }, 2048, 10);
    const run = startPixivRx(['download', 'user', String(userId), '--concurrency', '2']);
    await waitUntil(() => lines(run.stdout()).some((line) => line.startsWith('saved ')), 'a first saved work', 60_000);
    await waitUntil(() => listFiles(downloads()).some((file) => file.endsWith('.part')), 'a file under way', 60_000);
    run.child.kill('SIGINT');
    const stopped = await run.exited;
    expect(stopped.code).toBe(ExitCode.INTERRUPTED);
    const rows = expectHonestArchive();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(expectedFiles(downloads()).size);

    server.clearFaults();
    const rest = await pixivRx(['download', 'user', String(userId)]);
    expect(rest.code).toBe(ExitCode.OK);
    expect(expectHonestArchive()).toHaveLength(expectedFiles(downloads()).size);
  });

  it('claims nothing unfinished after SIGKILL at any point, and the next run completes', async () => {
    server.trickle({ origin: 'image' }, 2048, 10);
    // killed at different points: before the first file, during the first works, later on
    for (const savedBeforeKill of [0, 1, 3]) {
      const run = startPixivRx(['download', 'user', String(userId), '--concurrency', '3']);
      await waitUntil(
        () => (savedBeforeKill === 0 ? listFiles(downloads()).some((file) => file.endsWith('.part')) : lines(run.stdout()).filter((line) => line.startsWith('saved ')).length >= savedBeforeKill),
        `${savedBeforeKill} saved works`,
        60_000,
      );
      run.child.kill('SIGKILL');
      const killed = await run.exited;
      expect(killed.signal).toBe('SIGKILL');
      expectHonestArchive();
    }
    server.clearFaults();
    const rest = await pixivRx(['download', 'user', String(userId)]);
    expect(rest.code).toBe(ExitCode.OK);
    expect(rest.stderr).toBe('');
    expect(expectHonestArchive()).toHaveLength(expectedFiles(downloads()).size);
  });
});

describe('pixiv-rx download on a full disk', () => {
  let mount: string;

  beforeAll(() => {
    // a real ENOSPC: a tmpfs of 96 KiB, smaller than the works (needs root, as here and in CI)
    mount = fs.mkdtempSync(path.join(scratch, 'tmpfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96k', 'tmpfs', mount]);
  });

  afterAll(() => {
    execFileSync('umount', [mount]);
  });

  it('keeps the .part, writes no final file for it, claims nothing of it, and exits with 6', async () => {
    const directory = path.join(mount, 'downloads');
    const run = await pixivRx(['download', 'user', String(userId), '--dir', directory, '--concurrency', '1']);
    expect(run.code).toBe(ExitCode.CANNOT_WRITE);
    const errors = lines(run.stderr);
    expect(errors).toEqual([expect.stringMatching(/^pixiv-rx: Cannot write the file \(ENOSPC\)/)]);
    const files = listFiles(directory);
    expect(files.some((file) => file.endsWith('.part'))).toBe(true);
    const expected = expectedFiles(directory);
    const rows = archivedFiles();
    for (const file of files.filter((name) => !name.endsWith('.part'))) {
      expect({ file, sha256: sha256(file) }).toEqual({ file, sha256: server.expectedSha256(expected.get(file)!) });
    }
    for (const row of rows) expect(fs.existsSync(`${row.path}`) && !files.includes(`${row.path}.part`)).toBe(true);
    for (const part of files.filter((name) => name.endsWith('.part'))) {
      expect(rows.map((row) => row.path)).not.toContain(part.slice(0, -'.part'.length));
      expect(fs.existsSync(part.slice(0, -'.part'.length))).toBe(false);
    }
  });
});

describe('pixiv-rx download: bad input before any request', () => {
  it('answers a template that would leave --dir with exit code 2', async () => {
    for (const template of ['../{id}_p{page}.{ext}', '/etc/{id}_p{page}.{ext}', '{id}_p{page}', '{nope}/{id}_p{page}.{ext}']) {
      const run = await pixivRx(['download', 'user', String(userId), '--template', template]);
      expect({ template, code: run.code }).toEqual({ template, code: ExitCode.USAGE });
      expect(lines(run.stderr)).toEqual([expect.stringMatching(/^pixiv-rx: /)]);
    }
    expect((await pixivRx(['download', '1', '--no-ai', '--only-ai'])).code).toBe(ExitCode.USAGE);
    expect((await pixivRx(['download', '1', '--since', 'last week'])).code).toBe(ExitCode.USAGE);
    expect((await pixivRx(['download', '1', '--no-archive', '--stop-at-archived'])).code).toBe(ExitCode.USAGE);
    expect(server.requests()).toHaveLength(0);
  });

  it('refuses an unwritable, corrupt or newer archive in one line, leaving it as it was', async () => {
    fs.writeFileSync(path.join(home, 'plain-file'), '');
    const unwritable = await pixivRx(['download', '1', '--archive', path.join(home, 'plain-file', 'archive.sqlite')]);
    expect(unwritable.code).toBe(ExitCode.CANNOT_WRITE);
    expect(lines(unwritable.stderr)).toEqual([expect.stringMatching(/^pixiv-rx: Cannot use the archive .*plain-file/)]);

    const corrupt = path.join(home, 'corrupt.sqlite');
    fs.writeFileSync(corrupt, 'not a database '.repeat(300));
    const before = fs.readFileSync(corrupt);
    const refused = await pixivRx(['download', '1', '--archive', corrupt]);
    expect(refused.code).toBe(ExitCode.GENERAL);
    expect(lines(refused.stderr)).toEqual([expect.stringMatching(/^pixiv-rx: .*corrupt\.sqlite is not an SQLite database or is damaged/)]);
    expect(fs.readFileSync(corrupt)).toEqual(before);

    const newer = path.join(home, 'newer.sqlite');
    expect((await pixivRx(['archive', 'stats', '--archive', newer])).code).toBe(ExitCode.NOT_FOUND);
    const db = new Database(newer);
    db.pragma(`application_id = ${ARCHIVE_APPLICATION_ID}`);
    db.pragma('user_version = 99');
    db.close();
    const newerBefore = fs.readFileSync(newer);
    const tooNew = await pixivRx(['download', '1', '--archive', newer]);
    expect(tooNew.code).toBe(ExitCode.GENERAL);
    expect(lines(tooNew.stderr)).toEqual([expect.stringMatching(/newer pixiv-rx \(schema 99/)]);
    expect(fs.readFileSync(newer)).toEqual(newerBefore);
    expect(server.requests()).toHaveLength(0);
  });
});

describe('pixiv-rx download: templates, metadata and filters', () => {
  it('writes files where the template says, a sidecar per work, and only the works the filters keep', async () => {
    const minBookmarks = [...works].map((work) => work.totalBookmarks).sort((a, b) => a - b)[Math.floor(works.length / 2)];
    const kept = works.filter((work) => work.totalBookmarks >= minBookmarks && work.aiType !== 2);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(works.length);
    const run = await pixivRx([
      'download',
      'user',
      String(userId),
      '--template',
      '{user.id}/{type}/{id}_p{page}.{ext}',
      '--write-metadata',
      '--no-ai',
      '--min-bookmarks',
      String(minBookmarks),
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(ExitCode.OK);
    const expected = new Map<string, string>();
    for (const work of kept) {
      const urls = work.pageCount === 1 ? work.originalUrls.slice(0, 1) : work.originalUrls;
      urls.forEach((url, page) => {
        const file = path.join(downloads(), String(userId), work.type, `${work.id}_p${page}${path.extname(new URL(url).pathname)}`);
        expected.set(file, url);
      });
    }
    const images = listFiles(downloads()).filter((file) => !file.endsWith('.json'));
    expect(images).toEqual([...expected.keys()].sort());
    for (const [file, url] of expected) expect({ file, sha256: sha256(file) }).toEqual({ file, sha256: server.expectedSha256(url) });
    expect(server.requests({ origin: 'image' })).toHaveLength(expected.size);
    for (const work of kept) {
      const sidecar = path.join(downloads(), String(userId), work.type, `${work.id}_p0.json`);
      const metadata = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as Record<string, unknown>;
      expect(metadata).toMatchObject({ id: work.id, title: work.title, user: { id: userId }, totalBookmarks: work.totalBookmarks });
      expect(Object.keys(metadata)).toEqual(Object.keys(metadata).sort());
    }
    const rows = archivedFiles();
    expect(rows.map((row) => row.path).sort()).toEqual([...expected.keys()].sort());
  });
});
