import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { ANDROID_APP, PIXIV_REFERER, appHeaders } from '../../http/headers';
import type { UpstreamKind } from './route';

/** Request headers passed on from the page, per upstream; every other header stays behind. */
const PASSED_ON: Readonly<Record<UpstreamKind, readonly string[]>> = {
  // the bearer token goes to the API host and nowhere else (PROTOCOL.md)
  api: ['accept', 'accept-encoding', 'authorization', 'content-type', 'content-length'],
  oauth: ['accept', 'accept-encoding', 'content-type', 'content-length', 'x-client-time', 'x-client-hash'],
  image: ['accept', 'accept-encoding', 'range', 'if-range', 'if-modified-since', 'if-none-match'],
};

/** The language sent when the page sends none. */
const DEFAULT_LANGUAGE = 'English';

/**
 * The headers of the request to the upstream, built afresh: the few the page may pass on, and what
 * a page cannot send itself: the app headers (`User-Agent` first) on API and token requests, the
 * app `User-Agent` and the pixiv `Referer` on images. Cookies, the page's `Origin` and `Referer`,
 * `Host` and hop-by-hop headers never go through.
 */
export function upstreamHeaders(kind: UpstreamKind, incoming: IncomingHttpHeaders): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const name of PASSED_ON[kind]) {
    const value = incoming[name];
    if (value !== undefined) headers[name] = value;
  }
  if (kind === 'image') {
    headers['user-agent'] = ANDROID_APP.userAgent;
    headers.referer = PIXIV_REFERER;
    return headers;
  }
  const language = typeof incoming['accept-language'] === 'string' ? incoming['accept-language'] : DEFAULT_LANGUAGE;
  for (const [name, value] of Object.entries(appHeaders(language, false))) headers[name.toLowerCase()] = value;
  return headers;
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) and what must not reach the page's origin. */
const NOT_RETURNED = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'set-cookie',
  'alt-svc',
  'strict-transport-security',
]);

/** The upstream's answer headers as the page gets them; CORS is the proxy's own, added after. */
export function returnedHeaders(incoming: IncomingHttpHeaders): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || NOT_RETURNED.has(name) || name.startsWith('access-control-')) continue;
    headers[name] = value;
  }
  return headers;
}
