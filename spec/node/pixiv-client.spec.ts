import axios from 'axios';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { from, lastValueFrom, toArray } from 'rxjs';
import { PixivClient } from '../../lib/client';
import { DownloadClient, downloadIllustrations } from '../../lib/node';
import { ImageServer, sha256 } from './image-server';
import { makeTempDir, removeDir, singlePage } from './support';

describe('downloads with a PixivClient', () => {
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

  it('takes the client as it is: its axios instance, never its Authorization', async () => {
    const instance = axios.create();
    instance.defaults.headers.common.Authorization = 'Bearer api-token';
    const seen: string[] = [];
    instance.interceptors.request.use((config) => {
      seen.push(String(config.url));
      return config;
    });
    const client: DownloadClient = new PixivClient({ axios: instance, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
    const content = server.addFile('/img-original/1_p0.png', 10_000);
    server.failNext('/img-original/1_p0.png', { kind: 'status', status: 500 });

    const results = await lastValueFrom(
      from([singlePage(server.origin, 1)]).pipe(downloadIllustrations(client, { directory: dir }), toArray()),
    );

    expect(results.map((result) => result.paths)).toEqual([[path.join(dir, '1.png')]]);
    expect(sha256(await fs.readFile(path.join(dir, '1.png')))).toBe(sha256(content));
    expect(seen).toEqual([server.url('/img-original/1_p0.png'), server.url('/img-original/1_p0.png')]);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([undefined, undefined]);
  });
});
