import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/**
 * The request headers a page may send through the proxy: the token, the body type, the client
 * hash of token requests, the app headers a page may set, and the image ones. Anything else a
 * preflight asks for is left out of the answer, so the browser does not send the request.
 */
const ALLOWED_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'app-os',
  'app-os-version',
  'app-version',
  'authorization',
  'content-type',
  'if-modified-since',
  'if-none-match',
  'range',
  'x-client-hash',
  'x-client-time',
] as const;
const ALLOWED = new Set<string>(ALLOWED_REQUEST_HEADERS);

/** How long a browser may reuse a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * The origins a proxy answers CORS for, as exact `scheme://host[:port]` strings: a page on any
 * other origin gets no CORS header and its requests are refused.
 */
export class CorsPolicy {
  private readonly origins: ReadonlySet<string>;

  constructor(allowOrigins: readonly string[]) {
    if (!Array.isArray(allowOrigins)) throw new TypeError('allowOrigins must be an array of origins');
    this.origins = new Set(allowOrigins.map(checkedOrigin));
  }

  /** The request's `Origin`, when it has one (a browser sends it on every CORS request). */
  origin(headers: IncomingHttpHeaders): string | undefined {
    const value = headers.origin;
    return typeof value === 'string' ? value : undefined;
  }

  allows(origin: string): boolean {
    return this.origins.has(origin);
  }

  /** Headers of an answer to a page on `origin` (nothing for a request with no `Origin`). */
  responseHeaders(origin: string | undefined): OutgoingHttpHeaders {
    if (origin === undefined || !this.allows(origin)) return {};
    return { 'access-control-allow-origin': origin, vary: 'Origin' };
  }

  /** The answer to a preflight from an allowed origin. */
  preflightHeaders(origin: string, headers: IncomingHttpHeaders): OutgoingHttpHeaders {
    const requested = String(headers['access-control-request-headers'] ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => ALLOWED.has(name));
    const answer: OutgoingHttpHeaders = {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, HEAD, POST',
      'access-control-allow-headers': requested.join(', '),
      'access-control-max-age': String(PREFLIGHT_MAX_AGE),
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    };
    // Chromium asks before a public page may reach a loopback address (Private Network Access)
    if (headers['access-control-request-private-network'] === 'true') {
      answer['access-control-allow-private-network'] = 'true';
    }
    return answer;
  }
}

function checkedOrigin(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value) {
    throw new TypeError(
      `allowOrigins takes exact origins such as 'http://localhost:4200' (no path, no trailing slash), got ${JSON.stringify(value)}`,
    );
  }
  return value;
}
