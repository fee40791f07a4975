import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { lastValueFrom, of, throwError } from 'rxjs';
import { DownloadError, NetworkError, PixivApiError } from '../../lib/errors';
import { ContentType, Illustration, Size } from '../../lib/models';
import { DownloadProgress, DownloadResult, downloadIllustration } from '../../lib/node';
import { ImageServer, sha256 } from './image-server';
import { failure, listFiles, makeClient, makeTempDir, multiPage, removeDir, singlePage } from './support';

describe('downloadIllustration', () => {
  let server: ImageServer;
  let dir: string;

  beforeEach(async () => {
    server = await ImageServer.start();
    dir = await makeTempDir();
  });

  afterEach(async () => {
    await server.close();
    await removeDir(dir);
  });

  it('writes a single-page work to <directory>/<id><ext>', async () => {
    const content = server.addFile('/img-original/100_p0.png', 20_000);
    const work = singlePage(server.origin, 100);

    const result = await lastValueFrom(downloadIllustration(makeClient(), work, { directory: dir }));

    expect(result).toEqual({ illustration: work, paths: [path.join(dir, '100.png')], bytes: 20_000, skipped: false });
    expect(sha256(await fs.readFile(path.join(dir, '100.png')))).toBe(sha256(content));
  });

  it('writes a multi-page work to a folder, one file per page named as its URL, in page order', async () => {
    const pages = [0, 1, 2].map((i) => server.addFile(`/img-original/200_p${i}.jpg`, 10_000 + i * 1000));
    const work = multiPage(server.origin, 200, 3);

    const result = await lastValueFrom(downloadIllustration(makeClient(), work, { directory: dir }));

    expect(result.paths).toEqual([0, 1, 2].map((i) => path.join(dir, '200', `200_p${i}.jpg`)));
    expect(result.bytes).toBe(33_000);
    for (const [i, content] of pages.entries()) {
      expect(sha256(await fs.readFile(result.paths[i]))).toBe(sha256(content));
    }
    expect(await listFiles(dir)).toEqual(['200/200_p0.jpg', '200/200_p1.jpg', '200/200_p2.jpg']);
  });

  it('creates a directory that does not exist', async () => {
    server.addFile('/img-original/101_p0.png', 1000);
    const directory = path.join(dir, 'new', 'folder');

    const result = await lastValueFrom(downloadIllustration(makeClient(), singlePage(server.origin, 101), { directory }));

    expect(result.paths).toEqual([path.join(directory, '101.png')]);
  });

  it('picks the image of the size asked for', async () => {
    const large = server.addFile('/c/600x1200/102_p0_master1200.jpg', 5000);
    const pages = [0, 1].map((i) => server.addFile(`/c/540x540/202_p${i}_master1200.jpg`, 3000));

    const single = await lastValueFrom(
      downloadIllustration(makeClient(), singlePage(server.origin, 102), { directory: dir, size: Size.LARGE }),
    );
    const multi = await lastValueFrom(
      downloadIllustration(makeClient(), multiPage(server.origin, 202, 2), { directory: dir, size: Size.MEDIUM }),
    );

    expect(single.paths).toEqual([path.join(dir, '102.jpg')]);
    expect(sha256(await fs.readFile(single.paths[0]))).toBe(sha256(large));
    expect(multi.paths).toEqual([0, 1].map((i) => path.join(dir, '202', `202_p${i}_master1200.jpg`)));
    expect(sha256(await fs.readFile(multi.paths[1]))).toBe(sha256(pages[1]));
  });

  it('names the file by the filename option, a string or a function of the illustration', async () => {
    server.addFile('/img-original/103_p0.png', 1000);
    server.addFile('/img-original/203_p0.jpg', 1000);
    server.addFile('/img-original/203_p1.jpg', 1000);

    const single = await lastValueFrom(
      downloadIllustration(makeClient(), singlePage(server.origin, 103), { directory: dir, filename: 'cover' }),
    );
    const multi = await lastValueFrom(
      downloadIllustration(makeClient(), multiPage(server.origin, 203, 2), {
        directory: dir,
        filename: (work) => `${work.user.account}-${work.id}`,
      }),
    );

    expect(single.paths).toEqual([path.join(dir, 'cover.png')]);
    expect(multi.paths).toEqual([path.join(dir, 'artist-203', '203_p0.jpg'), path.join(dir, 'artist-203', '203_p1.jpg')]);
  });

  it('skips the pages that exist without requesting them', async () => {
    server.addFile('/img-original/204_p0.jpg', 1000);
    const second = server.addFile('/img-original/204_p1.jpg', 2000);
    await fs.mkdir(path.join(dir, '204'));
    await fs.writeFile(path.join(dir, '204', '204_p0.jpg'), 'done');
    const work = multiPage(server.origin, 204, 2);

    const first = await lastValueFrom(downloadIllustration(makeClient(), work, { directory: dir }));
    const again = await lastValueFrom(downloadIllustration(makeClient(), work, { directory: dir }));

    expect(server.requests.map((request) => request.path)).toEqual(['/img-original/204_p1.jpg']);
    expect(first).toMatchObject({ skipped: false, bytes: 4 + 2000 });
    expect(again).toMatchObject({ skipped: true, bytes: 4 + 2000 });
    expect(sha256(await fs.readFile(path.join(dir, '204', '204_p1.jpg')))).toBe(sha256(second));
  });

  it('downloads existing pages again with overwrite', async () => {
    const content = server.addFile('/img-original/104_p0.png', 1000);
    await fs.writeFile(path.join(dir, '104.png'), 'old');

    const result = await lastValueFrom(
      downloadIllustration(makeClient(), singlePage(server.origin, 104), { directory: dir, overwrite: true }),
    );

    expect(result.skipped).toBe(false);
    expect(sha256(await fs.readFile(path.join(dir, '104.png')))).toBe(sha256(content));
  });

  it.each([
    ['..', { filename: '..' }],
    ['an absolute filename', { filename: '/abs' }],
    ['a filename with a separator', { filename: 'a/b' }],
    ['a filename with a backslash', { filename: 'a\\b' }],
    ['a filename with NUL', { filename: 'a\0b' }],
    ['a function returning ../x', { filename: () => '../x' }],
    ['a directory with .. segments', { directory: 'downloads/../..' }],
    ['a directory with NUL', { directory: '/tmp/a\0b' }],
  ])('refuses %s with a TypeError before any request', async (_what, options) => {
    server.addFile('/img-original/105_p0.png', 1000);

    const error = await failure(
      lastValueFrom(downloadIllustration(makeClient(), singlePage(server.origin, 105), { directory: dir, ...options })),
    );

    expect(error).toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(0);
    expect(await listFiles(dir)).toEqual([]);
  });

  it('refuses a page URL whose file name would leave the folder', async () => {
    const work = multiPage(server.origin, 206, 2);
    const hostile: Illustration = {
      ...work,
      metaPages: [work.metaPages[0], { ...work.metaPages[1], [Size.ORIGINAL]: `${server.origin}/img/..%2Fevil.jpg` }],
    };

    const error = await failure(lastValueFrom(downloadIllustration(makeClient(), hostile, { directory: dir })));

    expect(error).toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it('does not download a restricted placeholder', async () => {
    const placeholder = singlePage(server.origin, 106, {
      visible: false,
      imageUrls: {
        square_medium: `${server.origin}/common/images/limit_sanity_level_360.png`,
        medium: `${server.origin}/common/images/limit_sanity_level_360.png`,
        large: `${server.origin}/common/images/limit_sanity_level_360.png`,
        original: `${server.origin}/common/images/limit_sanity_level_360.png`,
      },
    });

    const result = await lastValueFrom(downloadIllustration(makeClient(), placeholder, { directory: dir }));

    expect(result).toEqual({ illustration: placeholder, paths: [], bytes: 0, skipped: true });
    expect(server.requests).toHaveLength(0);
  });

  it('fails with a DownloadError for the page that fails, and keeps no incomplete page', async () => {
    server.addFile('/img-original/207_p0.jpg', 1000);
    server.addFile('/img-original/207_p1.jpg', 1000);
    server.failAlways('/img-original/207_p1.jpg', { kind: 'status', status: 500 });

    const error = await failure(
      lastValueFrom(downloadIllustration(makeClient({ maxRetries: 1 }), multiPage(server.origin, 207, 2), { directory: dir })),
    );

    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).url).toBe(server.url('/img-original/207_p1.jpg'));
    expect((error as DownloadError).path).toBe(path.join(dir, '207', '207_p1.jpg'));
    expect((await listFiles(dir)).filter((file) => file.endsWith('p1.jpg'))).toEqual([]);
  });

  it('turns a filename too long for the filesystem into a DownloadError', async () => {
    server.addFile('/img-original/107_p0.png', 1000);

    const error = await failure(
      lastValueFrom(downloadIllustration(makeClient(), singlePage(server.origin, 107), { directory: dir, filename: 'n'.repeat(400) })),
    );

    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).message).toContain('ENAMETOOLONG');
  });

  it('reports progress with the illustration and the final path, ending with received === total', async () => {
    server.addFile('/img-original/108_p0.png', 200_000);
    const calls: DownloadProgress[] = [];
    const work = singlePage(server.origin, 108);

    await lastValueFrom(downloadIllustration(makeClient(), work, { directory: dir, onProgress: (p) => calls.push(p) }));

    expect(calls[calls.length - 1]).toEqual({
      illustration: work,
      path: path.join(dir, '108.png'),
      received: 200_000,
      total: 200_000,
    });
  });

  it('bounds the transfers of one work by concurrency', async () => {
    for (let i = 0; i < 8; i++) server.addFile(`/img-original/208_p${i}.jpg`, 20_000);
    server.latencyMs = 10;

    const result = await lastValueFrom(
      downloadIllustration(makeClient(), multiPage(server.origin, 208, 8), { directory: dir, concurrency: 2 }),
    );

    expect(result.paths).toHaveLength(8);
    expect(server.peak).toBe(2);
  });

  describe('ugoira', () => {
    const zipBase = '/img-zip-ugoira/img/2025/01/22/22/57/49/300';
    const frames = [
      { file: '000000.jpg', delay: 60 },
      { file: '000001.jpg', delay: 70 },
    ];
    const ugoira = (id = 300, overrides: Partial<Illustration> = {}): Illustration =>
      singlePage(server.origin, id, {
        type: ContentType.UGOIRA,
        imageUrls: {
          square_medium: `${server.origin}/c/360x360/${id}_square1200.jpg`,
          medium: `${server.origin}/c/540x540/${id}_master1200.jpg`,
          large: `${server.origin}/c/600x1200/${id}_master1200.jpg`,
          original: `${server.origin}/img-original/${id}_ugoira0.jpg`,
        },
        ...overrides,
      });
    const metadataClient = () =>
      makeClient({ ugoira: () => of({ zipUrls: { medium: `${server.origin}${zipBase}_ugoira600x600.zip` }, frames }) });

    it("downloads the first frame by default, as the original library did", async () => {
      const frame = server.addFile('/img-original/300_ugoira0.jpg', 4000);
      const client = metadataClient();

      const result = await lastValueFrom(downloadIllustration(client, ugoira(), { directory: dir }));

      expect(result.paths).toEqual([path.join(dir, '300.jpg')]);
      expect(sha256(await fs.readFile(result.paths[0]))).toBe(sha256(frame));
      expect(client.metadataCalls).toEqual([]);
    });

    it("with ugoira: 'zip', saves the 1920x1080 zip and the frame delays beside it", async () => {
      const zip = server.addFile(`${zipBase}_ugoira1920x1080.zip`, 50_000);
      server.addFile(`${zipBase}_ugoira600x600.zip`, 10_000);
      const client = metadataClient();

      const result = await lastValueFrom(downloadIllustration(client, ugoira(), { directory: dir, ugoira: 'zip' }));

      const jsonPath = path.join(dir, '300.ugoira.json');
      expect(result.paths).toEqual([path.join(dir, '300.zip'), jsonPath]);
      expect(sha256(await fs.readFile(path.join(dir, '300.zip')))).toBe(sha256(zip));
      expect(JSON.parse(await fs.readFile(jsonPath, 'utf8'))).toEqual({
        illustrationId: 300,
        zipUrl: server.url(`${zipBase}_ugoira1920x1080.zip`),
        frames,
      });
      expect(result.bytes).toBe(50_000 + (await fs.stat(jsonPath)).size);
      expect(client.metadataCalls).toEqual([300]);
      expect(server.requests.map((request) => request.path)).toEqual([`${zipBase}_ugoira1920x1080.zip`]);
    });

    it('falls back to the 600x600 zip when the 1920x1080 one is not there', async () => {
      const zip = server.addFile(`${zipBase}_ugoira600x600.zip`, 10_000);

      const result = await lastValueFrom(downloadIllustration(metadataClient(), ugoira(), { directory: dir, ugoira: 'zip' }));

      expect(sha256(await fs.readFile(result.paths[0]))).toBe(sha256(zip));
      expect(JSON.parse(await fs.readFile(result.paths[1], 'utf8')).zipUrl).toBe(server.url(`${zipBase}_ugoira600x600.zip`));
      expect(server.requests.map((request) => request.path)).toEqual([
        `${zipBase}_ugoira1920x1080.zip`,
        `${zipBase}_ugoira600x600.zip`,
      ]);
    });

    it('takes the 600x600 zip for sizes below ORIGINAL', async () => {
      server.addFile(`${zipBase}_ugoira600x600.zip`, 10_000);

      await lastValueFrom(downloadIllustration(metadataClient(), ugoira(), { directory: dir, ugoira: 'zip', size: Size.LARGE }));

      expect(server.requests.map((request) => request.path)).toEqual([`${zipBase}_ugoira600x600.zip`]);
    });

    it('skips a ugoira whose zip and json exist, without asking for its metadata', async () => {
      await fs.writeFile(path.join(dir, '300.zip'), 'zip');
      await fs.writeFile(path.join(dir, '300.ugoira.json'), '{}');
      const client = metadataClient();

      const result = await lastValueFrom(downloadIllustration(client, ugoira(), { directory: dir, ugoira: 'zip' }));

      expect(result).toMatchObject({ skipped: true, bytes: 5 });
      expect(client.metadataCalls).toEqual([]);
      expect(server.requests).toHaveLength(0);
    });

    it('fails with a DownloadError whose cause is the metadata failure', async () => {
      const cause = new NetworkError('Network error ECONNREFUSED', {
        kind: 'refused',
        reachedServer: false,
        request: { method: 'GET', url: 'https://app-api.pixiv.net/v1/ugoira/metadata?illust_id=300' },
      });
      const client = makeClient({ ugoira: () => throwError(() => cause) });

      const error = await failure(lastValueFrom(downloadIllustration(client, ugoira(), { directory: dir, ugoira: 'zip' })));

      expect(error).toBeInstanceOf(DownloadError);
      expect((error as DownloadError).cause).toBe(cause);
      expect((error as DownloadError).path).toBe(path.join(dir, '300.zip'));
    });

    it('fails with a DownloadError when neither zip exists', async () => {
      const error = await failure(
        lastValueFrom(downloadIllustration(metadataClient(), ugoira(), { directory: dir, ugoira: 'zip' })),
      );

      expect(error).toBeInstanceOf(DownloadError);
      expect(((error as DownloadError).cause as PixivApiError).status).toBe(404);
      expect((error as DownloadError).url).toBe(server.url(`${zipBase}_ugoira600x600.zip`));
      expect(await listFiles(dir)).toEqual([]);
    });
  });

  it('emits exactly one result', async () => {
    server.addFile('/img-original/109_p0.png', 1000);
    const results: DownloadResult[] = [];

    await new Promise<void>((resolve, reject) =>
      downloadIllustration(makeClient(), singlePage(server.origin, 109), { directory: dir }).subscribe({
        next: (result) => results.push(result),
        error: reject,
        complete: resolve,
      }),
    );

    expect(results).toHaveLength(1);
  });
});
