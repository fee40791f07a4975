import * as http from 'node:http';
import { firstValueFrom, take, toArray } from 'rxjs';
import { PixivClient, Size, proxiedImageUrl } from '../../../lib/index';
import { FakePixivServer } from '../../../lib/testing';
import { APP_ORIGIN, send, sendRaw, startProxy, startRecorder, type Recorder } from './support';

/**
 * Each request the proxy must refuse, with recorders standing for the three upstreams and for a
 * host the proxy must never reach: a refusal is shown by its answer and by the silence of every
 * recorder.
 */
describe('createPixivProxy refuses', () => {
  let api: Recorder;
  let oauth: Recorder;
  let image: Recorder;
  let elsewhere: Recorder;

  beforeEach(async () => {
    [api, oauth, image, elsewhere] = await Promise.all([startRecorder(), startRecorder(), startRecorder(), startRecorder()]);
  });

  const start = (options: Parameters<typeof startProxy>[0] = {}) =>
    startProxy({ upstream: { api: api.url, oauth: oauth.url, image: image.url }, ...options });
  const forwarded = () => [...api.requests, ...oauth.requests, ...image.requests, ...elsewhere.requests];

  describe('pages of other origins', () => {
    it('answers their preflight 403, without any CORS header', async () => {
      const proxy = await start();
      const answer = await send(proxy.url, '/v1/user/detail?user_id=1', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
      expect(answer.status).toBe(403);
      expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
      expect(forwarded()).toEqual([]);
    });

    it('refuses their requests instead of forwarding them', async () => {
      const proxy = await start();
      const get = await send(proxy.url, '/v1/user/detail?user_id=1', { headers: { origin: 'http://localhost:4201', authorization: 'Bearer x' } });
      const post = await send(proxy.url, '/auth/token', {
        method: 'POST',
        headers: { origin: 'null', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=refresh_token&refresh_token=x',
      });
      expect([get.status, post.status]).toEqual([403, 403]);
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
      expect(forwarded()).toEqual([]);
    });

    it('leaves out of a preflight answer every header it would not pass on', async () => {
      const proxy = await start();
      const answer = await send(proxy.url, '/v1/user/detail', {
        method: 'OPTIONS',
        headers: { origin: APP_ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization, x-forwarded-host, cookie' },
      });
      expect(answer.status).toBe(204);
      expect(answer.headers['access-control-allow-headers']).toBe('authorization');
    });
  });

  describe('to reach another host', () => {
    it('whatever the Host header says: the API host gets the request', async () => {
      const proxy = await start();
      const answer = await send(proxy.url, '/v1/user/detail?user_id=1', { headers: { host: new URL(elsewhere.url).host } });
      expect(answer.status).toBe(200);
      expect(api.requests.map((request) => [request.url, request.headers.host])).toEqual([
        ['/v1/user/detail?user_id=1', new URL(api.url).host],
      ]);
      expect(elsewhere.requests).toEqual([]);
    });

    it('through an absolute-form request target', async () => {
      const proxy = await start();
      const raw = await sendRaw(
        proxy.url,
        `GET ${elsewhere.url}/v1/user/detail?user_id=1 HTTP/1.1\r\nHost: ${new URL(elsewhere.url).host}\r\nConnection: close\r\n\r\n`,
      );
      expect(raw).toMatch(/^HTTP\/1\.1 400 /);
      expect(forwarded()).toEqual([]);
    });

    it('through CONNECT or an upgrade', async () => {
      const proxy = await start();
      const { host } = new URL(elsewhere.url);
      const connect = await sendRaw(proxy.url, `CONNECT ${host} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      const upgrade = await sendRaw(
        proxy.url,
        'GET /v1/user/detail HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      );
      expect(connect).toMatch(/^HTTP\/1\.1 405 /);
      expect(upgrade).toMatch(/^HTTP\/1\.1 405 /);
      expect(forwarded()).toEqual([]);
    });

    it.each([
      ['/evil', 404],
      ['/', 404],
      ['/web/v1/login', 404],
      ['/v1/../../etc/passwd', 404],
      ['/v1/%2e%2e/%2e%2e/x', 404],
      ['/v1/user/..%2fdetail', 404],
      ['/v1/user\\detail', 404],
      ['//evil.example/v1/user/detail', 400],
      ['/auth/token/../../v1/x', 404],
    ])('through the path %s (%i)', async (target, status) => {
      const proxy = await start();
      const raw = await sendRaw(proxy.url, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(raw.slice(0, 12)).toBe(`HTTP/1.1 ${status}`);
      expect(forwarded()).toEqual([]);
    });

    const evil = () => new URL(elsewhere.url);
    it.each([
      ['another host', () => `${elsewhere.url}/img-original/a.png`],
      ['a look-alike host', () => 'https://i.pximg.net.evil.example/img-original/a.png'],
      ['credentials before the host', () => `https://i.pximg.net@${evil().host}/a.png`],
      ['credentials on the image host', () => 'https://user:pw@i.pximg.net/a.png'],
      ['plain http', () => 'http://i.pximg.net/img-original/a.png'],
      ['another port', () => 'https://i.pximg.net:8443/img-original/a.png'],
      ['a pixiv host that is not an image host', () => 'https://app-api.pixiv.net/v1/user/detail?user_id=1'],
      ['a relative URL', () => '/img-original/a.png'],
      ['a protocol-relative URL', () => `//${evil().host}/a.png`],
      ['a javascript: URL', () => 'javascript:alert(1)'],
      ['a file: URL', () => 'file:///etc/passwd'],
    ])('through the url parameter: %s', async (_name, url) => {
      const proxy = await start();
      const answer = await send(proxy.url, `/image?url=${encodeURIComponent(url())}`);
      expect([400, 403]).toContain(answer.status);
      expect(forwarded()).toEqual([]);
    });

    it('through a second url parameter, or none', async () => {
      const proxy = await start();
      const good = encodeURIComponent('https://i.pximg.net/a.png');
      const twice = await send(proxy.url, `/image?url=${good}&url=${encodeURIComponent(`${elsewhere.url}/a.png`)}`);
      const none = await send(proxy.url, '/image');
      expect([twice.status, none.status]).toEqual([400, 400]);
      expect(forwarded()).toEqual([]);
    });
  });

  describe('methods and bodies', () => {
    it.each([
      ['DELETE', '/v1/user/detail'],
      ['PUT', '/v1/illust/bookmark/add'],
      ['GET', '/auth/token'],
      ['POST', `/image?url=${encodeURIComponent('https://i.pximg.net/a.png')}`],
      ['TRACE', '/v1/user/detail'],
    ])('%s %s is answered 405', async (method, target) => {
      const proxy = await start();
      const answer = await send(proxy.url, target, { method });
      expect(answer.status).toBe(405);
      expect(forwarded()).toEqual([]);
    });

    it('refuses a body larger than maxRequestBodyBytes when its length is declared', async () => {
      const proxy = await start({ maxRequestBodyBytes: 1024 });
      const answer = await send(proxy.url, '/auth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `refresh_token=${'x'.repeat(2000)}`,
      });
      expect(answer.status).toBe(413);
      expect(forwarded()).toEqual([]);
    });

    it('cuts off a chunked body once it passes maxRequestBodyBytes', async () => {
      const proxy = await start({ maxRequestBodyBytes: 1024 });
      const { hostname, port } = new URL(proxy.url);
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          { hostname, port, path: '/v1/illust/bookmark/add', method: 'POST', agent: false, headers: { 'transfer-encoding': 'chunked' } },
          (res) => {
            resolve(res.statusCode ?? 0);
            res.resume();
            req.destroy();
          },
        );
        req.on('error', reject);
        req.write('a'.repeat(800));
        setTimeout(() => req.write('b'.repeat(800)), 50);
      });
      expect(status).toBe(413);
      // the API host saw the body begin, never end: the request was aborted there
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(api.requests).toEqual([]);
    });

    it('refuses a GET that carries a body', async () => {
      const proxy = await start();
      const answer = await send(proxy.url, '/v1/user/detail', { headers: { 'content-length': '3' }, body: 'abc' });
      expect(answer.status).toBe(400);
      expect(forwarded()).toEqual([]);
    });
  });

  describe('headers that must not travel', () => {
    it('never passes Authorization to the OAuth or the image host, nor cookies anywhere', async () => {
      const proxy = await start();
      const page = { authorization: 'Bearer page-token', cookie: 'PHPSESSID=secret', 'x-forwarded-for': '10.0.0.1' };
      await send(proxy.url, '/auth/token', { method: 'POST', headers: { ...page, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
      await send(proxy.url, `/image?url=${encodeURIComponent('https://i.pximg.net/img-master/a.jpg')}`, { headers: page });
      await send(proxy.url, '/v1/user/detail?user_id=1', { headers: page });
      expect(oauth.requests[0]?.headers.authorization).toBeUndefined();
      expect(image.requests[0]?.headers.authorization).toBeUndefined();
      expect(api.requests[0]?.headers.authorization).toBe('Bearer page-token');
      for (const request of forwarded()) {
        expect(request.headers.cookie).toBeUndefined();
        expect(request.headers['x-forwarded-for']).toBeUndefined();
      }
    });

    it('never returns the upstream cookies or CORS headers to the page', async () => {
      api.respond = (_req, res) => {
        res.writeHead(200, { 'set-cookie': 'a=1', 'access-control-allow-origin': '*', 'content-type': 'application/json' }).end('{}');
      };
      const proxy = await start();
      const answer = await send(proxy.url, '/v1/user/detail', { headers: { origin: 'http://localhost:4200' } });
      expect(answer.headers['set-cookie']).toBeUndefined();
      expect(answer.headers['access-control-allow-origin']).toBe('http://localhost:4200');
    });
  });

  describe('to wait for ever', () => {
    it('answers 504 when the upstream does not answer within upstreamTimeoutMs', async () => {
      api.respond = () => undefined;
      const proxy = await start({ upstreamTimeoutMs: 200 });
      const answer = await send(proxy.url, '/v1/user/detail');
      expect(answer.status).toBe(504);
    });

    it('cuts the connection when the upstream stalls in the middle of an answer', async () => {
      image.respond = (_req, res) => {
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': '2048' });
        res.write(Buffer.alloc(1024));
      };
      const proxy = await start({ upstreamTimeoutMs: 200 });
      const { hostname, port } = new URL(proxy.url);
      const outcome = await new Promise<string>((resolve) => {
        http
          .get({ hostname, port, path: `/image?url=${encodeURIComponent('https://i.pximg.net/a.png')}`, agent: false }, (res) => {
            let bytes = 0;
            res.on('data', (chunk: Buffer) => (bytes += chunk.length));
            res.on('end', () => resolve(`end after ${bytes}`));
            res.on('error', () => resolve(`cut after ${bytes}`));
          })
          .on('error', () => resolve('cut before the head'));
      });
      expect(outcome).toBe('cut after 1024');
    });

    it('answers 502 when the upstream cannot be reached', async () => {
      const proxy = await startProxy({ upstream: { api: 'http://127.0.0.1:1' } });
      const answer = await send(proxy.url, '/v1/user/detail');
      expect(answer.status).toBe(502);
    });
  });
});

describe('createPixivProxy logs', () => {
  it('no token, code or secret in any line', async () => {
    const fake = await FakePixivServer.start({ users: 8, worksPerUser: 4, showcaseWorks: 40, prolificWorks: 0 });
    try {
      const lines: string[] = [];
      const proxy = await startProxy({
        upstream: { api: fake.apiBaseUrl, oauth: fake.oauthBaseUrl, image: fake.imageBaseUrl },
        log: (line) => lines.push(line),
      });
      const client = new PixivClient({ apiBaseUrl: proxy.url, oauthBaseUrl: proxy.url, refreshToken: fake.refreshToken });
      const works = await firstValueFrom(client.userIllustrations$(fake.world.showcaseUserId).pipe(take(3), toArray()));
      const thumbnail = works[0]?.imageUrls[Size.SQUARE_MEDIUM] as string;
      await send(proxy.url, new URL(proxiedImageUrl(proxy.url, thumbnail)).pathname + new URL(proxiedImageUrl(proxy.url, thumbnail)).search);
      await send(proxy.url, '/v1/user/detail?user_id=1&refresh_token=query-secret&code=code-secret&code_verifier=verifier-secret');

      const secrets = [fake.refreshToken, client.accessToken, client.refreshToken, 'query-secret', 'code-secret', 'verifier-secret'];
      expect(lines.length).toBe(4);
      expect(lines[0]).toMatch(/^POST oauth \/auth\/token → 200 \(\d+ ms\)$/);
      expect(lines[1]).toMatch(/^GET api \/v1\/user\/illusts\?user_id=\d+/);
      expect(lines[2]).toMatch(/^GET image \/image\?url=http/);
      for (const secret of secrets) {
        expect(secret).toBeTruthy();
        for (const line of lines) expect(line).not.toContain(secret as string);
      }
    } finally {
      await fake.close();
    }
  });
});
