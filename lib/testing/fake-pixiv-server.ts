import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ApiRoutes } from './api-routes';
import { CLOUDFLARE_403, ENVELOPES, NGINX_404, apiError, oauthError } from './envelopes';
import {
  FaultRegistry,
  matches,
  type ChaosOptions,
  type FailResponse,
  type FaultHandle,
  type FaultPlan,
  type MalformOptions,
  type OriginKind,
  type RequestMatcher,
  type ResetOptions,
} from './faults';
import { handleImage } from './image-host';
import { ImageStore } from './image-store';
import { TokenService } from './oauth';
import { resolveOptions, type FakePixivServerOptions, type ResolvedOptions } from './options';
import { first, parseParams } from './params';
import { isAppUserAgent, json, text, type FakeRequest, type Reply } from './reply';
import { RequestLog, type FakeServerCounters, type MutableEntry, type RequestLogEntry } from './request-log';
import { Serializer, pixivJson } from './serialize';
import { FakeWorld } from './world';

/** The origins bodies carry with `officialUrls: true`. */
const OFFICIAL_ORIGINS = { api: 'https://app-api.pixiv.net', image: 'https://i.pximg.net', common: 'https://s.pximg.net' } as const;
const MAX_REQUEST_BODY = 1024 * 1024;
const CHUNK = 16 * 1024;

interface Exchange {
  readonly req: http.IncomingMessage;
  readonly res: http.ServerResponse;
  readonly entry: MutableEntry;
  readonly origin: OriginKind;
  plan: FaultPlan;
  closed: boolean;
  resetByUs: boolean;
  readonly closeWaiters: Set<() => void>;
}

/** Options of {@link FakePixivServer.issueAuthorizationCode}. */
export interface AuthorizationCodeOptions {
  /** The user who "logged in". @default the default account */
  readonly userId?: number;
}

/**
 * A real HTTP server on 127.0.0.1 that speaks the Pixiv App API protocol (docs/PROTOCOL.md):
 * OAuth with the client hash and PKCE, every endpoint of the original library with real cursors
 * and error envelopes, an image host with Referer check and Range requests, a deterministic
 * world, faults on demand and a request log.
 *
 * ```ts
 * const server = await FakePixivServer.start({ seed: 7 });
 * const client = new PixivClient({
 *   apiBaseUrl: server.apiBaseUrl,
 *   oauthBaseUrl: server.oauthBaseUrl,
 *   refreshToken: server.refreshToken,
 * });
 * // …
 * await server.close();
 * ```
 */
export class FakePixivServer {
  /**
   * e.g. `http://127.0.0.1:40123` (app-api.pixiv.net). `next_url`s are built on it, unless
   * `officialUrls` is on (then they say `https://app-api.pixiv.net`).
   */
  readonly apiBaseUrl: string;
  /** The OAuth origin (oauth.secure.pixiv.net); `POST {oauthBaseUrl}/auth/token`. */
  readonly oauthBaseUrl: string;
  /**
   * The image host (i.pximg.net and s.pximg.net): every image URL in a body points here, unless
   * `officialUrls` is on (then they name Pixiv's hosts, and this host answers their paths).
   */
  readonly imageBaseUrl: string;
  /** A valid refresh token of the default account (`world.accountId`). */
  readonly refreshToken: string;
  /** The generated data, with read accessors (and the live bookmark state). */
  readonly world: FakeWorld;

