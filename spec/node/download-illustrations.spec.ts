import axios from 'axios';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Observable, defer, firstValueFrom, from, lastValueFrom, map, range, tap, toArray } from 'rxjs';
import { DownloadError } from '../../lib/errors';
import type { Illustration } from '../../lib/models';
import { DownloadProgress, downloadIllustrations } from '../../lib/node';
import { ImageServer, bytesFor, sha256 } from './image-server';
import { exists, failure, listFiles, makeClient, makeTempDir, multiPage, removeDir, singlePage } from './support';

describe('downloadIllustrations', () => {
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

  /** `count` single-page works with ids from 1000, each served. */
  const singleWorks = (count: number, size = 2000): Illustration[] =>
    Array.from({ length: count }, (_, i) => {
      server.addFile(`/img-original/${1000 + i}_p0.png`, size);
      return singlePage(server.origin, 1000 + i);
    });

  it('emits one result per illustration, with every file byte for byte', async () => {
    const works = [...singleWorks(3), multiPage(server.origin, 2000, 2)];
    const pages = [0, 1].map((i) => server.addFile(`/img-original/2000_p${i}.jpg`, 3000));

    const results = await lastValueFrom(from(works).pipe(downloadIllustrations(makeClient(), { directory: dir }), toArray()));

    expect(results.map((result) => result.illustration.id).sort()).toEqual([1000, 1001, 1002, 2000]);
    expect(await listFiles(dir)).toEqual(['1000.png', '1001.png', '1002.png', '2000/2000_p0.jpg', '2000/2000_p1.jpg']);
    expect(sha256(await fs.readFile(path.join(dir, '2000', '2000_p1.jpg')))).toBe(sha256(pages[1]));
    expect(results.every((result) => !result.skipped)).toBe(true);
  });

  it('never runs more than `concurrency` transfers at once, pages included', async () => {
    const works = Array.from({ length: 12 }, (_, w) => {
      for (let p = 0; p < 3; p++) server.addFile(`/img-original/${3000 + w}_p${p}.jpg`, 30_000);
      return multiPage(server.origin, 3000 + w, 3);
    });
    server.latencyMs = 5;

    const results = await lastValueFrom(
      from(works).pipe(downloadIllustrations(makeClient(), { directory: dir, concurrency: 3 }), toArray()),
    );

    expect(results).toHaveLength(12);
    expect(server.requests).toHaveLength(36);
    expect(server.peak).toBe(3);
    expect((await listFiles(dir)).filter((file) => file.endsWith('.jpg'))).toHaveLength(36);
  });

  it('sends the Referer and no Authorization on every image request', async () => {
    const instance = axios.create();
    instance.defaults.headers.common.Authorization = 'Bearer secret-access-token';
    const works = [...singleWorks(4), multiPage(server.origin, 2001, 3)];
    for (let p = 0; p < 3; p++) server.addFile(`/img-original/2001_p${p}.jpg`, 1000);

    await lastValueFrom(from(works).pipe(downloadIllustrations(makeClient({ axios: instance }), { directory: dir })));

    expect(server.requests).toHaveLength(7);
    for (const request of server.requests) {
      expect(request.headers.referer).toBe('https://app-api.pixiv.net/');
      expect(request.headers.authorization).toBeUndefined();
    }
  });

  it('starts at most `concurrency` illustrations while the transfers are blocked', async () => {
    let started = 0;
    let emitted = 0;
    const source: Observable<Illustration> = range(0, 1000).pipe(
      map((i) => singlePage(server.origin, 5000 + i)),
      tap(() => emitted++),
    );
    server.hold();

    const subscription = source
      .pipe(
        downloadIllustrations(makeClient(), {
          directory: dir,
          concurrency: 3,
          filename: (work) => {
            started++;
            return String(work.id);
          },
        }),
      )
      .subscribe();
    await server.until(() => server.active === 3);
    // let every pending callback and timer run while the transfers are held
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 2));

    expect(emitted).toBe(1000);
    expect(started).toBe(3);
    expect(server.requests).toHaveLength(3);
    subscription.unsubscribe();
    await server.until(() => server.active === 0);
    expect(server.requests.every((request) => request.closedEarly)).toBe(true);
  });

  it('moves on to the next illustrations as soon as one is done', async () => {
    const works = singleWorks(10);
    let started = 0;

    const results = await lastValueFrom(
      from(works).pipe(
        downloadIllustrations(makeClient(), {
          directory: dir,
          concurrency: 2,
          filename: (work) => `${++started}-${work.id}`,
        }),
        toArray(),
      ),
    );

    expect(results).toHaveLength(10);
    expect(started).toBe(10);
  });

  it('skips the works that exist without requesting them', async () => {
    const works = singleWorks(4);
    await fs.writeFile(path.join(dir, '1001.png'), 'done');
    await fs.writeFile(path.join(dir, '1003.png'), 'done');

    const results = await lastValueFrom(from(works).pipe(downloadIllustrations(makeClient(), { directory: dir }), toArray()));

    const skipped = results.filter((result) => result.skipped).map((result) => result.illustration.id);
    expect(skipped.sort()).toEqual([1001, 1003]);
    expect(server.requests.map((request) => request.path).sort()).toEqual([
      '/img-original/1000_p0.png',
      '/img-original/1002_p0.png',
    ]);
  });

  it('downloads a work that appears twice in the source once', async () => {
    const [work] = singleWorks(1, 100_000);
    server.latencyMs = 5;

    const results = await lastValueFrom(
      from([work, work]).pipe(downloadIllustrations(makeClient(), { directory: dir }), toArray()),
    );

    expect(server.requests).toHaveLength(1);
    expect(results.map((result) => result.skipped).sort()).toEqual([false, true]);
    expect(sha256(await fs.readFile(path.join(dir, '1000.png')))).toBe(sha256(bytesFor('/img-original/1000_p0.png', 100_000)));
  });

  it('aborts every transfer in flight on unsubscribe and leaves no final file', async () => {
    const works = Array.from({ length: 3 }, (_, i) => {
      server.addFile(`/img-original/${1000 + i}_p0.png`, 2_000_000);
      server.failNext(`/img-original/${1000 + i}_p0.png`, { kind: 'trickle', chunkBytes: 8 * 1024, intervalMs: 5 });
      return singlePage(server.origin, 1000 + i);
    });
    const receiving = new Set<string>();

    const subscription = from(works)
      .pipe(downloadIllustrations(makeClient(), { directory: dir, onProgress: (p) => receiving.add(p.path) }))
      .subscribe();
    await server.until(() => receiving.size === 3);
    subscription.unsubscribe();
    await server.until(() => server.active === 0);

    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((request) => request.closedEarly)).toBe(true);
    for (const work of works) expect(await exists(path.join(dir, `${work.id}.png`))).toBe(false);
  });

  it('ends the stream with a DownloadError when a work fails for good, aborting the others', async () => {
    const works = singleWorks(3, 2_000_000);
    server.failNext('/img-original/1000_p0.png', { kind: 'trickle', chunkBytes: 8 * 1024, intervalMs: 5 });
    server.failNext('/img-original/1001_p0.png', { kind: 'trickle', chunkBytes: 8 * 1024, intervalMs: 5 });
    server.failAlways('/img-original/1002_p0.png', { kind: 'status', status: 403 });

    const error = await failure(lastValueFrom(from(works).pipe(downloadIllustrations(makeClient(), { directory: dir }))));
    await server.until(() => server.active === 0);

    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).url).toBe(server.url('/img-original/1002_p0.png'));
    expect(server.requestsFor('/img-original/1000_p0.png')[0].closedEarly).toBe(true);
    expect((await listFiles(dir)).filter((file) => file.endsWith('.png'))).toEqual([]);
  });

  it('passes the illustration to onProgress', async () => {
    const works = singleWorks(2, 50_000);
    const calls: DownloadProgress[] = [];

    await lastValueFrom(from(works).pipe(downloadIllustrations(makeClient(), { directory: dir, onProgress: (p) => calls.push(p) })));

    for (const work of works) {
      const mine = calls.filter((call) => call.illustration === work);
      expect(mine[mine.length - 1]).toMatchObject({ path: path.join(dir, `${work.id}.png`), received: 50_000, total: 50_000 });
    }
  });

  it.each([
    ['a fixed filename string', { filename: 'same-for-all' }],
    ['concurrency 0', { concurrency: 0 }],
    ['concurrency 1.5', { concurrency: 1.5 }],
    ['an unknown size', { size: 'huge' as never }],
    ['an unknown ugoira mode', { ugoira: 'apng' as never }],
    ['a directory with ..', { directory: '../outside' }],
  ])('refuses %s with a TypeError before subscribing to the source', async (_what, options) => {
    let subscribed = 0;
    const source = defer(() => {
      subscribed++;
      return from(singleWorks(1));
    });

    const error = await failure(firstValueFrom(source.pipe(downloadIllustrations(makeClient(), { directory: dir, ...options }))));

    expect(error).toBeInstanceOf(TypeError);
    expect(subscribed).toBe(0);
    expect(server.requests).toHaveLength(0);
  });
});
