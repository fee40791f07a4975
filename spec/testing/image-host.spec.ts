import { createHash } from 'node:crypto';
import * as http from 'node:http';
import { FakePixivServer } from '../../lib/testing';
import { PIXIV_REFERER, request } from './http-helpers';
import { readZip } from './zip-reader';

describe('FakePixivServer image host', () => {
  let server: FakePixivServer;

  beforeAll(async () => {
    server = await FakePixivServer.start({ seed: 11 });
  });

  afterAll(() => server.close());

  const image = (url: string, headers: Record<string, string> = {}) =>
    request(url, { headers: { Referer: PIXIV_REFERER, ...headers } });

  it('is a separate origin from the API', () => {
    expect(new URL(server.imageBaseUrl).port).not.toBe(new URL(server.apiBaseUrl).port);
  });

  it('serves an original with Content-Length and the bytes imageBytesOf and expectedSha256 promise', async () => {
    const url = server.world.illustration(server.world.samples.singleIllustId)?.originalUrls[0] as string;
    const res = await image(url);
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.body.equals(server.imageBytesOf(url))).toBe(true);
    expect(createHash('sha256').update(res.body).digest('hex')).toBe(server.expectedSha256(url));
    expect(res.body.length).toBe(server.imageSizeOf(url));
    const magic = url.endsWith('.png') ? '89504e47' : 'ffd8ff';
    expect(res.body.subarray(0, 4).toString('hex').startsWith(magic)).toBe(true);
  });

  it('computes the same bytes without a server', () => {
    const path = new URL(server.world.illustration(server.world.samples.multiPageIllustId)?.originalUrls[1] as string).pathname;
    expect(FakePixivServer.imageBytesOf(path, { seed: 11 }).equals(server.imageBytesOf(path))).toBe(true);
    expect(FakePixivServer.expectedSha256(path, { seed: 11 })).toBe(server.expectedSha256(path));
  });

  it('serves every page of a multi-page work and the crops of the body URLs', async () => {
    const id = server.world.samples.multiPageIllustId;
    const work = server.world.illustration(id);
    for (const url of work?.originalUrls ?? []) expect((await image(url)).status).toBe(200);
    const token = server.issueAccessToken();
    const detail = await request(`${server.apiBaseUrl}/v1/illust/detail?illust_id=${id}`, {
      headers: { 'User-Agent': 'PixivAndroidApp/5.0.234 (Android 11; Pixel 5)', Authorization: `Bearer ${token}` },
    });
    const { illust } = detail.json();
    for (const url of Object.values<string>(illust.image_urls)) expect((await image(url)).status).toBe(200);
    expect((await image(illust.user.profile_image_urls.medium)).status).toBe(200);
  });

  it.each([
    ['no Referer', 403, undefined],
    ['a foreign Referer', 403, 'https://example.com/'],
    ['the app Referer', 200, 'https://app-api.pixiv.net/'],
    ['a www.pixiv.net page', 200, 'https://www.pixiv.net/artworks/1'],
  ])('answers %s with %i', async (_, status, referer) => {
    const url = server.world.illustration(server.world.samples.singleIllustId)?.originalUrls[0] as string;
    const res = await request(url, { headers: referer ? { Referer: referer } : {} });
    expect(res.status).toBe(status);
  });

  it('serves placeholder images (s.pximg.net) without a Referer check', async () => {
    const res = await request(`${server.imageBaseUrl}/common/images/limit_sanity_level_360.png`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
  });

  it('answers 404 for paths no work has', async () => {
    const url = server.world.illustration(server.world.samples.singleIllustId)?.originalUrls[0] as string;
    expect((await image(url.replace('_p0', '_p7'))).status).toBe(404);
    expect((await image(url.replace(/\/\d{4}\//, '/1999/'))).status).toBe(404);
    expect((await image(`${server.imageBaseUrl}/img-original/img/2025/01/01/00/00/00/1_p0.png`)).status).toBe(404);
  });

  describe('Range', () => {
    const url = () => server.world.illustration(server.world.samples.singleIllustId)?.originalUrls[0] as string;

    it('answers bytes=a-b with 206 and Content-Range', async () => {
      const all = server.imageBytesOf(url());
      const res = await image(url(), { Range: 'bytes=100-199' });
      expect(res.status).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes 100-199/${all.length}`);
      expect(res.headers['content-length']).toBe('100');
      expect(res.body.equals(all.subarray(100, 200))).toBe(true);
    });

    it('answers open and suffix ranges', async () => {
      const all = server.imageBytesOf(url());
      const open = await image(url(), { Range: 'bytes=1000-' });
      expect(open.body.equals(all.subarray(1000))).toBe(true);
      const suffix = await image(url(), { Range: 'bytes=-10' });
      expect(suffix.headers['content-range']).toBe(`bytes ${all.length - 10}-${all.length - 1}/${all.length}`);
      expect(suffix.body.equals(all.subarray(all.length - 10))).toBe(true);
    });

    it('answers 416 with bytes */size when unsatisfiable', async () => {
      const size = server.imageSizeOf(url());
      const res = await image(url(), { Range: `bytes=${size}-` });
      expect(res.status).toBe(416);
      expect(res.headers['content-range']).toBe(`bytes */${size}`);
    });

    it('answers HEAD with the headers only', async () => {
      const res = await request(url(), { method: 'HEAD', headers: { Referer: PIXIV_REFERER } });
      expect(res.status).toBe(200);
      expect(Number(res.headers['content-length'])).toBe(server.imageSizeOf(url()));
      expect(res.body.length).toBe(0);
    });
  });

  describe('ugoira zips', () => {
    it('serves a valid stored zip of jpg frames with correct CRCs, named as the metadata says', async () => {
      const work = server.world.illustration(server.world.samples.ugoiraIllustId);
      for (const zipUrl of [work?.zipUrls?.medium, work?.zipUrls?.large] as string[]) {
        const res = await image(zipUrl);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/zip');
        const files = readZip(res.body);
        expect(files.map((f) => f.name)).toEqual(work?.ugoiraFrames?.map((f) => f.file));
        for (const file of files) {
          expect(file.method).toBe(0);
          expect(file.data.subarray(0, 2).toString('hex')).toBe('ffd8');
          expect(file.data.subarray(-2).toString('hex')).toBe('ffd9');
        }
        expect(res.body.equals(server.imageBytesOf(zipUrl))).toBe(true);
      }
    });

    it('makes the 1920x1080 zip bigger than the 600x600 one', () => {
      const work = server.world.illustration(server.world.samples.ugoiraIllustId);
      expect(server.imageSizeOf(work?.zipUrls?.large as string)).toBeGreaterThan(server.imageSizeOf(work?.zipUrls?.medium as string));
    });
  });

  describe('sizes', () => {
    it('uses imageBytes (a number or a function of the path)', async () => {
      const fixed = await FakePixivServer.start({ imageBytes: 1234 });
      try {
        const url = fixed.world.illustration(fixed.world.samples.singleIllustId)?.originalUrls[0] as string;
        expect((await image(url)).body.length).toBe(1234);
      } finally {
        await fixed.close();
      }
      const byPath = await FakePixivServer.start({ imageBytes: (path) => (path.includes('img-original') ? 5000 : 10) });
      try {
        const work = byPath.world.illustration(byPath.world.samples.singleIllustId);
        expect(byPath.imageSizeOf(work?.originalUrls[0] as string)).toBe(5000);
      } finally {
        await byPath.close();
      }
    });

    it('streams a 50 MiB image without holding it, byte-exact', async () => {
      const big = await FakePixivServer.start({ imageBytes: 50 * 1024 * 1024 });
      try {
        const url = big.world.illustration(big.world.samples.singleIllustId)?.originalUrls[0] as string;
        const digest = createHash('sha256');
        let length = 0;
        await new Promise<void>((resolve, reject) => {
          http
            .get(url, { headers: { Referer: PIXIV_REFERER }, agent: false }, (res) => {
              expect(res.headers['content-length']).toBe(String(50 * 1024 * 1024));
              res.on('data', (chunk: Buffer) => {
                length += chunk.length;
                digest.update(chunk);
              });
              res.on('end', resolve);
              res.on('error', reject);
            })
            .on('error', reject);
        });
        expect(length).toBe(50 * 1024 * 1024);
        expect(digest.digest('hex')).toBe(big.expectedSha256(url));
        const tail = await image(url, { Range: `bytes=${50 * 1024 * 1024 - 100}-` });
        expect(tail.body.length).toBe(100);
      } finally {
        await big.close();
      }
    });
  });

  it('counts current and max concurrent image transfers', async () => {
    const slow = await FakePixivServer.start();
    try {
      slow.latency(60, { origin: 'image' });
      const urls = slow.world.illustrationsOf(slow.world.showcaseUserId).slice(0, 5).map((w) => w.originalUrls[0]);
      await Promise.all(urls.map((url) => image(url)));
      expect(slow.counters.imageTransfers).toEqual({ current: 0, max: 5 });
    } finally {
      await slow.close();
    }
  });
});
