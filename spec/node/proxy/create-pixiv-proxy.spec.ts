import * as http from 'node:http';
import { firstValueFrom, take, toArray } from 'rxjs';
import { clientHashHeaders } from '../../../lib/auth/client-hash';
import { ANDROID_APP } from '../../../lib/http/headers';
import { PixivClient, Size, proxiedImageUrl } from '../../../lib/index';
import { createPixivProxy } from '../../../lib/node/proxy';
import { FakePixivServer } from '../../../lib/testing';
import { APP_ORIGIN, send, startProxy, startRecorder } from './support';

/** The token request a page sends: no User-Agent (a page cannot set it), the client hash. */
function tokenForm(refreshToken: string): string {
  return new URLSearchParams({
    client_id: 'MOBrBDS8blbauoSck0ZfDbtuzpyT',
    client_secret: 'lsACyCD94FhDUtGTXi3QzcFE2uU1hqtDaKeqrdwj',
    get_secure_url: '1',
    include_policy: 'true',
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
  }).toString();
}

describe('createPixivProxy', () => {
  let fake: FakePixivServer;

  beforeAll(async () => {
    fake = await FakePixivServer.start({ users: 8, worksPerUser: 4, showcaseWorks: 40, prolificWorks: 0 });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.resetLog());

  const upstream = () => ({ api: fake.apiBaseUrl, oauth: fake.oauthBaseUrl, image: fake.imageBaseUrl });

  it('listens on 127.0.0.1 and a free port unless told otherwise', async () => {
    const proxy = await startProxy();
    const address = proxy.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(proxy.url).toBe(`http://127.0.0.1:${(address as { port: number }).port}`);
  });

  it('lets a PixivClient whose API and OAuth base is the proxy log in and list works', async () => {
    const proxy = await startProxy({ upstream: upstream() });
    const client = new PixivClient({ apiBaseUrl: proxy.url, oauthBaseUrl: proxy.url, refreshToken: fake.refreshToken });
    const works = await firstValueFrom(client.userIllustrations$(fake.world.showcaseUserId).pipe(take(30), toArray()));
    expect(works).toHaveLength(30);
    expect(fake.requests('*').map((entry) => `${entry.origin} ${entry.method} ${entry.path}`)).toEqual([
      'oauth POST /auth/token',
      'api GET /v1/user/illusts',
    ]);
  });

  it('adds the app headers a page cannot send, and passes the token on to the API host', async () => {
    const proxy = await startProxy({ upstream: upstream() });
    const token = await send(proxy.url, '/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: APP_ORIGIN, ...clientHashHeaders(new Date()) },
      body: tokenForm(fake.refreshToken),
    });
    expect(token.status).toBe(200);
    expect(token.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    const accessToken = (JSON.parse(token.body.toString('utf8')) as { access_token: string }).access_token;

    const detail = await send(proxy.url, `/v1/user/detail?user_id=${fake.world.showcaseUserId}&filter=for_ios`, {
      headers: { authorization: `Bearer ${accessToken}`, origin: APP_ORIGIN, 'accept-language': 'ja' },
    });
    expect(detail.status).toBe(200);
    expect(JSON.parse(detail.body.toString('utf8'))).toHaveProperty('user.id', fake.world.showcaseUserId);

    const [tokenEntry, detailEntry] = fake.requests('*');
    for (const entry of [tokenEntry, detailEntry]) {
      expect(entry?.headers).toMatchObject({
        'user-agent': ANDROID_APP.userAgent,
        'app-os': 'android',
        'app-os-version': ANDROID_APP.osVersion,
        'app-version': ANDROID_APP.appVersion,
      });
      expect(entry?.headers.origin).toBeUndefined();
    }
    expect(tokenEntry?.form).toMatchObject({ grant_type: 'refresh_token' });
    expect(detailEntry?.headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(detailEntry?.headers['accept-language']).toBe('ja');
  });

  it('serves images with the pixiv Referer, byte for byte, and without the token', async () => {
    const proxy = await startProxy({ upstream: upstream() });
    const client = new PixivClient({ apiBaseUrl: proxy.url, oauthBaseUrl: proxy.url, refreshToken: fake.refreshToken });
    const work = await firstValueFrom(client.userIllustrations$(fake.world.showcaseUserId));
    const imageUrl = work.imageUrls[Size.SQUARE_MEDIUM] as string;
    fake.resetLog();

    const url = new URL(proxiedImageUrl(proxy.url, imageUrl));
    const image = await send(proxy.url, `${url.pathname}${url.search}`, {
      headers: { authorization: 'Bearer page-token', cookie: 'PHPSESSID=1', referer: `${APP_ORIGIN}/works` },
    });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.body.equals(fake.imageBytesOf(imageUrl))).toBe(true);

    const [entry] = fake.requests('*');
    expect(entry?.origin).toBe('image');
    expect(entry?.headers.referer).toBe('https://app-api.pixiv.net/');
    expect(entry?.headers['user-agent']).toBe(ANDROID_APP.userAgent);
    expect(entry?.headers.authorization).toBeUndefined();
    expect(entry?.headers.cookie).toBeUndefined();
  });

  it('passes Range on to the image host and its 206 back', async () => {
    const proxy = await startProxy({ upstream: upstream() });
    const client = new PixivClient({ apiBaseUrl: proxy.url, oauthBaseUrl: proxy.url, refreshToken: fake.refreshToken });
    const work = await firstValueFrom(client.userIllustrations$(fake.world.showcaseUserId));
    const imageUrl = work.imageUrls[Size.MEDIUM] as string;
    const url = new URL(proxiedImageUrl(proxy.url, imageUrl));
    const part = await send(proxy.url, `${url.pathname}${url.search}`, { headers: { range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.body.equals(fake.imageBytesOf(imageUrl).subarray(0, 100))).toBe(true);
  });

  it('answers preflights of an allowed origin with the methods and the headers the client sends', async () => {
    const proxy = await startProxy({ upstream: upstream() });
    const answer = await send(proxy.url, '/v1/user/illusts?user_id=1', {
      method: 'OPTIONS',
      headers: {
        origin: APP_ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization, app-os, app-os-version, app-version, accept-language',
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': APP_ORIGIN,
      'access-control-allow-methods': 'GET, HEAD, POST',
      'access-control-allow-headers': 'authorization, app-os, app-os-version, app-version, accept-language',
    });
    expect(answer.headers.vary).toContain('Origin');
    expect(fake.requests('*')).toEqual([]);
  });

  it('streams an image through as it arrives, without waiting for its end', async () => {
    const image = await startRecorder();
    let finishImage: () => void = () => undefined;
    image.respond = (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(Buffer.alloc(64 * 1024, 1));
      finishImage = () => res.end(Buffer.alloc(1024, 2));
    };
    const proxy = await startProxy({ upstream: { image: image.url } });
    const { hostname, port } = new URL(proxy.url);
    const imageUrl = `https://i.pximg.net/img-original/img/2025/01/01/00/00/00/1_p0.png`;
    const target = `/image?url=${encodeURIComponent(imageUrl)}`;
    const received = await new Promise<number[]>((resolve, reject) => {
      const sizes: number[] = [];
      let seen = 0;
      http
        .get({ hostname, port, path: target, agent: false }, (res) => {
          res.on('data', (chunk: Buffer) => {
            seen += chunk.length;
            // the first 64 KiB came through while the upstream still holds the rest back
            if (sizes.length === 0 && seen >= 64 * 1024) {
              sizes.push(seen);
              finishImage();
            }
          });
          res.on('end', () => resolve([...sizes, seen]));
        })
        .on('error', reject);
    });
    expect(received).toEqual([64 * 1024, 65 * 1024]);
    expect(image.requests.map((request) => request.url)).toEqual(['/img-original/img/2025/01/01/00/00/00/1_p0.png']);
  });

  it('refuses options that would make it wider than asked', async () => {
    await expect(createPixivProxy({ allowOrigins: ['http://localhost:4200/'] })).rejects.toThrow(TypeError);
    await expect(createPixivProxy({ allowOrigins: ['*'] })).rejects.toThrow(TypeError);
    await expect(createPixivProxy({ allowOrigins: [], upstream: { api: 'ftp://x' } })).rejects.toThrow(TypeError);
    await expect(createPixivProxy({ allowOrigins: [], maxRequestBodyBytes: -1 })).rejects.toThrow(TypeError);
    await expect(createPixivProxy({ allowOrigins: [], upstreamTimeoutMs: 0 })).rejects.toThrow(TypeError);
  });
});
