import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { firstValueFrom } from 'rxjs';
import { PixivClient } from 'pixiv-rx';
import { FakePixivServer, FakeResponses, type FakeIllustration } from 'pixiv-rx/testing';
import { ExitCode } from '../src/exit-codes';
import {
  CliEntry,
  CliOptions,
  CliRun,
  CLI_ROOT,
  bundleForTests,
  lines,
  listFiles,
  runCli,
  sha256,
  startCli,
  waitUntil,
} from './support/cli-process';

// Every test runs the command in a child process, against a FakePixivServer on 127.0.0.1, with
// HOME and XDG_CONFIG_HOME in a temporary folder. The command is bundled once in beforeAll, as
// `npm run build` bundles it, with the library from lib/.
jest.setTimeout(90_000);

let server: FakePixivServer;
let scratch: string;
let home: string;
let compiled: CliEntry & { readonly directory: string };

beforeAll(async () => {
  server = await FakePixivServer.start({ seed: 3 });
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pixiv-rx-cli-'));
  compiled = await bundleForTests();
});

afterAll(async () => {
  await server.close();
  fs.rmSync(scratch, { recursive: true, force: true });
  if (compiled) fs.rmSync(compiled.directory, { recursive: true, force: true });
});

beforeEach(() => {
  server.clearFaults();
  home = fs.mkdtempSync(path.join(scratch, 'home-'));
});

function pixivRx(args: readonly string[], options: Omit<CliOptions, 'entry'> = {}): Promise<CliRun> {
  return runCli(args, { ...options, entry: compiled });
}

function startPixivRx(args: readonly string[], options: Omit<CliOptions, 'entry'> = {}) {
  return startCli(args, { ...options, entry: compiled });
}

/** The environment of a run: the fake's hosts, a private HOME/XDG_CONFIG_HOME, and `extra`. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    PIXIV_RX_API_BASE_URL: server.apiBaseUrl,
    PIXIV_RX_OAUTH_BASE_URL: server.oauthBaseUrl,
    ...extra,
  };
}

function withToken(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return env({ PIXIV_REFRESH_TOKEN: server.refreshToken, ...extra });
}

function credentialsPath(): string {
  return path.join(home, 'config', 'pixiv-rx', 'credentials.json');
}

/** The one line a failure prints: nothing else on stderr, no stack. */
function expectOneLineError(run: CliRun, message: RegExp): void {
  const errorLines = lines(run.stderr);
  expect(errorLines).toHaveLength(1);
  expect(errorLines[0]).toMatch(/^pixiv-rx: /);
  expect(errorLines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

/** Where each file of the works should land, with the URL whose bytes it must hold. */
function expectedFiles(directory: string, works: readonly FakeIllustration[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const work of works) {
    if (work.placeholder) continue;
    const urls = work.pageCount === 1 ? work.originalUrls.slice(0, 1) : work.originalUrls;
    for (const url of urls) {
      const name = path.posix.basename(new URL(url).pathname);
      files.set(
        work.pageCount === 1 ? path.join(directory, `${work.id}${path.extname(name)}`) : path.join(directory, String(work.id), name),
        url,
      );
    }
  }
  return files;
}

/** Every final (non-`.part`) file is one of `expected`, byte for byte. */
function expectCompleteFinalFiles(directory: string, expected: Map<string, string>): string[] {
  const finals = listFiles(directory).filter((file) => !file.endsWith('.part'));
  for (const file of finals) {
    const url = expected.get(file);
    expect({ file, known: url !== undefined }).toEqual({ file, known: true });
    expect({ file, sha256: sha256(file) }).toEqual({ file, sha256: server.expectedSha256(url!) });
  }
  return finals;
}

describe('pixiv-rx --help and --version', () => {
  it('documents the commands, the targets and the exit codes, and hides the test options', async () => {
    const run = await pixivRx(['--help'], { env: env() });
    expect(run.code).toBe(ExitCode.OK);
    for (const text of ['login', 'logout', 'whoami', 'download', 'ls', 'Targets:', 'PIXIV_REFRESH_TOKEN', 'Exit codes:', '130']) {
      expect(run.stdout).toContain(text);
    }
    expect(run.stdout).not.toContain('--api-base-url');

    const download = await pixivRx(['download', '--help'], { env: env() });
    expect(download.code).toBe(ExitCode.OK);
    for (const option of ['--dir', '--size', '--concurrency', '--limit', '--overwrite', '--ugoira', '--json', '--mode', '--date', 'Examples:']) {
      expect(download.stdout).toContain(option);
    }
  });

  it("prints the version of pixiv-rx-cli's package.json", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(CLI_ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const run = await pixivRx([flag], { env: env() });
      expect(run).toEqual(expect.objectContaining({ code: ExitCode.OK, stdout: `${version}\n`, stderr: '' }));
    }
  });

  it('answers a bad command line with exit code 2', async () => {
    const unknown = await pixivRx(['frobnicate'], { env: env() });
    expect(unknown.code).toBe(ExitCode.USAGE);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);

    const badTarget = await pixivRx(['download', 'user', 'abc'], { env: withToken() });
    expect(badTarget.code).toBe(ExitCode.USAGE);
    expectOneLineError(badTarget, /Not a valid user id: abc/);

    const badSize = await pixivRx(['download', '1', '--size', 'huge'], { env: withToken() });
    expect(badSize.code).toBe(ExitCode.USAGE);
    expect(badSize.stderr).toMatch(/--size.*huge.*Allowed choices/s);
  });
});

