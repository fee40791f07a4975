import type { Agent, ClientRequest, RequestOptions } from 'node:http';

/** node:http or node:https, with the keep-alive agent every request of the process shares. */
export interface NodeHttp {
  readonly request: (url: URL, options: RequestOptions) => ClientRequest;
  readonly agent: Agent;
}

let plain: NodeHttp | Promise<NodeHttp> | undefined;
let secure: NodeHttp | Promise<NodeHttp> | undefined;

/**
 * node:http for `http:` URLs, node:https for `https:` ones. Loaded with the first request rather
 * than with pixiv-rx: node:https alone (TLS) costs about as much to load as the whole core. Once
 * loaded, the module itself rather than a promise of it, so that a request goes out in the same
 * tick as it is asked for.
 * @throws TypeError for any other protocol
 */
export function nodeHttpFor(url: URL): NodeHttp | Promise<NodeHttp> {
  if (url.protocol === 'https:') {
    secure ??= import('node:https').then((https) => (secure = { request: https.request, agent: new https.Agent({ keepAlive: true }) }));
    return secure;
  }
  if (url.protocol === 'http:') {
    plain ??= import('node:http').then((http) => (plain = { request: http.request, agent: new http.Agent({ keepAlive: true }) }));
    return plain;
  }
  throw new TypeError(`Not an http(s) URL: ${url.protocol}`);
}

/**
 * The variables axios (through proxy-from-env 2) reads a proxy from, in either case; which one
 * applies to a URL, and `NO_PROXY`, it decides itself.
 */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'] as const;

/**
 * Whether a proxy is set in the environment: then every request goes through axios, which honours
 * these variables and `NO_PROXY`. Read on every request: a program may set its proxy after the
 * client was made.
 */
export function proxyInEnvironment(): boolean {
  const env = process.env;
  for (const name of PROXY_VARIABLES) {
    if (env[name]) return true;
  }
  return false;
}
