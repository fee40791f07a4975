import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ANDROID_APP } from '../../lib/http/headers';
import { createPixivProxy, type PixivProxy } from '../../lib/node';
import { FakePixivServer } from '../../lib/testing';
import { buildAngularExample, launchChromium, serveStatic, type StaticSite } from './support';

/**
 * The Angular example, built with the Angular CLI, in Chromium: the app on one loopback origin,
 * the proxy on another, FakePixivServer (with Pixiv's own URLs in its bodies) behind the proxy.
 */
describe('the Angular example in Chromium', () => {
  let out: string;
  let fake: FakePixivServer;
  let proxy: PixivProxy;
  let site: StaticSite;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let userId: number;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'pixiv-rx-angular-'));
    const [dir] = await Promise.all([
      buildAngularExample(out),
      (async () => {
        fake = await FakePixivServer.start({ officialUrls: true, users: 8, worksPerUser: 4, showcaseWorks: 10, prolificWorks: 90 });
      })(),
    ]);
    userId = fake.world.prolificUserId;
    // the app's origin must be known before the proxy starts: serve first, then tell the app
    let settings = '';
    site = await serveStatic(dir, {
      '/settings.json': {
        type: 'application/json',
        get body() {
          return settings;
        },
      },
    });
    proxy = await createPixivProxy({
      allowOrigins: [site.url],
      upstream: { api: fake.apiBaseUrl, oauth: fake.oauthBaseUrl, image: fake.imageBaseUrl },
    });
    settings = JSON.stringify({ proxyUrl: proxy.url, refreshToken: fake.refreshToken, userId });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await site?.close();
    await fake?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  const titles = (page: Page) => page.locator('.work-title').allTextContents();
  const settled = (page: Page, count: number) =>
    page.waitForFunction(
      (n) => document.querySelectorAll('.work-title').length === n && document.querySelector('.works')?.getAttribute('data-loading') === 'false',
      count,
    );

  /** What one visit showed and sent: the page opened, 30 works, "Load more", 60 works. */
  interface Visit {
    readonly first: string[];
    readonly afterMore: string[];
    readonly widths: number[];
    /** Thumbnail answers the page got: status and body length. */
    readonly thumbnails: { readonly url: string; readonly status: number; readonly bytes: number }[];
    readonly origins: string[];
    readonly consoleErrors: string[];
  }
  let visit: Visit;

  beforeAll(async () => {
    const page = await browser.context.newPage();
    const consoleErrors: string[] = [];
    const origins = new Set<string>();
    const thumbnails: Promise<Visit['thumbnails'][number]>[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    page.on('response', (response) => {
      if (new URL(response.url()).pathname !== '/image') return;
      thumbnails.push(response.body().then((body) => ({ url: response.url(), status: response.status(), bytes: body.length })));
    });
    fake.resetLog();

    await page.goto(site.url);
    await settled(page, 30);
    const first = await titles(page);
    await page.locator('button.load-more').click();
    await settled(page, 60);
    const afterMore = await titles(page);
    await page.waitForFunction(() => [...document.images].every((image) => image.complete));
    const widths = await page
      .locator('img.thumbnail')
      .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth));
    visit = { first, afterMore, widths, thumbnails: await Promise.all(thumbnails), origins: [...origins], consoleErrors };
    await page.close();
  }, 60_000);

  it('shows the artist\'s first 30 titles in order', () => {
    const expected = fake.world.illustrationsOf(userId, 'illust').map((work) => work.title);
    expect(visit.first).toEqual(expected.slice(0, 30));
  });

  it('shows 30 more after "Load more"', () => {
    const expected = fake.world.illustrationsOf(userId, 'illust').map((work) => work.title);
    expect(visit.afterMore).toEqual(expected.slice(0, 60));
  });

  it('gets every thumbnail through the proxy, byte for byte', () => {
    const works = fake.world.illustrationsOf(userId, 'illust').slice(0, 60);
    expect(visit.thumbnails.map((answer) => answer.status)).toEqual(works.map(() => 200));
    for (const answer of visit.thumbnails) {
      const imageUrl = new URL(answer.url).searchParams.get('url') as string;
      expect(imageUrl).toMatch(/^https:\/\/i\.pximg\.net\//);
      expect(answer.bytes).toBe(fake.imageSizeOf(imageUrl));
    }
  });

  it('decodes every thumbnail (natural width > 0)', () => {
    expect(visit.widths).toHaveLength(60);
    expect(visit.widths.filter((width) => width === 0)).toEqual([]);
  });

  it('talks to its own origin and the proxy only, without an error in the console', () => {
    expect(visit.origins.sort()).toEqual([proxy.url, site.url].sort());
    expect(visit.consoleErrors).toEqual([]);
  });

  it('reaches Pixiv only through the proxy: app headers on every request, the token on API requests only', () => {
    const log = fake.requests('*');
    expect(log.filter((entry) => entry.origin === 'oauth').map((entry) => entry.path)).toEqual(['/auth/token']);
    const api = log.filter((entry) => entry.origin === 'api');
    const images = log.filter((entry) => entry.origin === 'image');
    expect(api.map((entry) => entry.path)).toEqual(['/v1/user/illusts', '/v1/user/illusts', '/v1/user/illusts']);
    expect(images).toHaveLength(60);
    for (const entry of log) {
      // Chromium's own User-Agent would say HeadlessChrome; a page cannot send the app's
      expect(entry.headers['user-agent']).toBe(ANDROID_APP.userAgent);
      expect(entry.headers.origin).toBeUndefined();
    }
    for (const entry of api) {
      expect(entry.headers).toMatchObject({ 'app-os': 'android', 'app-version': ANDROID_APP.appVersion });
      expect(entry.headers.authorization).toMatch(/^Bearer /);
    }
    for (const entry of images) {
      expect(entry.headers.authorization).toBeUndefined();
      expect(entry.headers.referer).toBe('https://app-api.pixiv.net/');
    }
  });
});