describe('pixiv-rx login', () => {
  it('exchanges a PKCE code pasted as the pixiv:// redirect, and stores the token with mode 0600', async () => {
    const login = startPixivRx(['login', '--no-browser'], { env: env() });
    await waitUntil(() => /Code or URL: $/.test(login.stdout()), 'the login prompt');
    const url = new URL(/(http:\/\/127\.0\.0\.1:\d+\/web\/v1\/login\?\S+)/.exec(login.stdout())![1]);
    expect(url.origin).toBe(server.apiBaseUrl);
    const code = server.issueAuthorizationCode(url.searchParams.get('code_challenge')!);
    login.child.stdin!.end(`pixiv://account/login?code=${code}&via=login\n`);
    const run = await login.exited;

    expect(run.stderr).toBe('');
    expect(run.code).toBe(ExitCode.OK);
    const account = server.world.user(server.world.accountId)!;
    expect(run.stdout).toContain(`Logged in as ${account.name} (@${account.account}, user ${account.id}).`);
    expect(run.stdout).toContain(credentialsPath());
    const stored = JSON.parse(fs.readFileSync(credentialsPath(), 'utf8')) as { refreshToken: string; userId: number };
    expect(stored.refreshToken).toMatch(/\S{20,}/);
    expect(stored.userId).toBe(account.id);
    if (process.platform !== 'win32') {
      expect(fs.statSync(credentialsPath()).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(credentialsPath())).mode & 0o777).toBe(0o700);
    }
    expect(fs.readdirSync(path.dirname(credentialsPath()))).toEqual(['credentials.json']);

    // the stored token is what later runs use
    const whoami = await pixivRx(['whoami'], { env: env() });
    expect(whoami.code).toBe(ExitCode.OK);
    expect(whoami.stdout).toContain(`${account.name} (@${account.account}), user ${account.id}`);
    expect(whoami.stdout).toContain(`token from ${credentialsPath()}`);

    const logout = await pixivRx(['logout'], { env: env() });
    expect(logout.code).toBe(ExitCode.OK);
    expect(fs.existsSync(credentialsPath())).toBe(false);
    const after = await pixivRx(['whoami'], { env: env() });
    expect(after.code).toBe(ExitCode.AUTH);
    expectOneLineError(after, /Not logged in: run `pixiv-rx login`/);
  });

  it('refuses a code Pixiv does not know with the auth exit code, and stores nothing', async () => {
    const run = await pixivRx(['login', '--no-browser'], { env: env(), input: 'not-a-real-code\n' });
    expect(run.code).toBe(ExitCode.AUTH);
    expectOneLineError(run, /Pixiv refused the code .*run `pixiv-rx login` again/);
    expect(fs.existsSync(credentialsPath())).toBe(false);
  });
});

