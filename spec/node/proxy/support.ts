import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createPixivProxy, type PixivProxy, type PixivProxyOptions } from '../../../lib/node/proxy';

/** Proxies started by a spec, closed after each test. */
const started: PixivProxy[] = [];
const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((proxy) => proxy.close()));
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

export const APP_ORIGIN = 'http://localhost:4200';

export async function startProxy(options: Partial<PixivProxyOptions> = {}): Promise<PixivProxy> {
  const proxy = await createPixivProxy({ allowOrigins: [APP_ORIGIN], ...options });
  started.push(proxy);
  return proxy;
}

/** One request a {@link Recorder} received. */
export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A loopback server that records every request. By default it answers 200 `ok`; `respond`
 * replaces that (and may leave a request hanging). Stands for an upstream, or for a host the
 * proxy must never reach.
 */
export interface Recorder {
  readonly url: string;
  readonly requests: Recorded[];
  respond: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;
}

export async function startRecorder(): Promise<Recorder> {
  const recorder: Recorder = {
    url: '',
    requests: [],
    respond: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      recorder.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      recorder.respond(req, res, body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(recorder, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

/** An answer as the page (or a program) gets it. */
export interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** One request with node:http: any method, target and headers (Host included). */
export function send(
  base: string,
  target: string,
  options: { method?: string; headers?: http.OutgoingHttpHeaders; body?: string | Buffer } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      { hostname, port, path: target, method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Writes raw bytes to the proxy and reads until it closes the connection (or `ms` pass). */
export function sendRaw(base: string, text: string, ms = 2000): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), ms);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.on('error', reject);
    socket.write(text);
  });
}
