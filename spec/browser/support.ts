import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); `.ci/run` installs it. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Chromium headless with a fresh profile, and nothing of its own on the network (no updates, no
 * sync, no background requests), so every request the page makes is one the test can account for.
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'pixiv-rx-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    chromiumSandbox: false,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static site on loopback: files under `root`, plus fixed bodies at the given paths. */
export interface StaticSite {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string, extra: Readonly<Record<string, { type: string; body: string }>> = {}): Promise<StaticSite> {
  const base = resolve(root);
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const fixed = extra[path];
    if (fixed) {
      res.writeHead(200, { 'content-type': fixed.type, 'cache-control': 'no-store' }).end(fixed.body);
      return;
    }
    const file = normalize(join(base, path === '/' ? 'index.html' : path));
    if (!file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The example app's folder. */
export const ANGULAR_EXAMPLE = resolve(__dirname, '..', '..', 'examples', 'angular');

/**
 * Builds the Angular example with the Angular CLI (`ng build`, the application builder) into
 * `outDir`; resolves with the folder of the browser files.
 */
export function buildAngularExample(outDir: string): Promise<string> {
  const ng = require.resolve('@angular/cli/bin/ng.js', { paths: [ANGULAR_EXAMPLE] });
  return new Promise<string>((done, fail) => {
    execFile(
      process.execPath,
      [ng, 'build', '--output-path', outDir, '--progress=false'],
      { cwd: ANGULAR_EXAMPLE, env: { ...process.env, NG_CLI_ANALYTICS: 'false', CI: 'true' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) fail(new Error(`ng build failed:\n${stdout}\n${stderr}`));
        else done(join(outDir, 'browser'));
      },
    );
  });
}
