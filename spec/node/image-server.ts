import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small image host on 127.0.0.1 for the download specs (until the project's FakePixivServer
 * serves images): deterministic bytes per path, Content-Length, Range/206/416, 403 without a
 * Referer, and fault hooks. Every request is recorded.
 */

/** What the next request to a path gets instead of the plain file. */
export type Fault =
  /** An error status (and optional headers / body). */
  | { readonly kind: 'status'; readonly status: number; readonly headers?: Record<string, string>; readonly body?: string }
  /** The head and `afterBytes` of the body, then the socket is destroyed. */
  | { readonly kind: 'reset'; readonly afterBytes: number }
  /** 200 with an HTML page. */
  | { readonly kind: 'html' }
  /** 200 with an empty body. */
  | { readonly kind: 'empty' }
  /** The whole file with 200, whatever the Range. */
  | { readonly kind: 'ignoreRange' }
  /** A 206 whose Content-Range claims a larger total than the file has. */
  | { readonly kind: 'badTotal' }
  /** The file in `chunkBytes` pieces every `intervalMs`. */
  | { readonly kind: 'trickle'; readonly chunkBytes: number; readonly intervalMs: number }
  /** `sendBytes` of the body, then the connection is closed cleanly (short of Content-Length). */
  | { readonly kind: 'short'; readonly sendBytes: number }
  /** `sendBytes` of the body, then silence (the socket stays open). */
  | { readonly kind: 'stall'; readonly sendBytes: number };

export interface RecordedRequest {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  /** Set when the response's socket closed before the response was complete. */
  closedEarly: boolean;
  finished: boolean;
}

interface ServedFile {
  readonly content: Buffer;
  readonly contentType: string;
}

/** Deterministic pseudo-random bytes for a path (xorshift32 seeded by the path's sha256). */
export function bytesFor(path: string, size: number): Buffer {
  const seed = createHash('sha256').update(path).digest();
  let state = seed.readUInt32LE(0) || 1;
  const buffer = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    buffer[i] = state & 0xff;
  }
  return buffer;
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function contentTypeOf(path: string): string {
  if (path.endsWith('.png')) return 'image/png';
  if (path.endsWith('.zip')) return 'application/zip';
  return 'image/jpeg';
}

export class ImageServer {
  readonly requests: RecordedRequest[] = [];
  /** Requests whose response is not finished yet. */
  active = 0;
  /** Most requests seen unfinished at once. */
  peak = 0;
  /** Delay before each head is sent, so concurrent requests overlap. */
  latencyMs = 0;

  private readonly files = new Map<string, ServedFile>();
  private readonly faults = new Map<string, Fault[]>();
  private readonly standing = new Map<string, Fault>();
  private held: Array<() => void> | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sockets = new Set<import('node:net').Socket>();
  private waiters: Array<() => void> = [];

  private constructor(private readonly server: http.Server, readonly origin: string) {}

  static async start(): Promise<ImageServer> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const image = new ImageServer(server, `http://127.0.0.1:${port}`);
    server.on('request', (req, res) => image.handle(req, res));
    server.on('connection', (socket) => {
      image.sockets.add(socket);
      socket.on('close', () => image.sockets.delete(socket));
    });
    return image;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  /** Serves `size` deterministic bytes at `path`; returns them. */
  addFile(path: string, size: number, contentType = contentTypeOf(path)): Buffer {
    const content = bytesFor(path, size);
    this.files.set(path, { content, contentType });
    return content;
  }

  /** Serves `content` at `path` (a zip of real frames, say). */
  addContent(path: string, content: Buffer, contentType = contentTypeOf(path)): Buffer {
    this.files.set(path, { content, contentType });
    return content;
  }

  /** The next requests to `path` meet these faults, one each, in order. */
  failNext(path: string, ...faults: Fault[]): void {
    this.faults.set(path, [...(this.faults.get(path) ?? []), ...faults]);
  }

  /** Every request to `path` meets this fault. */
  failAlways(path: string, fault: Fault): void {
    this.standing.set(path, fault);
  }

  /** Holds every request (head not sent) until {@link release}. */
  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const go of held) go();
  }

  requestsFor(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  /** Resolves once `condition` holds (checked after every server event, and every few ms). */
  async until(condition: () => boolean): Promise<void> {
    while (!condition()) {
      await new Promise<void>((resolve) => {
        const poll = setTimeout(resolve, 2);
        this.waiters.push(() => {
          clearTimeout(poll);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    this.release();
    for (const timer of this.timers) clearTimeout(timer);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private changed(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = new URL(req.url ?? '/', this.origin).pathname;
    const record: RecordedRequest = { path, headers: req.headers, closedEarly: false, finished: false };
    this.requests.push(record);
    this.active++;
    this.peak = Math.max(this.peak, this.active);
    res.on('close', () => {
      record.finished = res.writableFinished;
      record.closedEarly = !res.writableFinished;
      this.active--;
      this.changed();
    });
    this.changed();
    const respond = (): void => {
      if (res.destroyed) return;
      if (this.latencyMs > 0) this.later(this.latencyMs, () => this.respond(req, res, path));
      else this.respond(req, res, path);
    };
    if (this.held) this.held.push(respond);
    else respond();
  }

  private respond(req: http.IncomingMessage, res: http.ServerResponse, path: string): void {
    if (res.destroyed) return;
    if (!req.headers.referer) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Referer required');
      return;
    }
    const fault = this.faults.get(path)?.shift() ?? this.standing.get(path);
    const file = this.files.get(path);
    if (fault?.kind === 'status') {
      const body = fault.body ?? '';
      res.writeHead(fault.status, { 'Content-Length': Buffer.byteLength(body), ...fault.headers }).end(body);
      return;
    }
    if (fault?.kind === 'html') {
      const body = '<!DOCTYPE html><html><body>Please log in</body></html>';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) }).end(body);
      return;
    }
    if (fault?.kind === 'empty') {
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': 0 }).end();
      return;
    }
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const size = file.content.length;
    let start = 0;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (range && fault?.kind !== 'ignoreRange') {
      start = Number(range[1]);
      if (start >= size) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}`, 'Content-Length': 0 }).end();
        return;
      }
    }
    const body = file.content.subarray(start);
    const headers: Record<string, string | number> = { 'Content-Type': file.contentType, 'Content-Length': body.length };
    if (start > 0) {
      const total = fault?.kind === 'badTotal' ? size + 10 : size;
      headers['Content-Range'] = `bytes ${start}-${size - 1}/${total}`;
    }
    res.writeHead(start > 0 ? 206 : 200, headers);
    switch (fault?.kind) {
      case 'reset':
        res.write(body.subarray(0, fault.afterBytes), () => this.later(5, () => res.socket?.destroy()));
        return;
      case 'short':
        res.write(body.subarray(0, fault.sendBytes), () => res.socket?.end());
        return;
      case 'stall':
        res.write(body.subarray(0, fault.sendBytes));
        return;
      case 'trickle': {
        let sent = 0;
        const next = (): void => {
          if (res.destroyed) return;
          const chunk = body.subarray(sent, sent + fault.chunkBytes);
          sent += chunk.length;
          if (sent >= body.length) res.end(chunk);
          else res.write(chunk, () => this.later(fault.intervalMs, next));
        };
        next();
        return;
      }
      default:
        res.end(body);
    }
  }
}
