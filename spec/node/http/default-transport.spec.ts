import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as zlib from 'node:zlib';
import { lastValueFrom } from 'rxjs';
import { BadApiResponse, NetworkError, PixivApiError, RateLimitError } from '../../../lib/errors';
import { Cancellation } from '../../../lib/http/cancellation';
import type { HttpContext } from '../../../lib/http/context';
import { requestJson } from '../../../lib/http/request';
import { resolveRetryPolicy } from '../../../lib/http/retry';
import { sendWithNodeHttp } from '../../../lib/node/http/default-transport';
import { runInFreshNode } from '../support';

/** A context without an axios instance: API requests take the default transport, node:http in Node. */
function context(timeoutMs = 0): HttpContext {
  return { userAxios: false, retry: resolveRetryPolicy(false), timeoutMs, onRetry: () => undefined };
}

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly rawHeaders: readonly string[];
  readonly body: string;
  readonly remotePort: number | undefined;
}

/** A server on 127.0.0.1 whose answer each test sets, recording every request it gets. */
class Server {
  readonly seen: Seen[] = [];
  handler: (request: http.IncomingMessage, response: http.ServerResponse) => void = (_request, response) => response.end('{}');
  readonly closed: string[] = [];
  private readonly server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      this.seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        rawHeaders: request.rawHeaders,
        body: Buffer.concat(chunks).toString('utf8'),
        remotePort: request.socket.remotePort,
      });
      this.handler(request, response);
    });
    response.on('close', () => {
      if (!response.writableFinished) this.closed.push(request.url ?? '');
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(pathname: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${pathname}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const BODY = { title: '灯り', tags: ['オリジナル', 'landscape'], next_url: null };
const TEXT = JSON.stringify(BODY);

const ENCODINGS: [string, (input: Buffer) => Buffer][] = [
  ['gzip', (input) => zlib.gzipSync(input)],
  ['x-gzip', (input) => zlib.gzipSync(input)],
  ['deflate', (input) => zlib.deflateSync(input)],
  ['deflate', (input) => zlib.deflateRawSync(input)],
  ['br', (input) => zlib.brotliCompressSync(input)],
];

describe('the Node default transport of API calls', () => {
  let server: Server;

  beforeEach(async () => {
    server = await new Server().start();
  });

  afterEach(() => server.close());

  it.each(ENCODINGS)('decodes a %s body, as axios would (%#)', async (coding, compress) => {
    server.handler = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': coding });
      response.end(compress(Buffer.from(TEXT)));
    };
    const answer = await lastValueFrom(requestJson(context(), { method: 'GET', url: server.url('/v1/x') }));
    expect(answer).toEqual({ status: 200, body: BODY });
  });

  it('decodes a compressed body cut after its last whole block, as axios does', async () => {
    const whole = zlib.gzipSync(Buffer.from(TEXT));
    server.handler = (_request, response) => {
      response.writeHead(200, { 'Content-Encoding': 'gzip' });
      // without the 8-byte trailer (CRC and length)
      response.end(whole.subarray(0, whole.length - 8));
    };
    const answer = await sendWithNodeHttp({ method: 'GET', url: server.url('/'), headers: {}, data: undefined, cancellation: new Cancellation() });
    expect(answer.data).toBe(TEXT);
  });

  it('leaves a body in a coding it does not decode as it is, and strips a byte order mark', async () => {
    server.handler = (request, response) => {
      if (request.url === '/other') {
        response.writeHead(200, { 'Content-Encoding': 'compress' });
        response.end('as sent');
      } else response.end(`\ufeff${TEXT}`);
    };
    const other = await sendWithNodeHttp({ method: 'GET', url: server.url('/other'), headers: {}, data: undefined, cancellation: new Cancellation() });
    expect(other.data).toBe('as sent');
    const marked = await lastValueFrom(requestJson(context(), { method: 'GET', url: server.url('/bom') }));
    expect(marked.body).toEqual(BODY);
  });

  it('asks for the codings it decodes, and sends a form with its Content-Length, not in chunks', async () => {
    await lastValueFrom(
      requestJson(context(), { method: 'POST', url: server.url('/auth/token'), form: { refresh_token: 'ü-token', grant_type: 'refresh_token' } }),
    );
    const [seen] = server.seen;
    expect(seen?.method).toBe('POST');
    expect(seen?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(seen?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen?.body).toBe('refresh_token=%C3%BC-token&grant_type=refresh_token');
    expect(seen?.headers['content-length']).toBe(String(Buffer.byteLength(seen?.body ?? '')));
    expect(seen?.headers['transfer-encoding']).toBeUndefined();
  });

  it("leaves a caller's own Accept-Encoding alone, in any case, and the caller's headers unchanged", async () => {
    const headers = Object.freeze({ 'accept-encoding': 'identity', 'X-Extra': 'kept' });
    await sendWithNodeHttp({ method: 'GET', url: server.url('/plain'), headers, data: undefined, cancellation: new Cancellation() });
    const [seen] = server.seen;
    expect(seen?.headers['accept-encoding']).toBe('identity');
    expect(seen?.headers['x-extra']).toBe('kept');
    expect(seen?.rawHeaders.filter((name) => name.toLowerCase() === 'accept-encoding')).toHaveLength(1);
    expect(headers).toEqual({ 'accept-encoding': 'identity', 'X-Extra': 'kept' });
  });

  it('keeps one connection alive from request to request', async () => {
    for (let i = 0; i < 3; i++) await lastValueFrom(requestJson(context(), { method: 'GET', url: server.url(`/v1/page/${i}`) }));
    expect(server.seen).toHaveLength(3);
    expect(new Set(server.seen.map((seen) => seen.remotePort)).size).toBe(1);
  });

  it('follows no redirect: a 302 is the answer, mapped to an error', async () => {
    server.handler = (_request, response) => {
      response.writeHead(302, { Location: server.url('/elsewhere') });
      response.end();
    };
    const answer = await sendWithNodeHttp({ method: 'GET', url: server.url('/'), headers: {}, data: undefined, cancellation: new Cancellation() });
    expect(answer.status).toBe(302);
    await expect(lastValueFrom(requestJson(context(), { method: 'GET', url: server.url('/') }))).rejects.toBeInstanceOf(PixivApiError);
    expect(server.seen.map((seen) => seen.url)).toEqual(['/', '/']);
  });

  it("gives a 429's Retry-After to the RateLimitError", async () => {
    server.handler = (_request, response) => {
      response.writeHead(429, { 'Retry-After': '7', 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'Rate Limit' } }));
    };
    const error: unknown = await lastValueFrom(requestJson(context(), { method: 'GET', url: server.url('/') })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(7000);
  });

  it('a 200 whose body is not JSON is a BadApiResponse', async () => {
    server.handler = (_request, response) => response.end('<html>maintenance</html>');
    await expect(lastValueFrom(requestJson(context(), { method: 'GET', url: server.url('/') }))).rejects.toBeInstanceOf(BadApiResponse);
  });

  it('a connection cut in the middle of the body is a NetworkError of kind reset', async () => {
    server.handler = (_request, response) => {
      response.writeHead(200, { 'Content-Length': '1000' });
      response.write(TEXT.slice(0, 10), () => response.socket?.destroy());
    };
    const error: unknown = await lastValueFrom(requestJson(context(), { method: 'GET', url: server.url('/') })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'reset', reachedServer: true });
  });

  it('a refused connection is a NetworkError that never reached the server', async () => {
    const url = server.url('/');
    await server.close();
    const error: unknown = await lastValueFrom(requestJson(context(), { method: 'GET', url })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'NetworkError', kind: 'refused', reachedServer: false });
    server = await new Server().start();
  });

  it('unsubscribing aborts the request in flight', async () => {
    server.handler = () => undefined;
    const subscription = requestJson(context(), { method: 'GET', url: server.url('/slow') }).subscribe();
    await waitFor(() => server.seen.length === 1);
    subscription.unsubscribe();
    await waitFor(() => server.closed.length === 1);
    expect(server.closed).toEqual(['/slow']);
  });

  it('timeoutMs bounds the whole exchange, a body that trickles in included', async () => {
    server.handler = (_request, response) => {
      response.writeHead(200, { 'Content-Length': '100000' });
      const timer = setInterval(() => response.write(' '), 20);
      response.on('close', () => clearInterval(timer));
    };
    const error: unknown = await lastValueFrom(requestJson(context(150), { method: 'GET', url: server.url('/') })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'NetworkError', kind: 'timeout' });
  });

  it('refuses a URL that is not http(s) before sending anything', async () => {
    await expect(
      sendWithNodeHttp({ method: 'GET', url: 'ftp://127.0.0.1/x', headers: {}, data: undefined, cancellation: new Cancellation() }),
    ).rejects.toBeInstanceOf(TypeError);
    expect(server.seen).toHaveLength(0);
  });
});

describe('API calls in a fresh Node process', () => {
  it('never load axios when no proxy is set in the environment', async () => {
    const script = [
      "const { lastValueFrom, take } = require('rxjs');",
      "const { PixivClient } = require('./lib');",
      "const { FakePixivServer } = require('./lib/testing');",
      "const loaded = () => Object.keys(require.cache).filter((k) => /node_modules[\\\\/]axios[\\\\/]/.test(k)).length;",
      '(async () => {',
      '  const fake = await FakePixivServer.start();',
      '  const client = new PixivClient({ apiBaseUrl: fake.apiBaseUrl, oauthBaseUrl: fake.oauthBaseUrl, refreshToken: fake.refreshToken });',
      '  const work = await lastValueFrom(client.userIllustrations$(fake.world.showcaseUserId).pipe(take(1)));',
      "  console.log(JSON.stringify({ id: typeof work.id, axios: loaded() }));",
      '  await fake.close();',
      '})();',
    ].join('\n');
    const stdout = await runInFreshNode(script);
    expect(JSON.parse(stdout)).toEqual({ id: 'number', axios: 0 });
  }, 60_000);
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}