describe('pixiv-rx download', () => {
  it("writes every work of a user, multi-page ones in a folder, byte for byte", async () => {
    const userId = server.world.showcaseUserId;
    const directory = path.join(home, 'downloads');
    const run = await pixivRx(['download', 'user', String(userId), '--concurrency', '6'], { env: withToken(), cwd: home });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(ExitCode.OK);
    const works = server.world.illustrationsOf(userId);
    const expected = expectedFiles(directory, works);
    expect(works.some((work) => work.pageCount > 1)).toBe(true);
    expect(listFiles(directory)).toEqual([...expected.keys()].sort());
    expect(expectCompleteFinalFiles(directory, expected)).toHaveLength(expected.size);
    // not a terminal: one plain line per work, then the summary
    expect(lines(run.stdout).filter((line) => line.startsWith('saved '))).toHaveLength(works.length);
    expect(run.stdout).toContain(`Done: ${works.length} works, ${expected.size} files`);
    expect(run.stdout).toContain(directory);

    // a second run finds everything there and requests no image
    server.resetLog();
    const again = await pixivRx(['download', 'user', String(userId)], { env: withToken(), cwd: home });
    expect(again.code).toBe(ExitCode.OK);
    expect(again.stdout).toContain(`${works.length} already there`);
    expect(server.requests({ origin: 'image' })).toHaveLength(0);
  });

  it('prints one JSON object per work with --json, and nothing else on stdout', async () => {
    const userId = server.world.showcaseUserId;
    const directory = path.join(home, 'json');
    const run = await pixivRx(['download', `https://www.pixiv.net/en/users/${userId}`, '--json', '--limit', '12', '--dir', directory], {
      env: withToken(),
    });
    expect(run.code).toBe(ExitCode.OK);
    const records = lines(run.stdout).map((line) => JSON.parse(line) as Record<string, any>);
    expect(records).toHaveLength(12);
    const expected = expectedFiles(directory, server.world.illustrationsOf(userId));
    for (const record of records) {
      expect(record).toEqual({
        id: expect.any(Number),
        title: expect.any(String),
        type: expect.stringMatching(/^(illust|manga|ugoira)$/),
        pageCount: expect.any(Number),
        user: { id: userId, name: expect.any(String), account: expect.any(String) },
        paths: expect.any(Array),
        bytes: expect.any(Number),
        skipped: false,
      });
      expect(record.paths).toHaveLength(record.pageCount);
      for (const file of record.paths as string[]) {
        expect(expected.has(file)).toBe(true);
        expect(fs.statSync(file).size).toBe(server.imageSizeOf(expected.get(file)!));
      }
      expect(record.bytes).toBe((record.paths as string[]).reduce((sum, file) => sum + fs.statSync(file).size, 0));
    }
    // the summary goes to stderr, so stdout stays JSON
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^Done: 12 works/)]);
  });

  it('gives a revoked refresh token one line and the auth exit code', async () => {
    const token = server.issueRefreshToken();
    server.revokeRefreshToken(token);
    const run = await pixivRx(['download', 'user', String(server.world.showcaseUserId), '--dir', path.join(home, 'revoked')], {
      env: env({ PIXIV_REFRESH_TOKEN: token }),
    });
    expect(run.code).toBe(ExitCode.AUTH);
    expectOneLineError(run, /refused the refresh token \(Invalid refresh token\).*`pixiv-rx login`/);
    expect(run.stderr).not.toContain(token);
    expect(listFiles(path.join(home, 'revoked'))).toEqual([]);
  });

  it('says how to log in when there is no token, before sending anything', async () => {
    server.resetLog();
    const run = await pixivRx(['download', '1'], { env: env(), cwd: home });
    expect(run.code).toBe(ExitCode.AUTH);
    expectOneLineError(run, /Not logged in: run `pixiv-rx login` \(or set PIXIV_REFRESH_TOKEN\)/);
    expect(server.log).toHaveLength(0);
  });

  it('reports an unknown illustration as not found (exit code 4)', async () => {
    const run = await pixivRx(['download', String(server.world.samples.missingIllustId)], { env: withToken(), cwd: home });
    expect(run.code).toBe(ExitCode.NOT_FOUND);
    expectOneLineError(run, /Not found: .*artwork/);
  });

  it('reports rate limiting that outlasts the retries (exit code 5)', async () => {
    const fault = server.failNext('/v1/user/illusts', 20, FakeResponses.rateLimit());
    try {
      const run = await pixivRx(['ls', 'user', String(server.world.showcaseUserId)], { env: withToken() });
      expect(run.code).toBe(ExitCode.RATE_LIMITED);
      expectOneLineError(run, /Rate limited by Pixiv/);
    } finally {
      fault.remove();
    }
  });

  it('refuses a download directory it cannot write (exit code 6)', async () => {
    const blocker = path.join(home, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const run = await pixivRx(['download', '1', '--dir', path.join(blocker, 'sub')], { env: withToken() });
    expect(run.code).toBe(ExitCode.CANNOT_WRITE);
    expectOneLineError(run, /Cannot write to the download directory .*a-file/);
  });

  it('stops cleanly at Ctrl-C: exit code 130, a one-line summary, no incomplete final file, and resumes', async () => {
    const userId = server.world.showcaseUserId;
    const directory = path.join(home, 'interrupted');
    const expected = expectedFiles(directory, server.world.illustrationsOf(userId));
    // images arrive 2 KiB every 40 ms: a transfer takes about 0.2 to 0.8 s
    const slow = server.trickle({ origin: 'image' }, 2048, 40);
    const download = startPixivRx(['download', 'user', String(userId), '--dir', directory, '--concurrency', '3'], {
      env: withToken(),
    });
    const partFiles = (): string[] => listFiles(directory).filter((file) => file.endsWith('.part'));
    await waitUntil(() => download.stdout().includes('saved ') && partFiles().length > 0, 'a saved work and a transfer in flight');
    download.child.kill('SIGINT');
    const run = await download.exited;
    slow.remove();

    expect(run.code).toBe(ExitCode.INTERRUPTED);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^Interrupted: \d+ works?, \d+ files?, .* → /)]);
    const finals = expectCompleteFinalFiles(directory, expected);
    expect(finals.length).toBeGreaterThan(0);
    expect(finals.length).toBeLessThan(expected.size);
    const parts = partFiles();
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      const final = part.slice(0, -'.part'.length);
      expect(expected.has(final)).toBe(true);
      expect(fs.statSync(part).size).toBeLessThanOrEqual(server.imageSizeOf(expected.get(final)!));
    }

    // the next run picks up where this one stopped
    const resumed = await pixivRx(['download', 'user', String(userId), '--dir', directory], { env: withToken() });
    expect(resumed.code).toBe(ExitCode.OK);
    expect(listFiles(directory)).toEqual([...expected.keys()].sort());
    expect(expectCompleteFinalFiles(directory, expected)).toHaveLength(expected.size);
  });
});