  private readonly faults = new FaultRegistry();
  private readonly requestLog = new RequestLog();
  private readonly tokens: TokenService;
  private readonly api: ApiRoutes;
  private readonly store: ImageStore;
  private readonly internalErrorList: Error[] = [];
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly options: ResolvedOptions,
    private readonly servers: ReadonlyMap<OriginKind, http.Server>,
    private readonly sockets: Set<Socket>,
    urls: { api: string; oauth: string; image: string },
  ) {
    this.apiBaseUrl = urls.api;
    this.oauthBaseUrl = urls.oauth;
    this.imageBaseUrl = urls.image;
    // with officialUrls the bodies name Pixiv's hosts; the listeners stay on loopback
    const origins = options.officialUrls ? OFFICIAL_ORIGINS : { api: urls.api, image: urls.image, common: urls.image };
    this.world = new FakeWorld(options, origins.image, origins.common);
    const serializer = new Serializer(this.world, origins.image);
    this.tokens = new TokenService(this.world, serializer, options, this.requestLog);
    this.api = new ApiRoutes(this.world, serializer, origins.api);
    this.store = new ImageStore(this.world, options);
    this.refreshToken = this.tokens.issueRefreshToken(this.world.accountId, options.refreshToken || undefined);
  }

  /** Starts the listeners (API, image host and, unless `separateOAuthOrigin: false`, OAuth). */
  static async start(options: FakePixivServerOptions = {}): Promise<FakePixivServer> {
    const resolved = resolveOptions(options);
    const sockets = new Set<Socket>();
    const servers = new Map<OriginKind, http.Server>();
    // the listeners answer 503 until the instance exists
    const ready: { instance?: FakePixivServer } = {};
    const origins: OriginKind[] = resolved.separateOAuthOrigin ? ['api', 'oauth', 'image'] : ['api', 'image'];
    const urls: Record<string, string> = {};
    try {
      for (const origin of origins) {
        const server = http.createServer((req, res) => {
          const instance = ready.instance;
          if (!instance) {
            res.writeHead(503).end();
            return;
          }
          void instance.dispatch(origin, req, res);
        });
        server.keepAliveTimeout = 5_000;
        server.on('connection', (socket: Socket) => {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
        });
        servers.set(origin, server);
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(resolved.ports[origin] ?? 0, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
          });
        });
        urls[origin] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      }
    } catch (error) {
      await Promise.all([...servers.values()].map((server) => new Promise((resolve) => server.close(resolve))));
      throw error;
    }
    const instance = new FakePixivServer(resolved, servers, sockets, {
      api: urls.api,
      oauth: urls.oauth ?? (urls.api),
      image: urls.image,
    });
    ready.instance = instance;
    return instance;
  }

  /**
   * The bytes the image host serves at a path (or URL), computed without a server. Pass the
   * options the server was started with (the seed and sizes decide works and bytes).
   */
  static imageBytesOf(pathOrUrl: string, options: FakePixivServerOptions = {}): Buffer {
    return FakePixivServer.offlineStore(options).bytesOf(pathOrUrl);
  }

  /** Hex SHA-256 of {@link FakePixivServer.imageBytesOf}, streamed (fine for 50 MiB images). */
  static expectedSha256(pathOrUrl: string, options: FakePixivServerOptions = {}): string {
    return FakePixivServer.offlineStore(options).sha256Of(pathOrUrl);
  }

  private static offlineStore(options: FakePixivServerOptions): ImageStore {
    const resolved = resolveOptions(options);
    return new ImageStore(new FakeWorld(resolved, 'http://127.0.0.1'), resolved);
  }

  /** Closes every listener and destroys open connections (requests in flight are cut). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const closed = [...this.servers.values()].map(
        (server) => new Promise<void>((resolve) => server.close(() => resolve())),
      );
      for (const server of this.servers.values()) server.closeAllConnections();
      for (const socket of this.sockets) socket.destroy();
      await Promise.all(closed);
    })();
    return this.closing;
  }

  // ---- log -----------------------------------------------------------------------------------

  /** Every request received since the start or the last {@link resetLog}, in arrival order. */
  get log(): readonly RequestLogEntry[] {
    return this.requestLog.entries;
  }

  /** The log entries a matcher selects (see {@link RequestMatcher}). */
  requests(match: RequestMatcher = '*'): RequestLogEntry[] {
    return this.requestLog.entries.filter((entry) => matches(match, entry));
  }

  /** A snapshot of the counters. */
  get counters(): FakeServerCounters {
    return this.requestLog.counters();
  }

  /** Empties the log and zeroes the counters. */
  resetLog(): void {
    this.requestLog.reset();
  }

  /** Errors thrown inside the fake while answering (answered 500); empty unless the fake has a bug. */
  get internalErrors(): readonly Error[] {
    return this.internalErrorList;
  }

  // ---- auth controls -------------------------------------------------------------------------

  /**
   * What a browser login would produce: a single-use authorization code bound to
   * `codeChallenge` (base64url sha256 of the verifier), valid for `authorizationCodeTtlMs`.
   */
  issueAuthorizationCode(codeChallenge: string, options: AuthorizationCodeOptions = {}): string {
    return this.tokens.issueAuthorizationCode(codeChallenge, options.userId ?? this.world.accountId);
  }

  /** The web login page's URL; it redirects to `pixiv://account/login?code=…&via=login`. */
  loginUrl(codeChallenge: string): string {
    return `${this.apiBaseUrl}/web/v1/login?code_challenge=${encodeURIComponent(codeChallenge)}&code_challenge_method=S256&client=pixiv-android`;
  }

  /** A new valid refresh token for any user of the world. */
  issueRefreshToken(userId: number = this.world.accountId): string {
    return this.tokens.issueRefreshToken(userId);
  }

  /** A valid access token, without going through OAuth (for tests of the API alone). */
  issueAccessToken(userId: number = this.world.accountId): string {
    return this.tokens.issueAccessToken(userId);
  }

  /** Makes every access token issued so far expired now (the API answers 400 invalid_grant). */
  expireAccessTokens(): void {
    this.tokens.expireAccessTokens();
  }

  /** The token endpoint answers this refresh token 400 "Invalid refresh token" from now on. */
  revokeRefreshToken(token: string): void {
    this.tokens.revokeRefreshToken(token);
  }

  /** Deletes a work: its detail answers 404 and listings skip it. */
  deleteIllustration(illustId: number): void {
    this.world.deleteIllustration(illustId);
  }

  // ---- faults --------------------------------------------------------------------------------

  /**
   * Delays answers by `ms`: every request (replacing the previous global latency; `latency(0)`
   * removes it) or those `match` selects. The largest matching latency applies.
   */
  latency(ms: number, match?: RequestMatcher): FaultHandle {
    return this.faults.latency(ms, match);
  }

  /**
   * Answers the next `count` matching requests with `response` instead of handling them, e.g.
   * `failNext('/v1/user/illusts', 2, FakeResponses.rateLimit({ retryAfterSeconds: 1 }))`.
   */
  failNext(match: RequestMatcher, count = 1, response: FailResponse = {}): FaultHandle {
    return this.faults.failNext(match, count, response);
  }

  /**
   * Resets the connection of the next `count` matching requests: before any answer, or after
   * the headers and `afterBytes` bytes of the body (the request is handled in that case).
   */
  resetNext(match: RequestMatcher, count = 1, options: ResetOptions = {}): FaultHandle {
    return this.faults.resetNext(match, count, options);
  }

  /** Breaks the body of the next `count` matching JSON answers (not JSON, truncated, or off-schema). */
  malformNext(match: RequestMatcher, count = 1, options: MalformOptions = {}): FaultHandle {
    return this.faults.malformNext(match, count, options);
  }

  /** Sends the bodies of matching answers `bytesPerChunk` at a time, every `intervalMs`, until removed. */
  trickle(match: RequestMatcher, bytesPerChunk: number, intervalMs: number): FaultHandle {
    return this.faults.trickle(match, bytesPerChunk, intervalMs);
  }

  /** Random 5xx, 429 and resets at the given rates, deterministic from `seed` and the request order. */
  chaos(options: ChaosOptions): FaultHandle {
    return this.faults.chaos(options);
  }

  /** Removes every fault, latency and trickle. */
  clearFaults(): void {
    this.faults.clear();
  }

  // ---- images --------------------------------------------------------------------------------

  /** The exact bytes the image host serves for a path or URL (throws for a path it answers 404). */
  imageBytesOf(pathOrUrl: string): Buffer {
    return this.store.bytesOf(pathOrUrl);
  }

  /** The Content-Length the image host sends for a path or URL. */
  imageSizeOf(pathOrUrl: string): number {
    const source = this.store.resolve(pathOrUrl);
    if (!source) throw new RangeError(`the fake image host has no image at ${pathOrUrl}`);
    return source.size;
  }

  /** Hex SHA-256 of an image, computed by streaming. */
  expectedSha256(pathOrUrl: string): string {
    return this.store.sha256Of(pathOrUrl);
  }

  // ---- serving -------------------------------------------------------------------------------

  private async dispatch(origin: OriginKind, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = parseParams(q < 0 ? '' : rawUrl.slice(q + 1));
    const method = (req.method ?? 'GET').toUpperCase();
    let body: string;
    let tooLarge = false;
    try {
      body = await readBody(req, () => (tooLarge = true));
    } catch {
      return; // the client went away while sending
    }
    const isForm = /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');
    const entry = this.requestLog.start({
      time: Date.now(),
      origin,
      method,
      path,
      url: rawUrl,
      query,
      headers: req.headers,
      body,
      form: isForm ? parseParams(body) : undefined,
    });
    const ex: Exchange = {
      req,
      res,
      entry,
      origin,
      plan: { latencyMs: 0, action: undefined, trickle: undefined },
      closed: false,
      resetByUs: false,
      closeWaiters: new Set(),
    };
    const isTransfer = origin === 'image';
    if (isTransfer) this.requestLog.imageStarted();
    res.on('close', () => {
      ex.closed = true;
      if (!res.writableFinished && !ex.resetByUs) entry.aborted = true;
      entry.durationMs = Date.now() - entry.time;
      if (isTransfer) this.requestLog.imageEnded();
      for (const wake of ex.closeWaiters) wake();
    });
    try {
      if (tooLarge) return await this.send(ex, text(413, 'Request Entity Too Large'));
      ex.plan = this.faults.plan({ origin, method, path, query, headers: req.headers });
      if (ex.plan.latencyMs > 0) await this.sleep(ex, ex.plan.latencyMs);
      if (ex.closed) return;
      const action = ex.plan.action;
      if (action?.kind === 'fail') {
        entry.fault = 'fail';
        return await this.send(ex, this.failReply(origin, action.response));
      }
      if (action?.kind === 'reset' && action.afterBytes === undefined && action.afterFraction === undefined) {
        entry.fault = 'reset';
        ex.resetByUs = true;
        destroyWithReset(req.socket);
        return;
      }
      const request: FakeRequest = { method, path, query, headers: req.headers, form: entry.form ?? {} };
      let reply: Reply;
      try {
        reply = this.route(origin, request);
      } catch (error) {
        this.internalErrorList.push(error instanceof Error ? error : new Error(String(error)));
        reply = json(500, apiError('', `FakePixivServer internal error: ${String(error)}`));
      }
      await this.send(ex, reply);
    } catch (error) {
      this.internalErrorList.push(error instanceof Error ? error : new Error(String(error)));
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  }

  private route(origin: OriginKind, request: FakeRequest): Reply {
    if (origin === 'image') return handleImage(request, this.store);
    if (origin === 'api' && request.path === '/web/v1/login') return this.webLogin(request);
    // Cloudflare answers before Pixiv sees the request (reports of Oct 2020)
    if (this.options.checkUserAgent && !isAppUserAgent(request.headers['user-agent'])) {
      return text(403, CLOUDFLARE_403, { Server: 'cloudflare', 'CF-RAY': '0000000000000000-NRT' });
    }
    const isToken = request.path === '/auth/token';
    if (origin === 'oauth' || (isToken && !this.options.separateOAuthOrigin)) {
      return isToken && request.method === 'POST' ? this.tokens.handle(request) : text(404, NGINX_404);
    }
    // every API call is authenticated; a bad token is a 400 with an OAuth message, not a 401
    const auth = this.tokens.authenticate(request.headers.authorization);
    if ('failure' in auth) {
      return json(400, auth.failure === 'invalid_request' ? ENVELOPES.invalidRequest() : ENVELOPES.invalidGrant());
    }
    return this.api.handle(request, auth.userId);
  }

  /** The browser login: logs the default account in and redirects to the app's scheme. */
  private webLogin(request: FakeRequest): Reply {
    const challenge = first(request.query, 'code_challenge');
    if (!challenge || first(request.query, 'code_challenge_method') !== 'S256') {
      return text(400, 'code_challenge and code_challenge_method=S256 are required');
    }
    let code: string;
    try {
      code = this.tokens.issueAuthorizationCode(challenge, this.world.accountId);
    } catch {
      return text(400, 'invalid code_challenge');
    }
    return { status: 302, headers: { Location: `pixiv://account/login?code=${code}&via=login` }, text: '' };
  }

  private failReply(origin: OriginKind, response: FailResponse): Reply {
    const status = response.status ?? 500;
    const headers = { ...response.headers };
    const body = response.body;
    if (body === undefined) {
      if (origin === 'image') return text(status, NGINX_404.replace(/404 Not Found/g, `${status}`), headers);
      if (origin === 'oauth') return json(status, oauthError('server error', 'server_error'), headers);
      return json(status, apiError('', status >= 500 ? 'Internal Server Error' : ''), headers);
    }
    if (typeof body === 'string') return text(status, body, headers);
    if (Buffer.isBuffer(body)) return { status, headers: { 'Content-Type': 'application/octet-stream', ...headers }, bytes: body };
    return json(status, body, headers);
  }

  private async send(ex: Exchange, reply: Reply): Promise<void> {
    const { entry, plan } = ex;
    const headers: Record<string, string> = { ...reply.headers };
    let body: Buffer | undefined;
    if ('json' in reply) {
      headers['Content-Type'] ??= 'application/json; charset=utf-8';
      let serialized = pixivJson(reply.json);
      if (plan.action?.kind === 'malform') {
        entry.fault = 'malform';
        const { kind = 'schema', mutate } = plan.action.options;
        if (kind === 'not-json') {
          headers['Content-Type'] = 'text/html; charset=utf-8';
          serialized = '<!DOCTYPE html><html><head><title>Login</title></head><body>Please sign in to the network.</body></html>';
          return this.write(ex, 200, headers, Buffer.from(serialized, 'utf8'));
        }
        if (kind === 'truncated') serialized = serialized.slice(0, Math.floor(serialized.length / 2));
        else {
          const parsed = JSON.parse(serialized) as unknown;
          const changed = mutate ? mutate(parsed) : breakSchema(parsed);
          serialized = pixivJson(changed === undefined ? parsed : changed);
        }
      }
      body = Buffer.from(serialized, 'utf8');
    } else if ('text' in reply) {
      body = Buffer.from(reply.text, 'utf8');
    } else if ('bytes' in reply) {
      body = reply.bytes;
    }
    if (body) return this.write(ex, reply.status, headers, body);
    if ('source' in reply) return this.write(ex, reply.status, headers, reply.source, reply.range);
  }

  private async write(
    ex: Exchange,
    status: number,
    headers: Record<string, string>,
    body: Buffer | { chunks(start: number, end: number): Iterable<Buffer> },
    range: readonly [number, number] = [0, Buffer.isBuffer(body) ? body.length : 0],
  ): Promise<void> {
    const { res, entry, plan } = ex;
    if (ex.closed) return;
    const total = range[1] - range[0];
    headers['Content-Length'] = String(total);
    let resetAt: number | undefined;
    if (plan.action?.kind === 'reset') {
      entry.fault = 'reset';
      const wanted = plan.action.afterBytes ?? Math.floor((plan.action.afterFraction ?? 0.5) * total);
      resetAt = total > 0 ? Math.min(wanted, total - 1) : 0;
    }
    res.writeHead(status, headers);
    entry.status = status;
    if (resetAt !== undefined) res.flushHeaders();
    const chunks: Iterable<Buffer> = Buffer.isBuffer(body) ? slices(body, range) : body.chunks(range[0], range[1]);
    if (ex.req.method !== 'HEAD') {
      for (const chunk of chunks) {
        let rest = chunk;
        while (rest.length > 0) {
          if (ex.closed) return;
          let n = rest.length;
          if (plan.trickle) n = Math.min(n, plan.trickle.bytes);
          if (resetAt !== undefined) n = Math.min(n, resetAt - entry.bytesSent);
          if (n > 0) {
            const piece = rest.subarray(0, n);
            rest = rest.subarray(n);
            entry.bytesSent += n;
            if (!res.write(piece)) await this.waitDrain(ex);
          }
          if (resetAt !== undefined && entry.bytesSent >= resetAt) return this.resetAfterFlush(ex);
          if (plan.trickle?.intervalMs) await this.sleep(ex, plan.trickle.intervalMs);
        }
      }
    }
    if (resetAt !== undefined) return this.resetAfterFlush(ex);
    res.end();
  }

  /** Lets the bytes written so far reach the client, then resets the connection. */
  private async resetAfterFlush(ex: Exchange): Promise<void> {
    ex.resetByUs = true;
    const socket = ex.req.socket;
    for (let i = 0; i < 200 && socket.writableLength > 0 && !socket.destroyed; i++) await this.sleep(ex, 1);
    await this.sleep(ex, 15);
    destroyWithReset(socket);
  }

  private sleep(ex: Exchange, ms: number): Promise<void> {
    if (ex.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        ex.closeWaiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      ex.closeWaiters.add(wake);
    });
  }

  private waitDrain(ex: Exchange): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        ex.res.off('drain', wake);
        ex.closeWaiters.delete(wake);
        resolve();
      };
      ex.res.on('drain', wake);
      ex.closeWaiters.add(wake);
    });
  }
}

function* slices(buffer: Buffer, [start, end]: readonly [number, number]): Iterable<Buffer> {
  for (let at = start; at < end; at += CHUNK) yield buffer.subarray(at, Math.min(at + CHUNK, end));
}

function destroyWithReset(socket: Socket): void {
  if (socket.destroyed) return;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/** The default schema break: the first field other than `next_url` becomes the string "broken". */
function breakSchema(body: unknown): unknown {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const key = Object.keys(body).find((name) => name !== 'next_url');
    if (key !== undefined) (body as Record<string, unknown>)[key] = 'broken';
    return body;
  }
  return 'broken';
}

function readBody(req: http.IncomingMessage, onTooLarge: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BODY) onTooLarge();
      else chunks.push(chunk);
    });
    let ended = false;
    req.on('end', () => {
      ended = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!ended) reject(new Error('request aborted'));
    });
  });
}
