import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { firstValueFrom, take } from 'rxjs';
import { ContentType, DownloadError, Size, type PixivClient } from '../../lib';
import { downloadFile, downloadIllustration, downloadIllustrations } from '../../lib/node';
import { FakePixivServer } from '../../lib/testing';
import { readZip } from '../testing/zip-reader';
import { clientOf, collect, failure } from './helpers';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('downloads over the fake image host', () => {
  let server: FakePixivServer;
  let client: PixivClient;
  let directory: string;

  beforeEach(async () => {
    server = await FakePixivServer.start({ seed: 6, imageBytes: (path) => (path.includes('img-original') ? 200_000 : 5_000) });
    client = clientOf(server);
    directory = mkdtempSync(join(tmpdir(), 'pixiv-rx-fake-'));
  });

  afterEach(async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('downloads works byte-exact, at most `concurrency` transfers at once, with the Referer and no token', async () => {
    const results = await collect(
      client
        .userIllustrations$(server.world.showcaseUserId, { contentType: ContentType.MANGA })
        .pipe(take(4), downloadIllustrations(client, { directory, concurrency: 3 })),
    );
    expect(results).toHaveLength(4);
    for (const result of results) {
      const work = server.world.illustration(result.illustration.id);
      expect(result.paths).toHaveLength(work?.pageCount as number);
      result.paths.forEach((path, page) => {
        const url = work?.originalUrls[page] as string;
        expect(basename(path)).toBe(basename(new URL(url).pathname));
        expect(sha256(path)).toBe(server.expectedSha256(url));
      });
    }
    const images = server.requests({ origin: 'image' });
    expect(images.length).toBeGreaterThan(4);
    expect(server.counters.imageTransfers.max).toBeLessThanOrEqual(3);
    expect(images.every((entry) => entry.headers.referer === 'https://app-api.pixiv.net/')).toBe(true);
    expect(images.every((entry) => entry.headers.authorization === undefined)).toBe(true);
    expect(readdirSync(directory).some((name) => name.endsWith('.part'))).toBe(false);
  });

  it('skips files that exist without a request', async () => {
    const work = await firstValueFrom(client.illustration$(server.world.samples.singleIllustId));
    await firstValueFrom(downloadIllustration(client, work, { directory }));
    server.resetLog();
    const again = await firstValueFrom(downloadIllustration(client, work, { directory }));
    expect(again.skipped).toBe(true);
    expect(server.requests({ origin: 'image' })).toHaveLength(0);
  });

  it('recovers from a connection reset mid-file', async () => {
    const work = await firstValueFrom(client.illustration$(server.world.samples.singleIllustId));
    server.resetNext({ origin: 'image' }, 1, { afterBytes: 70_000 });
    const result = await firstValueFrom(downloadIllustration(client, work, { directory }));
    expect(sha256(result.paths[0])).toBe(server.expectedSha256(work.imageUrls[Size.ORIGINAL] as string));
    const images = server.requests({ origin: 'image' });
    expect(images[0]?.fault).toBe('reset');
    expect(images.length).toBeGreaterThanOrEqual(2);
  });

  it('fails with DownloadError when the image host keeps refusing', async () => {
    const work = await firstValueFrom(client.illustration$(server.world.samples.singleIllustId));
    const error = await failure(downloadIllustration(client, work, { directory, referer: 'https://example.com/' }));
    expect(error).toBeInstanceOf(DownloadError);
    expect(existsSync(join(directory, `${work.id}.png`)) || existsSync(join(directory, `${work.id}.jpg`))).toBe(false);
  });

  it('downloads a ugoira zip that unzips to the frames of the metadata', async () => {
    const work = await firstValueFrom(client.illustration$(server.world.samples.ugoiraIllustId));
    const result = await firstValueFrom(downloadIllustration(client, work, { directory, ugoira: 'zip' }));
    const zipPath = result.paths.find((path) => path.endsWith('.zip')) as string;
    const files = readZip(readFileSync(zipPath));
    expect(files.map((file) => file.name)).toEqual(server.world.illustration(work.id)?.ugoiraFrames?.map((f) => f.file));
  });

  it('downloads a single file with downloadFile', async () => {
    const url = server.world.illustration(server.world.samples.singleIllustId)?.originalUrls[0] as string;
    const destination = join(directory, 'one.bin');
    const file = await firstValueFrom(downloadFile(client, url, destination));
    expect(file.bytes).toBe(server.imageSizeOf(url));
    expect(sha256(destination)).toBe(server.expectedSha256(url));
  });

  it('aborts transfers on unsubscribe and leaves no incomplete final file', async () => {
    const work = await firstValueFrom(client.illustration$(server.world.samples.singleIllustId));
    server.trickle({ origin: 'image' }, 4_096, 20);
    const subscription = downloadIllustration(client, work, { directory }).subscribe();
    await new Promise((resolve) => setTimeout(resolve, 150));
    subscription.unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests({ origin: 'image' })[0]?.aborted).toBe(true);
    const finals = readdirSync(directory).filter((name) => !name.endsWith('.part'));
    expect(finals).toEqual([]);
  });
});
