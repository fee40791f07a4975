import { PIXIV_IMAGE_HOSTS, type ResolvedUpstreams } from './upstreams';

/** What a request to the proxy is for. */
export type UpstreamKind = 'api' | 'oauth' | 'image';

/** A request the proxy forwards: the upstream it goes to and the exact URL there. */
export interface ForwardRoute {
  readonly kind: UpstreamKind;
  readonly url: URL;
}

/** A request the proxy answers itself, with this status and reason, and never forwards. */
export interface Refusal {
  readonly refused: true;
  readonly status: number;
  readonly reason: string;
}

/** The result of {@link routeRequest}. */
export type Routing = ForwardRoute | Refusal;

/**
 * App API paths: `/v1/…` to `/v3/…` and the novel text under `/webview/`. Only letters, digits,
 * `-` and `_` between the slashes, so no `..`, `%2e` or `\` can make a path climb or escape.
 */
const API_PATH = /^\/(?:v[1-9]|webview\/v[1-9])(?:\/[A-Za-z0-9_-]+)+$/;

const METHODS: Readonly<Record<UpstreamKind, ReadonlySet<string>>> = {
  api: new Set(['GET', 'POST']),
  oauth: new Set(['POST']),
  image: new Set(['GET', 'HEAD']),
};

function refuse(status: number, reason: string): Refusal {
  return { refused: true, status, reason };
}

/** Whether {@link routeRequest} refused. */
export function isRefusal(routing: Routing): routing is Refusal {
  return 'refused' in routing;
}

/**
 * Decides where one request goes, from its method and its request target alone: the `Host` header
 * plays no part, an absolute-form target (`GET http://elsewhere/ HTTP/1.1`) is refused, and the
 * upstream origin is never taken from the request. `/auth/token` goes to the OAuth host, App API
 * paths to the API host, `/image?url=` to the image host when the URL is on it; anything else is
 * refused.
 */
export function routeRequest(method: string, target: string, upstreams: ResolvedUpstreams): Routing {
  if (!target.startsWith('/') || target.startsWith('//')) {
    return refuse(400, 'only origin-form request targets (a path) are served');
  }
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = queryAt === -1 ? '' : target.slice(queryAt);

  let routing: Routing;
  if (path === '/auth/token') {
    routing = { kind: 'oauth', url: new URL(`${upstreams.oauth}/auth/token${query}`) };
  } else if (path === '/image') {
    routing = imageRoute(query, upstreams);
  } else if (API_PATH.test(path)) {
    routing = { kind: 'api', url: new URL(`${upstreams.api}${path}${query}`) };
  } else {
    return refuse(404, 'not a path of the Pixiv App API');
  }
  if (isRefusal(routing)) return routing;
  if (!METHODS[routing.kind].has(method)) return refuse(405, `${method} is not forwarded to the ${routing.kind} host`);
  return routing;
}

function imageRoute(query: string, upstreams: ResolvedUpstreams): Routing {
  const values = new URLSearchParams(query).getAll('url');
  if (values.length !== 1) return refuse(400, '/image takes exactly one url parameter');
  let image: URL;
  try {
    image = new URL(values[0]);
  } catch {
    return refuse(400, 'the url parameter is not an absolute URL');
  }
  if (image.username || image.password) return refuse(403, 'image URLs with credentials are not forwarded');
  const onPixiv = image.protocol === 'https:' && image.port === '' && PIXIV_IMAGE_HOSTS.has(image.hostname);
  const onUpstream = upstreams.image !== undefined && image.origin === upstreams.image;
  if (!onPixiv && !onUpstream) return refuse(403, 'only i.pximg.net and s.pximg.net images are forwarded');
  const host = upstreams.image ?? image.origin;
  return { kind: 'image', url: new URL(`${host}${image.pathname}${image.search}`) };
}
