import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { CorsPolicy } from './cors';
import { answer, forward, type ForwardOutcome, type ForwardSettings } from './forward';
import { proxyLogLine } from './proxy-log-line';
import { isRefusal, routeRequest } from './route';
import { PIXIV_PROXY_DEFAULTS, type PixivProxy, type PixivProxyOptions } from './create-pixiv-proxy';
import { resolveUpstreams } from './upstreams';
import { definedOptions } from '../../defined-options';

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new TypeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/** Starts the server behind {@link createPixivProxy}. */
export async function startProxyServer(options: PixivProxyOptions): Promise<PixivProxy> {
  const cors = new CorsPolicy(options.allowOrigins);
  const upstreams = resolveUpstreams(options.upstream);
  const { port, host, maxRequestBodyBytes, upstreamTimeoutMs, log } = { ...PIXIV_PROXY_DEFAULTS, ...definedOptions(options) };
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