describe('pixiv-rx download: novels, series, animated ugoira', () => {
  it('writes a novel pasted as its URL, as Markdown with its images beside it', async () => {
    const novelId = server.world.samples.markupNovelId;
    const directory = path.join(home, 'novels');
    const url = `https://www.pixiv.net/en/novel/show.php?id=${novelId}`;
    const run = await pixivRx(['download', url, '--novel-format', 'md', '--dir', directory], { env: withToken() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(ExitCode.OK);
    const text = fs.readFileSync(path.join(directory, `${novelId}.md`), 'utf8');
    expect(text.length).toBeGreaterThan(0);
    const images = listFiles(path.join(directory, String(novelId)));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(text).toContain(`${novelId}/${path.basename(image)}`);
    expect(lines(run.stdout).filter((line) => line.startsWith('saved '))).toEqual([
      expect.stringMatching(new RegExp(`^saved +${novelId} \\(novel, ${images.length + 1} files, `)),
    ]);
    expect(listFiles(directory).filter((file) => file.endsWith('.part'))).toEqual([]);

    // again: the text is there, nothing is requested but the listing
    server.resetLog();
    const again = await pixivRx(['download', 'novel', String(novelId), '--novel-format', 'md', '--dir', directory], { env: withToken() });
    expect(again.code).toBe(ExitCode.OK);
    expect(again.stdout).toContain('1 work, 1 already there');
    expect(server.requests({ origin: 'image' })).toHaveLength(0);
  });

  it('writes the novels of a user and of a novel series as plain text', async () => {
    const userId = server.world.showcaseUserId;
    const byUser = path.join(home, 'by-user');
    const run = await pixivRx(['download', 'novels', String(userId), '--limit', '4', '--json', '--dir', byUser], { env: withToken() });
    expect(run.code).toBe(ExitCode.OK);
    const records = lines(run.stdout).map((line) => JSON.parse(line) as { id: number; type: string; user: { id: number }; paths: string[] });
    expect(records).toHaveLength(4);
    for (const record of records) {
      expect(record).toEqual(expect.objectContaining({ type: 'novel', user: expect.objectContaining({ id: userId }) }));
      expect(record.paths[0]).toBe(path.join(byUser, `${record.id}.txt`));
      expect(fs.existsSync(record.paths[0])).toBe(true);
    }

    const bySeries = path.join(home, 'by-series');
    const series = await pixivRx(['download', `https://www.pixiv.net/novel/series/${server.world.samples.novelSeriesId}`, '--limit', '3', '--dir', bySeries], {
      env: withToken(),
    });
    expect(series.code).toBe(ExitCode.OK);
    expect(listFiles(bySeries).filter((file) => file.endsWith('.txt'))).toHaveLength(3);
  });

  it('writes every work of an illustration series pasted as its URL', async () => {
    const seriesId = server.world.samples.illustSeriesId;
    const listed = await pixivRx(['ls', 'series', String(seriesId), '--json'], { env: withToken() });
    expect(listed.code).toBe(ExitCode.OK);
    const ids = lines(listed.stdout).map((line) => (JSON.parse(line) as { id: number }).id);
    expect(ids.length).toBeGreaterThan(0);
    const directory = path.join(home, 'series');
    const url = `https://www.pixiv.net/en/user/${server.world.showcaseUserId}/series/${seriesId}`;
    const run = await pixivRx(['download', url, '--json', '--dir', directory], { env: withToken() });
    expect(run.code).toBe(ExitCode.OK);
    expect(lines(run.stdout).map((line) => (JSON.parse(line) as { id: number }).id).sort()).toEqual([...ids].sort());
  });

  it('takes every ugoira mode of pixiv-rx/node, and refuses another before any request', async () => {
    const illustrationId = server.world.samples.ugoiraIllustId;
    const directory = path.join(home, 'ugoira');
    const zip = await pixivRx(['download', String(illustrationId), '--ugoira', 'zip', '--dir', directory], { env: withToken() });
    expect(zip.stderr).toBe('');
    expect(zip.code).toBe(ExitCode.OK);
    expect(fs.readFileSync(path.join(directory, `${illustrationId}.zip`)).subarray(0, 2).toString('latin1')).toBe('PK');

    server.resetLog();
    const bad = await pixivRx(['download', String(illustrationId), '--ugoira', 'avi'], { env: withToken() });
    expect(bad.code).toBe(ExitCode.USAGE);
    expect(bad.stderr).toMatch(/Allowed choices are frame, zip, gif, webm, mp4/);
    expect(server.log).toHaveLength(0);
  });

  it('lists novels with ls', async () => {
    const run = await pixivRx(['ls', `https://www.pixiv.net/users/${server.world.showcaseUserId}/novels`, '--limit', '5'], { env: withToken() });
    expect(run.code).toBe(ExitCode.OK);
    const listed = lines(run.stdout);
    expect(listed).toHaveLength(5);
    for (const line of listed) expect(line).toMatch(/^ *\d+ {2}novel +\d+ chars {2}.+ — .+ \(\d+\)$/);
  });

  it('answers a novel that does not exist with exit code 4, and an unknown target with 2, in one line', async () => {
    const missing = await pixivRx(['download', 'novel', String(server.world.samples.missingNovelId), '--dir', path.join(home, 'none')], { env: withToken() });
    expect(missing.code).toBe(ExitCode.NOT_FOUND);
    expectOneLineError(missing, /Not found/);
    expect(fs.existsSync(path.join(home, 'none', `${server.world.samples.missingNovelId}.txt`))).toBe(false);

    server.resetLog();
    const unknown = await pixivRx(['download', 'novle', '5'], { env: withToken() });
    expect(unknown.code).toBe(ExitCode.USAGE);
    expectOneLineError(unknown, /Unknown target "novle"/);
    expect(server.log).toHaveLength(0);
  });
});

describe('pixiv-rx proxy', () => {
  it('forwards a client to the hosts it is pointed at, with CORS for the allowed origins only, until Ctrl-C', async () => {
    const proxy = startPixivRx(
      ['proxy', '--allow-origin', 'http://app.test', '--image-base-url', server.imageBaseUrl],
      { env: env() },
    );
    try {
      await waitUntil(() => proxy.stdout().includes('Ctrl-C stops it'), 'the proxy to listen');
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(proxy.stdout())![1];
      expect(proxy.stdout()).toContain('pages allowed: http://app.test');

      const client = new PixivClient({ apiBaseUrl: url, oauthBaseUrl: url, refreshToken: server.refreshToken });
      const user = await firstValueFrom(client.user$(server.world.showcaseUserId));
      expect(user.id).toBe(server.world.showcaseUserId);

      const allowed = await fetch(`${url}/v1/user/detail?user_id=1`, { method: 'OPTIONS', headers: { Origin: 'http://app.test', 'Access-Control-Request-Method': 'GET' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://app.test');
      const refused = await fetch(`${url}/v1/user/detail?user_id=1`, { headers: { Origin: 'http://evil.test' } });
      expect(refused.ok).toBe(false);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      // one line per request, with no token in it
      await waitUntil(() => proxy.stderr().includes('/v1/user/detail'), 'the request log');
      expect(proxy.stderr()).not.toContain(server.refreshToken);
    } finally {
      proxy.child.kill('SIGINT');
    }
    const run = await proxy.exited;
    expect(run.code).toBe(ExitCode.INTERRUPTED);
  });

  it('refuses a bad port before listening', async () => {
    const run = await pixivRx(['proxy', '--port', '70000'], { env: env() });
    expect(run.code).toBe(ExitCode.USAGE);
    expect(run.stderr).toMatch(/must be a port number/);
  });
});

describe('pixiv-rx ls', () => {
  it('lists works without downloading, as lines or as JSON', async () => {
    const userId = server.world.showcaseUserId;
    const first = server.world.illustrationsOf(userId, 'illust').slice(0, 3);
    const run = await pixivRx(['ls', 'user', String(userId), '-n', '3'], { env: withToken(), cwd: home });
    expect(run.code).toBe(ExitCode.OK);
    const listed = lines(run.stdout);
    expect(listed).toHaveLength(3);
    first.forEach((work, index) => {
      expect(listed[index]).toMatch(new RegExp(`^\\s*${work.id}\\s+${work.type}\\s+${work.pageCount} pages?\\s+`));
    });
    expect(fs.existsSync(path.join(home, 'downloads'))).toBe(false);

    // the hidden flags point the command at a server as the environment variables do
    const json = await pixivRx(
      ['--api-base-url', server.apiBaseUrl, 'ls', 'user', String(userId), '-n', '3', '--json', '--oauth-base-url', server.oauthBaseUrl],
      { env: { HOME: home, PIXIV_REFRESH_TOKEN: server.refreshToken } },
    );
    expect(json.code).toBe(ExitCode.OK);
    const works = lines(json.stdout).map((line) => JSON.parse(line) as { id: number; user: { id: number }; imageUrls: object });
    expect(works.map((work) => work.id)).toEqual(first.map((work) => work.id));
    expect(works.every((work) => work.user.id === userId && typeof work.imageUrls === 'object')).toBe(true);
  });

  it('stops quietly when the reader of its output goes away (`pixiv-rx ls … | head -1`)', async () => {
    const ls = startPixivRx(['ls', 'user', String(server.world.showcaseUserId)], { env: withToken() });
    await waitUntil(() => ls.stdout().includes('\n'), 'the first line');
    ls.child.stdout!.destroy();
    const run = await ls.exited;
    expect(run.code).toBe(ExitCode.OK);
    expect(run.stderr).toBe('');
  });

  it('lists own bookmarks, a ranking, a search and the following feed', async () => {
    const { world } = server;
    const ids = async (args: string[]): Promise<number[]> => {
      const result = await pixivRx(['ls', ...args, '-n', '5', '--json'], { env: withToken() });
      expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: ExitCode.OK, stderr: '' });
      return lines(result.stdout).map((line) => (JSON.parse(line) as { id: number }).id);
    };

    const bookmarked = new Set(world.bookmarksOf(world.accountId, 'public').map((bookmark) => bookmark.illustId));
    const bookmarks = await ids(['bookmarks']);
    expect(bookmarks.length).toBeGreaterThan(0);
    expect(bookmarks.every((id) => bookmarked.has(id))).toBe(true);

    const ranking = await ids(['ranking', '--mode', 'week', '--date', world.latestRankingDate]);
    expect(ranking).toEqual(world.ranking('week', world.latestRankingDate).slice(0, 5));

    const word = world.illustrationsOf(world.showcaseUserId)[0].tags[0].name;
    const found = await ids(['search', word]);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((id) => world.illustration(id)!.tags.some((tag) => tag.name.includes(word)))).toBe(true);

    const feed = new Set(world.followingFeed(world.accountId, 'public'));
    const following = await ids(['following']);
    expect(following.length).toBeGreaterThan(0);
    expect(following.every((id) => feed.has(id))).toBe(true);

    const misplaced = await pixivRx(['ls', 'user', '11', '--mode', 'week'], { env: withToken() });
    expect(misplaced.code).toBe(ExitCode.USAGE);
    expectOneLineError(misplaced, /--mode is for the ranking target only/);
  });
});
