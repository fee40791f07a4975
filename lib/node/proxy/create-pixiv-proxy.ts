import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { CorsPolicy } from './cors';
import { answer, forward, type ForwardOutcome, type ForwardSettings } from './forward';
import { proxyLogLine } from './proxy-log-line';
import { isRefusal, routeRequest } from './route';
import { resolveUpstreams, type PixivUpstreams } from './upstreams';

/** Options of {@link createPixivProxy}. */
export interface PixivProxyOptions {
  /**
   * The origins of the pages that may use the proxy, exactly as a browser sends them in `Origin`
   * (`'http://localhost:4200'`). Requests from any other page are refused; requests that carry no
   * `Origin` (programs, `<img>` tags) are served.
   */
  readonly allowOrigins: readonly string[];
  /**
   * Port to listen on; 0 picks a free one (read it from `url`).
   * @default 0
   */
  readonly port?: number;
  /**
   * Address to listen on. Anything but a loopback address makes the proxy reachable from other
   * machines.
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /** Where to forward instead of Pixiv's hosts (a `FakePixivServer`, a test server). */
  readonly upstream?: PixivUpstreams;
  /**
   * Largest request body forwarded (token requests and POSTs are a few hundred bytes); a larger
   * one is answered 413.
   * @default 65536
   */
  readonly maxRequestBodyBytes?: number;
  /**
   * How long the upstream may take to start its answer, and may stall while sending it, in
   * milliseconds; then the page gets 504 (or the connection is cut mid-answer).
   * @default 30000
   */
  readonly upstreamTimeoutMs?: number;
  /**
   * Told one line per request (method, upstream, path, status, time). Lines never hold a token,
   * a code or a header: query values whose names speak of tokens, codes or secrets are masked.
   * @default no logging
   */
  readonly log?: (line: string) => void;
}

/** A running proxy made by {@link createPixivProxy}. */
export interface PixivProxy {
  /**
   * Its address, e.g. `http://127.0.0.1:40123`: the `apiBaseUrl` and `oauthBaseUrl` of a
   * `PixivClient` in the page, and the base of `proxiedImageUrl`.
   */
  readonly url: string;
  /** The listening server. */
  readonly server: http.Server;
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

/** The defaults of {@link PixivProxyOptions}, in one place. */
export const PIXIV_PROXY_DEFAULTS = {
  port: 0,
  host: '127.0.0.1',
  maxRequestBodyBytes: 64 * 1024,
  upstreamTimeoutMs: 30_000,
/** Logs nothing. */
  log: (): void => undefined,
} as const satisfies Required<Omit<PixivProxyOptions, 'allowOrigins' | 'upstream'>>;

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new TypeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/**
 * Starts a proxy that lets a browser app use pixiv-rx: Pixiv's API sends no CORS headers, a page
 * cannot send the app's `User-Agent`, and `i.pximg.net` wants a pixiv `Referer`. The proxy
 * forwards `/auth/token` to the OAuth host, App API paths to the API host and
 * `/image?url=<i.pximg.net URL>` to the image host, adding what the page cannot send, and answers
 * CORS (preflights included) for `allowOrigins` only. Bodies stream through both ways.
 *
 * It is not an open proxy: it reaches only those three hosts, whatever the path, the `Host`
 * header, an absolute-form target or the `url` parameter say; `Authorization` goes to the API
 * host only; cookies never pass. The proxy holds no token of its own: the page's client sends its
 * own.
 *
 * ```ts
 * const proxy = await createPixivProxy({ allowOrigins: ['http://localhost:4200'] });
 * // in the page: new PixivClient({ apiBaseUrl: proxy.url, oauthBaseUrl: proxy.url, refreshToken })
 * ```
 */
export async function createPixivProxy(options: PixivProxyOptions): Promise<PixivProxy> {
  const cors = new CorsPolicy(options.allowOrigins);
  const upstreams = resolveUpstreams(options.upstream);
  const { port, host, maxRequestBodyBytes, upstreamTimeoutMs, log } = { ...PIXIV_PROXY_DEFAULTS, ...definedOnly(options) };
  const settings: ForwardSettings = {
    maxRequestBodyBytes: positiveInteger('maxRequestBodyBytes', maxRequestBodyBytes),
    upstreamTimeoutMs: positiveInteger('upstreamTimeoutMs', upstreamTimeoutMs),
    agents: { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) },
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const started = Date.now();
    const method = req.method ?? 'GET';
    const target = req.url ?? '';
    const origin = cors.origin(req.headers);
    const corsHeaders = cors.responseHeaders(origin);
    const report = (kind: string, outcome: ForwardOutcome): void =>
      log(proxyLogLine({ method, target, kind, outcome, durationMs: Date.now() - started }));
    const refuse = (status: number, reason: string): void => {
      answer(res, status, reason, corsHeaders);
      report('refused', { status });
    };

    if (origin !== undefined && !cors.allows(origin)) {
      refuse(403, 'this origin may not use the proxy');
      return;
    }
    if (method === 'OPTIONS' && origin !== undefined && req.headers['access-control-request-method'] !== undefined) {
      res.writeHead(204, cors.preflightHeaders(origin, req.headers)).end();
      report('preflight', { status: 204 });
      return;
    }
    const routing = routeRequest(method, target, upstreams);
    if (isRefusal(routing)) {
      refuse(routing.status, routing.reason);
      return;
    }
    forward(req, res, routing, corsHeaders, settings, (outcome) => report(routing.kind, outcome));
  };

  const server = http.createServer(handle);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // CONNECT would open a tunnel to anywhere, and an upgrade a socket past every check
  const noTunnel = (_req: http.IncomingMessage, socket: Duplex): void => {
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    log('CONNECT/upgrade refused 405');
  };
  server.on('connect', noTunnel);
  server.on('upgrade', noTunnel);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${address.port}`,
    server,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        settings.agents.http.destroy();
        settings.agents.https.destroy();
      });
      return closing;
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
