import axios from 'axios';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { DownloadError, NetworkError, PixivApiError, RateLimitError } from '../../lib/errors';
import { FileProgress, downloadFile } from '../../lib/node';
import { ImageServer, sha256 } from './image-server';
import { exists, failure, listFiles, makeClient, makeTempDir, removeDir } from './support';

describe('downloadFile', () => {
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

  it('writes the image byte for byte and leaves no .part', async () => {
    const content = server.addFile('/img/1_p0.png', 300_000);
    const destination = path.join(dir, '1.png');

    const result = await lastValueFrom(downloadFile(makeClient(), server.url('/img/1_p0.png'), destination));

    expect(result).toEqual({ path: destination, bytes: content.length, skipped: false });
    expect(sha256(await fs.readFile(destination))).toBe(sha256(content));
    expect(await listFiles(dir)).toEqual(['1.png']);
  });

  it('creates the folder of the destination', async () => {
    const content = server.addFile('/img/2_p0.png', 1000);
    const destination = path.join(dir, 'a', 'b', '2.png');

    await lastValueFrom(downloadFile(makeClient(), server.url('/img/2_p0.png'), destination));

    expect(sha256(await fs.readFile(destination))).toBe(sha256(content));
  });

  it('sends the pixiv Referer and never Authorization, even when the instance adds one', async () => {
    server.addFile('/img/3_p0.png', 1000);
    const instance = axios.create({ headers: { common: { Authorization: 'Bearer default-token' } } });
    instance.defaults.headers.common.Authorization = 'Bearer default-token';
    instance.interceptors.request.use((config) => {
      config.headers.set('Authorization', 'Bearer interceptor-token');
      return config;
    });

    await lastValueFrom(downloadFile(makeClient({ axios: instance }), server.url('/img/3_p0.png'), path.join(dir, '3.png')));

    const [request] = server.requests;
    expect(request.headers.referer).toBe('https://app-api.pixiv.net/');
    expect(request.headers.authorization).toBeUndefined();
  });

  it.each([
    ['straight through node:http', false],
    ['through an axios instance', true],
  ])('sends the app User-Agent %s', async (_way, withAxios) => {
    server.addFile('/img/8_p0.png', 1000);
    const client = makeClient(withAxios ? { axios: axios.create() } : {});

    await lastValueFrom(downloadFile(client, server.url('/img/8_p0.png'), path.join(dir, '8.png')));

    expect(server.requests[0].headers['user-agent']).toMatch(/^PixivAndroidApp\/\d/);
  });

  it('sends the Referer it is given', async () => {
    server.addFile('/img/4_p0.png', 1000);

    await lastValueFrom(
      downloadFile(makeClient(), server.url('/img/4_p0.png'), path.join(dir, '4.png'), { referer: 'https://www.pixiv.net/' }),
    );

    expect(server.requests[0].headers.referer).toBe('https://www.pixiv.net/');
  });

  it('skips an existing file without a request', async () => {
    server.addFile('/img/5_p0.png', 1000);
    const destination = path.join(dir, '5.png');
    await fs.writeFile(destination, 'existing');

    const result = await lastValueFrom(downloadFile(makeClient(), server.url('/img/5_p0.png'), destination));

    expect(result).toEqual({ path: destination, bytes: 8, skipped: true });
    expect(server.requests).toHaveLength(0);
    expect(await fs.readFile(destination, 'utf8')).toBe('existing');
  });

  it('replaces an existing file with overwrite', async () => {
    const content = server.addFile('/img/6_p0.png', 5000);
    const destination = path.join(dir, '6.png');
    await fs.writeFile(destination, 'existing');

    const result = await lastValueFrom(
      downloadFile(makeClient(), server.url('/img/6_p0.png'), destination, { overwrite: true }),
    );

    expect(result.skipped).toBe(false);
    expect(sha256(await fs.readFile(destination))).toBe(sha256(content));
  });

  it('resumes a .part with a Range request and appends the 206 answer', async () => {
    const content = server.addFile('/img/7_p0.png', 100_000);
    const destination = path.join(dir, '7.png');
    await fs.writeFile(`${destination}.part`, content.subarray(0, 40_000));

    const result = await lastValueFrom(downloadFile(makeClient(), server.url('/img/7_p0.png'), destination));

    expect(server.requests[0].headers.range).toBe('bytes=40000-');
    expect(result.bytes).toBe(100_000);
    expect(sha256(await fs.readFile(destination))).toBe(sha256(content));
    expect(await exists(`${destination}.part`)).toBe(false);
  });

  it('starts from zero when the server answers a Range request with 200', async () => {
    const content = server.addFile('/img/8_p0.png', 50_000);
    const destination = path.join(dir, '8.png');
    await fs.writeFile(`${destination}.part`, Buffer.alloc(20_000, 7));
    server.failNext('/img/8_p0.png', { kind: 'ignoreRange' });

    await lastValueFrom(downloadFile(makeClient(), server.url('/img/8_p0.png'), destination));

    expect(server.requests).toHaveLength(1);
    expect(sha256(await fs.readFile(destination))).toBe(sha256(content));
  });

  it('starts from zero when the server answers 416 to the Range', async () => {
    const content = server.addFile('/img/9_p0.png', 10_000);
    const destination = path.join(dir, '9.png');
    await fs.writeFile(`${destination}.part`, Buffer.alloc(12_000, 1));

    await lastValueFrom(downloadFile(makeClient(), server.url('/img/9_p0.png'), destination));

    expect(server.requests.map((request) => request.headers.range)).toEqual(['bytes=12000-', undefined]);
    expect(sha256(await fs.readFile(destination))).toBe(sha256(content));
  });

  it('retries a connection reset mid-body, resuming from the .part', async () => {
    const content = server.addFile('/img/10_p0.png', 200_000);
    server.failNext('/img/10_p0.png', { kind: 'reset', afterBytes: 64 * 1024 });
    const client = makeClient();

    await lastValueFrom(downloadFile(client, server.url('/img/10_p0.png'), path.join(dir, '10.png')));

    expect(sha256(await fs.readFile(path.join(dir, '10.png')))).toBe(sha256(content));
    expect(client.retries).toHaveLength(1);
    expect(client.retries[0].error).toBeInstanceOf(NetworkError);
    expect((client.retries[0].error as NetworkError).kind).toBe('reset');
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(server.requests[1].headers.range ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(64 * 1024);
  });

  it('retries a 5xx answer', async () => {
    const content = server.addFile('/img/11_p0.png', 1000);
    server.failNext('/img/11_p0.png', { kind: 'status', status: 503 }, { kind: 'status', status: 502 });
    const client = makeClient();

    await lastValueFrom(downloadFile(client, server.url('/img/11_p0.png'), path.join(dir, '11.png')));

    expect(server.requests).toHaveLength(3);
    expect(client.retries.map((event) => (event.error as PixivApiError).status)).toEqual([503, 502]);
    expect(sha256(await fs.readFile(path.join(dir, '11.png')))).toBe(sha256(content));
  });

  it('retries a 429 after its Retry-After', async () => {
    server.addFile('/img/12_p0.png', 1000);
    server.failNext('/img/12_p0.png', { kind: 'status', status: 429, headers: { 'Retry-After': '0' } });
    const client = makeClient();

    await lastValueFrom(downloadFile(client, server.url('/img/12_p0.png'), path.join(dir, '12.png')));

    expect(client.retries).toHaveLength(1);
    expect(client.retries[0].error).toBeInstanceOf(RateLimitError);
    expect((client.retries[0].error as RateLimitError).retryAfterMs).toBe(0);
    expect(client.retries[0].delayMs).toBe(0);
  });

  it('fails with a DownloadError naming the URL and the path when retries run out', async () => {
    server.addFile('/img/13_p0.png', 1000);
    server.failAlways('/img/13_p0.png', { kind: 'status', status: 503 });
    const destination = path.join(dir, '13.png');
    const url = server.url('/img/13_p0.png');

    const error = await failure(lastValueFrom(downloadFile(makeClient({ maxRetries: 2 }), url, destination)));

    expect(error).toBeInstanceOf(DownloadError);
    const download = error as DownloadError;
    expect(download.url).toBe(url);
    expect(download.path).toBe(destination);
    expect(download.message).toContain(url);
    expect(download.message).toContain(destination);
    expect(download.message).toContain('after 3 attempts');
    expect(download.cause).toBeInstanceOf(PixivApiError);
    expect((download.cause as PixivApiError).status).toBe(503);
    expect(server.requests).toHaveLength(3);
    expect(await listFiles(dir)).toEqual([]);
  });

  it('does not retry a 404', async () => {
    const error = await failure(lastValueFrom(downloadFile(makeClient(), server.url('/img/missing.png'), path.join(dir, 'x.png'))));

    expect(error).toBeInstanceOf(DownloadError);
    expect(((error as DownloadError).cause as PixivApiError).status).toBe(404);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects an HTML body and writes nothing', async () => {
    server.addFile('/img/14_p0.png', 1000);
    server.failAlways('/img/14_p0.png', { kind: 'html' });

    const error = await failure(lastValueFrom(downloadFile(makeClient(), server.url('/img/14_p0.png'), path.join(dir, '14.png'))));

    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).message).toMatch(/HTML/);
    expect(server.requests).toHaveLength(1);
    expect(await listFiles(dir)).toEqual([]);
  });

  it('rejects an empty body and writes nothing', async () => {
    server.addFile('/img/15_p0.png', 1000);
    server.failAlways('/img/15_p0.png', { kind: 'empty' });

    const error = await failure(lastValueFrom(downloadFile(makeClient(), server.url('/img/15_p0.png'), path.join(dir, '15.png'))));

    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).message).toMatch(/empty/);
    expect(await listFiles(dir)).toEqual([]);
  });

  it('rejects a body shorter than its Content-Length', async () => {
    server.addFile('/img/16_p0.png', 100_000);
    server.failAlways('/img/16_p0.png', { kind: 'short', sendBytes: 1000 });
    const destination = path.join(dir, '16.png');

    const error = await failure(lastValueFrom(downloadFile(makeClient({ maxRetries: 1 }), server.url('/img/16_p0.png'), destination)));

    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).cause).toBeInstanceOf(NetworkError);
    expect(await exists(destination)).toBe(false);
  });

  it('rejects a resumed file whose length does not match what the server announced', async () => {
    const content = server.addFile('/img/17_p0.png', 10_000);
    const destination = path.join(dir, '17.png');
    await fs.writeFile(`${destination}.part`, content.subarray(0, 4000));
    server.failNext('/img/17_p0.png', { kind: 'badTotal' }, { kind: 'status', status: 404 });

    const error = await failure(lastValueFrom(downloadFile(makeClient(), server.url('/img/17_p0.png'), destination)));

    expect(error).toBeInstanceOf(DownloadError);
    // the mismatch dropped the .part and was retried from zero
    expect(server.requests.map((request) => request.headers.range)).toEqual(['bytes=4000-', undefined]);
    expect(await listFiles(dir)).toEqual([]);
  });

  it('starts again from zero after a length mismatch', async () => {
    const content = server.addFile('/img/18_p0.png', 10_000);
    const destination = path.join(dir, '18.png');
    await fs.writeFile(`${destination}.part`, content.subarray(0, 4000));
    server.failNext('/img/18_p0.png', { kind: 'badTotal' });
    const client = makeClient();

    await lastValueFrom(downloadFile(client, server.url('/img/18_p0.png'), destination));

    expect(client.retries[0].error.message).toMatch(/announced 10010/);
    expect(sha256(await fs.readFile(destination))).toBe(sha256(content));
  });

  it('aborts the request on unsubscribe and leaves no final file', async () => {
    server.addFile('/img/19_p0.png', 1_000_000);
    server.failNext('/img/19_p0.png', { kind: 'trickle', chunkBytes: 16 * 1024, intervalMs: 5 });
    const destination = path.join(dir, '19.png');
    let received = 0;

    const subscription = downloadFile(makeClient(), server.url('/img/19_p0.png'), destination, {
      onProgress: (progress) => (received = progress.received),
    }).subscribe();
    await server.until(() => received > 0);
    subscription.unsubscribe();
    await server.until(() => server.active === 0);

    expect(server.requests[0].closedEarly).toBe(true);
    expect(await exists(destination)).toBe(false);
    expect(await exists(`${destination}.part`)).toBe(true);
  });

  it('reports progress, ending with received === total', async () => {
    server.addFile('/img/20_p0.png', 500_000);
    server.failNext('/img/20_p0.png', { kind: 'trickle', chunkBytes: 64 * 1024, intervalMs: 2 });
    const calls: FileProgress[] = [];
    const destination = path.join(dir, '20.png');

    await lastValueFrom(
      downloadFile(makeClient(), server.url('/img/20_p0.png'), destination, { onProgress: (p) => calls.push(p) }),
    );

    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls[calls.length - 1]).toEqual({ path: destination, received: 500_000, total: 500_000 });
    const received = calls.map((call) => call.received);
    expect([...received].sort((a, b) => a - b)).toEqual(received);
    expect(calls.every((call) => call.total === 500_000)).toBe(true);
  });

  it('gives a stalled body up after timeoutMs', async () => {
    server.addFile('/img/21_p0.png', 100_000);
    server.failAlways('/img/21_p0.png', { kind: 'stall', sendBytes: 1000 });

    const error = await failure(
      lastValueFrom(downloadFile(makeClient({ timeoutMs: 250, maxRetries: 0 }), server.url('/img/21_p0.png'), path.join(dir, '21.png'))),
    );

    expect(error).toBeInstanceOf(DownloadError);
    expect(((error as DownloadError).cause as NetworkError).kind).toBe('timeout');
    expect(((error as DownloadError).cause as NetworkError).message).toMatch(/stopped arriving/);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up on a head that does not come within timeoutMs', async () => {
    server.addFile('/img/24_p0.png', 1000);
    server.hold();

    const error = await failure(
      lastValueFrom(downloadFile(makeClient({ timeoutMs: 100, maxRetries: 1 }), server.url('/img/24_p0.png'), path.join(dir, '24.png'))),
    );

    expect(error).toBeInstanceOf(DownloadError);
    expect(((error as DownloadError).cause as NetworkError).kind).toBe('timeout');
    expect(((error as DownloadError).cause as NetworkError).message).toMatch(/did not answer within 100 ms/);
    expect(server.requests).toHaveLength(2);
    await server.until(() => server.active === 0);
    expect(server.requests.every((request) => request.closedEarly)).toBe(true);
  });

  it('turns a name too long for the filesystem into a DownloadError', async () => {
    server.addFile('/img/22_p0.png', 1000);
    const destination = path.join(dir, `${'x'.repeat(300)}.png`);

    const error = await failure(lastValueFrom(downloadFile(makeClient(), server.url('/img/22_p0.png'), destination)));

    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).message).toContain('ENAMETOOLONG');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a URL that is not http(s) and a destination with NUL before sending anything', async () => {
    await expect(firstValueFrom(downloadFile(makeClient(), 'file:///etc/passwd', path.join(dir, 'x')))).rejects.toThrow(TypeError);
    await expect(firstValueFrom(downloadFile(makeClient(), server.url('/a.png'), `${dir}/a\0b`))).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});
