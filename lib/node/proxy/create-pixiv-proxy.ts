import type * as http from 'node:http';
import type { PixivUpstreams } from './upstreams';

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
  // node:http, node:https and the proxy itself load when a proxy is made, not with pixiv-rx/node
  const { startProxyServer } = await import('./proxy-server');
  return startProxyServer(options);
}
