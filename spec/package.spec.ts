import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The published package, as a user gets it: `npm pack`, installed into an empty folder, then
 * loaded with both `require` and `import`.
 */
const root = resolve(__dirname, '..');
let work: string;
let app: string;

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function node(cwd: string, args: string[]): string {
  return run(process.execPath, args, cwd).trim();
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pixiv-rx-pack-'));
  app = join(work, 'app');
  run('npm', ['pack', '--silent', '--pack-destination', work], root);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  execFileSync('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent', join(work, tarball), 'rxjs@^7.8.0'],
    app,
  );
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('loads with require()', () => {
    const out = node(app, [
      '-e',
      `const p = require('pixiv-rx');
       const c = new p.PixivClient();
       console.log(typeof p.PixivClient, p.Size.ORIGINAL, typeof c.userIllustrations$, new p.LoginError('x') instanceof p.PixivError);`,
    ]);
    expect(out).toBe('function original function true');
  });

  it('loads with import()', () => {
    const out = node(app, [
      '--input-type=module',
      '-e',
      `const p = await import('pixiv-rx');
       const { firstValueFrom } = await import('rxjs');
       const c = new p.PixivClient();
       const e = await firstValueFrom(c.illustration$(1)).catch((e) => e);
       console.log(typeof p.PixivClient, p.Size.ORIGINAL, e.name);`,
    ]);
    expect(out).toBe('function original AuthenticationRequired');
  });

  it('ships the node and testing entry points for both module systems', () => {
    for (const entry of ['pixiv-rx/node', 'pixiv-rx/testing']) {
      const required = node(app, ['-e', `console.log(Object.keys(require('${entry}')).length > 0)`]);
      const imported = node(app, [
        '--input-type=module',
        '-e',
        `const m = await import('${entry}'); console.log(Object.keys(m).length > 0)`,
      ]);
      expect([entry, required, imported]).toEqual([entry, 'true', 'true']);
    }
  });

  it('exports FakePixivServer from pixiv-rx/testing, and it serves', () => {
    const out = node(app, [
      '--input-type=module',
      '-e',
      `const { FakePixivServer } = await import('pixiv-rx/testing');
       const { PixivClient } = await import('pixiv-rx');
       const { firstValueFrom } = await import('rxjs');
       const server = await FakePixivServer.start();
       const client = new PixivClient({ apiBaseUrl: server.apiBaseUrl, oauthBaseUrl: server.oauthBaseUrl, refreshToken: server.refreshToken });
       const user = await firstValueFrom(client.user$(server.world.accountId));
       await server.close();
       console.log(user.id === server.world.accountId);`,
    ]);
    expect(out).toBe('true');
  });

  it('installs the pixiv-rx command', () => {
    const version = run(join(app, 'node_modules/.bin/pixiv-rx'), ['--version'], app).trim();
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('type-checks a user program against every entry point, for both module systems', () => {
    writeFileSync(
      join(app, 'main.ts'),
      `import { PixivClient, Size, type Illustration } from 'pixiv-rx';
       import { downloadIllustrations } from 'pixiv-rx/node';
       import { FakePixivServer } from 'pixiv-rx/testing';
       const client = new PixivClient();
       const size: Size = Size.ORIGINAL;
       const operator = downloadIllustrations(client, { directory: '/tmp/x', size });
       const started: Promise<FakePixivServer> = FakePixivServer.start();
       export const works = client.userIllustrations$(1).pipe(operator);
       export type Work = Illustration;
       void started;
      `,
    );
    const tsc = require.resolve('typescript/bin/tsc');
    for (const module of ['nodenext', 'commonjs']) {
      const resolution = module === 'nodenext' ? 'nodenext' : 'node10';
      const args = [tsc, '--noEmit', '--strict', '--skipLibCheck', '--types', 'node', '--typeRoots', join(root, 'node_modules/@types'), '--module', module, '--moduleResolution', resolution, '--ignoreDeprecations', '6.0', 'main.ts'];
      expect([module, run(process.execPath, args, app)]).toEqual([module, '']);
    }
  });
});
