import { chromium } from 'playwright-core';
import { FakePixivServer } from '../../lib/testing';

describe('FakePixivServer images in a browser', () => {
  it('decode in Chromium whatever their size: JPEG crops and originals, PNG originals', async () => {
    const server = await FakePixivServer.start({ seed: 3, imageBytes: (path) => (path.includes('_square1200') ? 300 : 20_000) });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking'],
    });
    try {
      const works = server.world.illustrationsOf(server.world.showcaseUserId).filter((w) => w.type === 'illust');
      const png = works.find((w) => w.originalExtension === 'png');
      const jpg = works.find((w) => w.originalExtension === 'jpg');
      expect(png && jpg).toBeTruthy();
      const urls = [
        server.world.imageBaseUrl + server.world.imagePath(works[0], 0, 'square_medium', true),
        server.world.imageBaseUrl + server.world.imagePath(works[0], 0, 'large', true),
        png!.originalUrls[0],
        jpg!.originalUrls[0],
      ];
      const page = await browser.newPage();
      const type = (url: string) => (url.endsWith('.png') ? 'image/png' : 'image/jpeg');
      await page.setContent(urls.map((url) => `<img src="data:${type(url)};base64,${server.imageBytesOf(url).toString('base64')}">`).join(''));
      await page.waitForLoadState('load');
      const widths = await page.locator('img').evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth));
      expect(widths).toEqual([16, 16, 16, 16]);
      expect(urls.map((url) => server.imageSizeOf(url))).toEqual([300, 20_000, 20_000, 20_000]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
