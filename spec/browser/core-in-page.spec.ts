import { build, type Metafile } from 'esbuild';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ANDROID_APP } from '../../lib/http/headers';
import { createPixivProxy, type PixivProxy } from '../../lib/node';
import { FakePixivServer } from '../../lib/testing';
import { launchChromium, serveStatic, type StaticSite } from './support';

const root = resolve(__dirname, '..', '..');

/** The core entry (`pixiv-rx`) bundled for a browser, with the rxjs operators the page uses. */
async function bundleCore(): Promise<{ code: string; metafile: Metafile }> {
  const result = await build({
    stdin: {
      contents: `export * from ${JSON.stringify(resolve(root, 'lib', 'index.ts'))};\nexport { lastValueFrom, take, toArray } from 'rxjs';\n`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]?.text ?? '', metafile: result.metafile };
}

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

describe('the core entry in a browser', () => {
  let bundle: { code: string; metafile: Metafile };
  beforeAll(async () => {
    bundle = await bundleCore();
  });

  it('bundles for platform browser without one Node built-in, directly or through a dependency', () => {
    const inputs = Object.keys(bundle.metafile.inputs);
    const imports = Object.values(bundle.metafile.inputs).flatMap((input) => input.imports.map((entry) => entry.path));
    expect(inputs.length).toBeGreaterThan(50);
    expect(imports.filter((path) => NODE_BUILTINS.has(path))).toEqual([]);
    // axios takes its browser build: the XHR and fetch adapters, not the node:http one
    expect(inputs.filter((path) => path.includes('axios/lib/adapters/http'))).toEqual([]);
    expect(inputs.some((path) => path.includes('axios/lib/platform/browser'))).toBe(true);
  });

  describe('in Chromium, behind the proxy', () => {
    let fake: FakePixivServer;
    let proxy: PixivProxy;
    let site: StaticSite;
    let browser: Awaited<ReturnType<typeof launchChromium>>;
    let page: Page;
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      fake = await FakePixivServer.start({ officialUrls: true, users: 8, worksPerUser: 4, showcaseWorks: 10, prolificWorks: 70 });
      site = await serveStatic(resolve(__dirname), {
        '/': { type: 'text/html; charset=utf-8', body: '<!doctype html><title>pixiv-rx core</title><link rel="icon" href="data:,">' },
        '/pixiv-rx.js': { type: 'text/javascript; charset=utf-8', body: bundle.code },
      });
      proxy = await createPixivProxy({
        allowOrigins: [site.url],
        upstream: { api: fake.apiBaseUrl, oauth: fake.oauthBaseUrl, image: fake.imageBaseUrl },
      });
      browser = await launchChromium();
      page = await browser.context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      await page.goto(site.url);
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await proxy?.close();
      await site?.close();
      await fake?.close();
    });

    it('pages userIllustrations$ across next_url, which the client rebases onto the proxy', async () => {
      fake.resetLog();
      const settings = { proxyUrl: proxy.url, refreshToken: fake.refreshToken, userId: fake.world.prolificUserId };
      // a script, not a function: Jest's transpiler would rewrite a function's import()
      const ids = await page.evaluate<number[]>(`(async ({ proxyUrl, refreshToken, userId }) => {
        const pixiv = await import('/pixiv-rx.js');
        const client = new pixiv.PixivClient({ apiBaseUrl: proxyUrl, oauthBaseUrl: proxyUrl, refreshToken });
        const works = await pixiv.lastValueFrom(client.userIllustrations$(userId).pipe(pixiv.take(65), pixiv.toArray()));
        return works.map((work) => work.id);
      })(${JSON.stringify(settings)})`);
      expect(ids).toEqual(fake.world.illustrationIdsOf(fake.world.prolificUserId, 'illust').slice(0, 65));

      const log = fake.requests('*');
      expect(log.map((entry) => `${entry.origin} ${entry.path}`)).toEqual([
        'oauth /auth/token',
        'api /v1/user/illusts',
        'api /v1/user/illusts',
        'api /v1/user/illusts',
      ]);
      for (const entry of log) expect(entry.headers['user-agent']).toBe(ANDROID_APP.userAgent);
    });

    it('sets no header the browser refuses (no "Refused to set unsafe header")', () => {
      expect(consoleErrors).toEqual([]);
    });
  });
});
