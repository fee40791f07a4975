import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FakePixivServer } from '../lib/testing/index';

/**
 * The published packages, as a user gets them: `npm pack` of the library and of the command
 * (pixiv-rx-cli), both installed into an empty folder; the library loaded with both `require`
 * and `import`, the command run against a FakePixivServer.
 */
const root = resolve(__dirname, '..');
let work: string;
let app: string;

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs a command without blocking the event loop (a FakePixivServer of this process answers it). */
function runAsync(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr}`));
      else resolvePromise(stdout);
    });
  });
}

function node(cwd: string, args: string[]): string {
  return run(process.execPath, args, cwd).trim();
}

/** Which of rxjs' builds (`cjs`, `esm5`…) the files of a bundle come from: one, or two copies of rxjs. */
function rxjsBuilds(inputs: string[]): string[] {
  return [...new Set(inputs.flatMap((path) => /node_modules\/rxjs\/dist\/([^/]+)\//.exec(path)?.[1] ?? []))];
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pixiv-rx-pack-'));
  app = join(work, 'app');
  run('npm', ['pack', '--silent', '--pack-destination', work], root);
  run('npm', ['pack', '--silent', '--pack-destination', work, '--workspace', 'pixiv-rx-cli'], root);
  const tarballs = readdirSync(work).filter((name) => name.endsWith('.tgz'));
  const library = tarballs.find((name) => /^pixiv-rx-\d/.test(name));
  const cli = tarballs.find((name) => name.startsWith('pixiv-rx-cli-'));
  if (!library || !cli) throw new Error(`npm pack wrote ${tarballs.join(', ') || 'no tarball'}`);
  execFileSync('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent', join(work, library), join(work, cli), 'rxjs@^7.8.0'],
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

  it('takes rxjs from the application under require(), whichever of the two loads first', () => {
    // how many rxjs modules are loaded, and whether pixiv-rx's streams are the application's Observables
    const probe = (order: 'rxjs first' | 'pixiv-rx first'): string =>
      node(app, [
        '-e',
        `const first = ${JSON.stringify(order)} === 'rxjs first' ? require('rxjs') : require('pixiv-rx');
         const loaded = () => Object.keys(require.cache).filter((file) => /[\\\\/]node_modules[\\\\/]rxjs[\\\\/]/.test(file)).length;
         const alone = loaded();
         const p = require('pixiv-rx');
         const rxjs = require('rxjs');
         const stream = new p.PixivClient().illustration$(1);
         rxjs.firstValueFrom(stream.pipe(rxjs.map(() => 'value'))).catch((e) => e.name).then((outcome) => {
           console.log(JSON.stringify({ alone, after: loaded(), observable: stream instanceof rxjs.Observable, outcome }));
         });`,
      ]);
    const rxjsFirst = JSON.parse(probe('rxjs first')) as { alone: number; after: number; observable: boolean; outcome: string };
    const libraryFirst = JSON.parse(probe('pixiv-rx first')) as typeof rxjsFirst;
    expect(rxjsFirst).toEqual({ alone: rxjsFirst.after, after: rxjsFirst.after, observable: true, outcome: 'AuthenticationRequired' });
    // alone, pixiv-rx loads the rxjs modules it uses, not the whole index
    expect(libraryFirst.alone).toBeLessThan(rxjsFirst.after / 2);
    expect(libraryFirst).toMatchObject({ after: rxjsFirst.after, observable: true, outcome: 'AuthenticationRequired' });
  });

  it('takes rxjs from the application under import(), whichever of the two loads first', () => {
    // the same probe as an ES module: rxjs' modules are CommonJS under Node, counted in require.cache
    const probe = (order: 'rxjs first' | 'pixiv-rx first'): string =>
      node(app, [
        '--input-type=module',
        '-e',
        `const { createRequire } = await import('node:module');
         const { cache } = createRequire(process.cwd() + '/probe.js');
         const loaded = () => Object.keys(cache).filter((file) => /[\\/]node_modules[\\/]rxjs[\\/]/.test(file)).length;
         await import(${JSON.stringify(order)} === 'rxjs first' ? 'rxjs' : 'pixiv-rx');
         const alone = loaded();
         const p = await import('pixiv-rx');
         const rxjs = await import('rxjs');
         const stream = new p.PixivClient().illustration$(1);
         const outcome = await rxjs.firstValueFrom(stream.pipe(rxjs.map(() => 'value'))).catch((e) => e.name);
         console.log(JSON.stringify({ alone, after: loaded(), observable: stream instanceof rxjs.Observable, outcome }));`,
      ]);
    const rxjsFirst = JSON.parse(probe('rxjs first')) as { alone: number; after: number; observable: boolean; outcome: string };
    const libraryFirst = JSON.parse(probe('pixiv-rx first')) as typeof rxjsFirst;
    expect(rxjsFirst).toEqual({ alone: rxjsFirst.after, after: rxjsFirst.after, observable: true, outcome: 'AuthenticationRequired' });
    expect(libraryFirst.alone).toBeLessThan(rxjsFirst.after / 2);
    expect(libraryFirst).toMatchObject({ after: rxjsFirst.after, observable: true, outcome: 'AuthenticationRequired' });
  });

  it('bundles its ES build for Node with one rxjs, the one the application imports, and the bundle runs on its own', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      stdin: {
        contents: `import { PixivClient } from 'pixiv-rx'; import { Observable, firstValueFrom } from 'rxjs';
          const stream = new PixivClient().illustration$(1);
          console.log(stream instanceof Observable, await firstValueFrom(stream).catch((e) => e.name));`,
        resolveDir: app,
        loader: 'js',
      },
      absWorkingDir: app,
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: join(work, 'bundled.mjs'),
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(rxjsBuilds(inputs)).toEqual(['cjs']);
    // outside the app, so that nothing could be required from its node_modules at run time
    expect(node(work, [join(work, 'bundled.mjs')])).toBe('true AuthenticationRequired');
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

  it('loads a handful of files, and what pixiv-rx and pixiv-rx/node share from one of them', () => {
    // the files of the package each entry loads under require (the ES build has the same layout)
    const filesOf = (entry: string): string[] =>
      JSON.parse(
        node(app, [
          '-e',
          `require(${JSON.stringify(entry)});
           console.log(JSON.stringify(Object.keys(require.cache)
             .map((file) => file.split(/[\\\\/]node_modules[\\\\/]pixiv-rx[\\\\/]dist[\\\\/]cjs[\\\\/]/)[1])
             .filter(Boolean).map((file) => file.replace(/\\\\/g, '/'))));`,
        ]),
      ) as string[];
    const core = filesOf('pixiv-rx');
    const nodeEntry = filesOf('pixiv-rx/node');
    // the entry, the client's chunk, the shared chunk and the rxjs facade
    expect(core).toHaveLength(4);
    expect(nodeEntry.length).toBeLessThanOrEqual(5);
    const both = core.filter((file) => nodeEntry.includes(file) && file !== 'chunks/rxjs.js');
    expect(both).toHaveLength(1);
    expect(both[0]).toMatch(/^chunks\/shared-[0-9A-F]{8}\.js$/);
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

  it('ships pixiv-rx/angular for both module systems, and needs @angular/core only when it is loaded', () => {
    // @angular/core is an optional peer: not installed here, so the entry resolves and the
    // core entries load, while loading the Angular one asks for @angular/core
    const required = node(app, ['-e', `console.log(require.resolve('pixiv-rx/angular').endsWith('/dist/cjs/angular/index.js'))`]);
    const imported = node(app, [
      '--input-type=module',
      '-e',
      `console.log(import.meta.resolve('pixiv-rx/angular').endsWith('/dist/esm/angular/index.js'))`,
    ]);
    const loaded = node(app, [
      '--input-type=module',
      '-e',
      `await import('pixiv-rx/angular').then(() => console.log('loaded'), (e) => console.log(e.code, /@angular\\/core/.test(e.message)))`,
    ]);
    expect([required, imported, loaded]).toEqual(['true', 'true', 'ERR_MODULE_NOT_FOUND true']);
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

  it.each([
    ['require', `const { FakePixivServer } = require('pixiv-rx/testing'); const { PixivClient } = require('pixiv-rx'); const { firstValueFrom } = require('rxjs');`],
    ['import', `const { FakePixivServer } = await import('pixiv-rx/testing'); const { PixivClient } = await import('pixiv-rx'); const { firstValueFrom } = await import('rxjs');`],
  ])('sends API calls through node:http in Node, without loading axios (%s)', (kind, load) => {
    const script = `${load}
       const server = await FakePixivServer.start();
       const client = new PixivClient({ apiBaseUrl: server.apiBaseUrl, oauthBaseUrl: server.oauthBaseUrl, refreshToken: server.refreshToken });
       const user = await firstValueFrom(client.user$(server.world.accountId));
       await server.close();
       // axios would ask for 'gzip, compress, deflate, br'
       const codings = [...new Set(server.log.map((entry) => entry.headers['accept-encoding']))];
       console.log(user.id === server.world.accountId, server.log.length, JSON.stringify(codings));`;
    const out = kind === 'import' ? node(app, ['--input-type=module', '-e', script]) : node(app, ['-e', `(async () => { ${script} })()`]);
    expect(out).toBe('true 2 ["gzip, deflate, br"]');
  });

  it('bundles for a browser without one Node built-in, with axios as the transport ("browser" field)', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      stdin: { contents: `export * from 'pixiv-rx';`, resolveDir: app, loader: 'js' },
      absWorkingDir: app,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((entry) => entry.path));
    expect(imports.filter((path) => path.startsWith('node:') || ['http', 'https', 'zlib', 'stream'].includes(path))).toEqual([]);
    expect(inputs).toContain('node_modules/pixiv-rx/dist/esm/http/default-transport.js');
    // rxjs' ES index, as the application's own import of rxjs gets it, not the facade Node loads
    expect(inputs).toContain('node_modules/pixiv-rx/dist/esm/chunks/rxjs-index.js');
    expect(inputs.filter((path) => path.includes('pixiv-rx/dist/cjs/'))).toEqual([]);
    expect(rxjsBuilds(inputs)).toEqual(['esm5']);
    expect(inputs.filter((path) => path.includes('pixiv-rx/dist/esm/node/'))).toEqual([]);
    expect(inputs.some((path) => path.includes('axios/lib/platform/browser'))).toBe(true);
  });

  it('bundles its CommonJS build for a browser too, and the bundle runs where there is no require', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      stdin: {
        contents: `const p = require('pixiv-rx'); const rxjs = require('rxjs');
          globalThis.report(typeof p.PixivClient, new p.PixivClient().illustration$(1) instanceof rxjs.Observable);`,
        resolveDir: app,
        loader: 'js',
      },
      absWorkingDir: app,
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const { runInNewContext } = await import('node:vm');
    const reported: unknown[] = [];
    runInNewContext(result.outputFiles[0].text, {
      report: (...values: unknown[]) => reported.push(...values),
      console,
      URL,
      AbortController,
      TextEncoder,
      TextDecoder,
      setTimeout,
      clearTimeout,
      queueMicrotask,
    });
    expect(reported).toEqual(['function', true]);
  });

  it('serves every endpoint of the 0.2 additions from the installed library, against the installed fake', () => {
    // one call per row of the additions table, through the public entry points only
    const out = node(app, [
      '-e',
      `const { PixivClient, ContentType, parseNovelMarkup, renderNovel } = require('pixiv-rx');
       const { FakePixivServer } = require('pixiv-rx/testing');
       const { firstValueFrom, lastValueFrom, take, toArray } = require('rxjs');
       (async () => {
         const server = await FakePixivServer.start({ seed: 11 });
         try {
           const client = new PixivClient({ apiBaseUrl: server.apiBaseUrl, oauthBaseUrl: server.oauthBaseUrl, refreshToken: server.refreshToken, retry: { maxRetries: 1, baseDelayMs: 1 } });
           const w = server.world;
           const s = w.samples;
           const me = w.accountId;
           const artist = w.showcaseUserId;
           const few = (stream) => lastValueFrom(stream.pipe(take(3), toArray()));
           const one = (stream) => firstValueFrom(stream);
           const done = (call) => lastValueFrom(call, { defaultValue: undefined });
           const rows = {};
           rows.novel = (await one(client.novel$(s.markupNovelId))).id === s.markupNovelId;
           const text = await one(client.novelText$(s.markupNovelId));
           rows.novelText = text.novelId === s.markupNovelId && text.pages.length > 1 && parseNovelMarkup(text.text).length > 0 && renderNovel(text, { format: 'md' }).length > 0;
           rows.userNovels = (await few(client.userNovels$(artist))).length > 0;
           const seriesPage = await one(client.novelSeriesPages$(s.novelSeriesId));
           rows.novelSeries = seriesPage.items.length > 0 && seriesPage.seriesDetail.id === s.novelSeriesId && seriesPage.next !== null;
           rows.novelComments = Array.isArray(await few(client.novelComments$(s.markupNovelId)));
           rows.recommendedNovels = (await few(client.recommendedNovels$())).length > 0;
           rows.newNovels = (await few(client.newNovels$())).length > 0;
           rows.followingNovels = (await few(client.followingNovels$())).length > 0;
           rows.rankingNovels = (await few(client.rankingNovels$())).length > 0;
           rows.searchNovels = (await few(client.searchNovels$(text.title.slice(0, 1) || 'a'))).length > 0;
           rows.userNovelBookmarks = (await few(client.userNovelBookmarks$(me))).length > 0;
           rows.userNovelBookmarkTags = (await few(client.userNovelBookmarkTags$(me))).length > 0;
           await done(client.addNovelBookmark(s.markupNovelId, { tags: ['archive'] }));
           rows.novelBookmark = (await one(client.novelBookmark$(s.markupNovelId))).isBookmarked === true;
           await done(client.deleteNovelBookmark(s.markupNovelId));
           rows.deleteNovelBookmark = (await one(client.novelBookmark$(s.markupNovelId))).isBookmarked === false;
           rows.trendingNovelTags = (await few(client.trendingNovelTags$())).every((tag) => typeof tag.illustration.id === 'number');
           rows.newIllustrations = (await few(client.newIllustrations$())).length > 0;
           const illustSeries = await one(client.illustrationSeriesPages$(s.illustSeriesId));
           rows.illustrationSeries = illustSeries.items.length > 0 && illustSeries.seriesDetail.id === s.illustSeriesId;
           rows.recommendedManga = (await few(client.recommendedManga$())).length > 0;
           rows.searchUsers = (await few(client.searchUsers$(w.user(artist).name))).length > 0;
           rows.searchAutocomplete = (await few(client.searchAutocomplete$('a'))).length > 0;
           rows.relatedUsers = (await few(client.relatedUsers$(artist))).length > 0;
           rows.recommendedUsers = (await few(client.recommendedUsers$())).length > 0;
           rows.mypixiv = Array.isArray(await few(client.mypixiv$(artist)));
           await done(client.follow(artist, { visibility: 'private' }));
           const followed = await one(client.followDetail$(artist));
           await done(client.unfollow(artist));
           const unfollowed = await one(client.followDetail$(artist));
           rows.follows = followed.isFollowed === true && followed.visibility === 'private' && unfollowed.isFollowed === false && unfollowed.visibility === null;
           await done(client.addToWatchlist(s.illustSeriesId, ContentType.MANGA));
           const watched = (await lastValueFrom(client.watchlist$(ContentType.MANGA).pipe(toArray()))).some((series) => series.id === s.illustSeriesId);
           await done(client.removeFromWatchlist(s.illustSeriesId, ContentType.MANGA));
           const unwatched = (await lastValueFrom(client.watchlist$(ContentType.MANGA).pipe(toArray()))).every((series) => series.id !== s.illustSeriesId);
           rows.watchlists = watched && unwatched && (await few(client.watchlist$(ContentType.NOVEL))).length > 0;
           const before = await one(client.aiShowSettings$());
           await done(client.setAiShowSettings(!before.showAi));
           rows.aiShowSettings = (await one(client.aiShowSettings$())).showAi === !before.showAi;
           rows.spotlightArticles = (await few(client.spotlightArticles$())).every((article) => article.publishDate instanceof Date);
           const page = await one(client.userIllustrationPages$(artist));
           rows.resumeFrom = (await one(client.userIllustrations$(artist, { resumeFrom: page.nextUrl }))).id !== page.items[0].id;
           console.log(JSON.stringify(rows));
         } finally {
           await server.close();
         }
       })().catch((error) => { console.error(error); process.exit(1); });`,
    ]);
    const rows = JSON.parse(out) as Record<string, boolean>;
    expect(Object.keys(rows)).toHaveLength(28);
    expect(Object.entries(rows).filter(([, ok]) => !ok)).toEqual([]);
  }, 60_000);

  it('leaves the command and its dependencies out of the library', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/pixiv-rx/package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.bin).toBeUndefined();
    expect(Object.keys(manifest.dependencies as object)).not.toEqual(expect.arrayContaining(['commander']));
    expect(Object.keys(manifest.dependencies as object)).not.toEqual(expect.arrayContaining(['cli-progress']));
  });

  it('installs the pixiv-rx command from pixiv-rx-cli, on the installed library', () => {
    const cliManifest = JSON.parse(readFileSync(join(root, 'cli/package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
    expect(cliManifest.dependencies['pixiv-rx']).toBe('^0.2.0');
    const bin = join(app, 'node_modules/.bin/pixiv-rx');
    expect(run(bin, ['--version'], app).trim()).toBe(cliManifest.version);
    expect(run(bin, ['--help'], app)).toContain('Usage: pixiv-rx');
    // one copy of the library: the command's pixiv-rx is the app's
    expect(existsSync(join(app, 'node_modules/pixiv-rx-cli/node_modules/pixiv-rx'))).toBe(false);
  });

  it('runs `pixiv-rx ls` against a FakePixivServer through --api-base-url and --oauth-base-url', async () => {
    const server = await FakePixivServer.start({ seed: 5 });
    try {
      const userId = server.world.showcaseUserId;
      const args = ['ls', 'user', String(userId), '--limit', '3', '--json', '--api-base-url', server.apiBaseUrl, '--oauth-base-url', server.oauthBaseUrl];
      const out = await runAsync(join(app, 'node_modules/.bin/pixiv-rx'), args, app, {
        PIXIV_REFRESH_TOKEN: server.refreshToken,
        XDG_CONFIG_HOME: join(work, 'config'),
      });
      const works = out.trim().split('\n').map((line) => JSON.parse(line) as { id: number; user: { id: number } });
      expect(works).toHaveLength(3);
      expect(works.every((work) => work.user.id === userId)).toBe(true);
      expect(server.requests({ origin: 'image' })).toHaveLength(0);
    } finally {
      await server.close();
    }
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
