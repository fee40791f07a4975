import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { PixivClient } from '../../lib';
import { downloadFile } from '../../lib/node';
import { FakePixivServer } from '../../lib/testing';
import { ImageServer, sha256 } from './image-server';
import { PROXY_VARIABLES, makeClient, makeTempDir, removeDir } from './support';

/** A forward proxy on 127.0.0.1 for plain-http targets: records every absolute URL it is asked for. */
class ForwardProxy {
  readonly requests: { url: string; headers: http.IncomingHttpHeaders }[] = [];

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<ForwardProxy> {
    const server = http.createServer();
    const proxy = new ForwardProxy(server);
    server.on('request', (incoming, outgoing) => {
      proxy.requests.push({ url: incoming.url ?? '', headers: incoming.headers });
      const upstream = http.request(incoming.url ?? '', { method: incoming.method, headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      upstream.on('error', () => outgoing.destroy());
      incoming.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('image requests and a proxy set in the environment', () => {
  let server: ImageServer;
  let proxy: ForwardProxy;
  let dir: string;
  const saved: Record<string, string | undefined> = {};

  beforeEach(async () => {
    for (const name of PROXY_VARIABLES) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
    server = await ImageServer.start();
    proxy = await ForwardProxy.start();
    dir = await makeTempDir();
  });

  afterEach(async () => {
    for (const name of PROXY_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await proxy.close();
    await server.close();
    await removeDir(dir);
  });

  it('go through the proxy in HTTP_PROXY, as API calls through axios do', async () => {
    const content = server.addFile('/img/1_p0.png', 200_000);
    process.env.HTTP_PROXY = proxy.url;
    const destination = path.join(dir, '1.png');

    const result = await lastValueFrom(downloadFile(makeClient(), server.url('/img/1_p0.png'), destination));

    expect(result).toEqual({ path: destination, bytes: content.length, skipped: false });
    expect(sha256(await fs.readFile(destination))).toBe(sha256(content));
    expect(proxy.requests.map((request) => request.url)).toEqual([server.url('/img/1_p0.png')]);
    expect(proxy.requests[0].headers.referer).toBe('https://app-api.pixiv.net/');
    expect(proxy.requests[0].headers.authorization).toBeUndefined();
  });

  it.each(['http_proxy', 'ALL_PROXY', 'all_proxy'])(
    'go through the proxy in %s too',
    async (variable) => {
      server.addFile('/img/6_p0.png', 1000);
      process.env[variable] = proxy.url;

      await lastValueFrom(downloadFile(makeClient(), server.url('/img/6_p0.png'), path.join(dir, '6.png')));

      expect(proxy.requests.map((request) => request.url)).toEqual([server.url('/img/6_p0.png')]);
    },
  );

  it('leave the choice to axios: HTTPS_PROXY does not apply to a plain-http host', async () => {
    const content = server.addFile('/img/7_p0.png', 1000);
    process.env.HTTPS_PROXY = proxy.url;

    await lastValueFrom(downloadFile(makeClient(), server.url('/img/7_p0.png'), path.join(dir, '7.png')));

    expect(sha256(await fs.readFile(path.join(dir, '7.png')))).toBe(sha256(content));
    expect(proxy.requests).toHaveLength(0);
  });

  it('read the environment on every request, not once', async () => {
    server.addFile('/img/2_p0.png', 1000);
    server.addFile('/img/3_p0.png', 1000);
    const client = makeClient();

    await lastValueFrom(downloadFile(client, server.url('/img/2_p0.png'), path.join(dir, '2.png')));
    process.env.http_proxy = proxy.url;
    await lastValueFrom(downloadFile(client, server.url('/img/3_p0.png'), path.join(dir, '3.png')));

    expect(server.requests.map((request) => request.path)).toEqual(['/img/2_p0.png', '/img/3_p0.png']);
    expect(proxy.requests.map((request) => request.url)).toEqual([server.url('/img/3_p0.png')]);
  });

  it('leave NO_PROXY to axios: an excluded host is reached directly', async () => {
    const content = server.addFile('/img/4_p0.png', 5000);
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = '127.0.0.1';

    await lastValueFrom(downloadFile(makeClient(), server.url('/img/4_p0.png'), path.join(dir, '4.png')));

    expect(sha256(await fs.readFile(path.join(dir, '4.png')))).toBe(sha256(content));
    expect(proxy.requests).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });

  it('take the road API calls take: OAuth and API requests go through the proxy in HTTP_PROXY too', async () => {
    const fake = await FakePixivServer.start({ users: 8, worksPerUser: 2 });
    try {
      process.env.HTTP_PROXY = proxy.url;
      const client = new PixivClient({ apiBaseUrl: fake.apiBaseUrl, oauthBaseUrl: fake.oauthBaseUrl, refreshToken: fake.refreshToken });
      const works = await lastValueFrom(client.userIllustrations$(fake.world.showcaseUserId).pipe(toArray()));

      expect(works.length).toBeGreaterThan(0);
      const paths = proxy.requests.map((request) => new URL(request.url).pathname);
      expect(paths[0]).toBe('/auth/token');
      expect(paths.length).toBeGreaterThan(1);
      expect(paths.slice(1).every((pathname) => pathname === '/v1/user/illusts')).toBe(true);
      // every request the fake saw came through the proxy
      expect(fake.log).toHaveLength(paths.length);
      expect(proxy.requests[1].headers.authorization).toMatch(/^Bearer /);
    } finally {
      await fake.close();
    }
  });

  it('go straight to the image host when no proxy is set', async () => {
    server.addFile('/img/5_p0.png', 5000);

    await lastValueFrom(downloadFile(makeClient(), server.url('/img/5_p0.png'), path.join(dir, '5.png')));

    expect(proxy.requests).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });
});
