import type { AxiosAdapter, AxiosInstance, AxiosResponse, AxiosStatic } from 'axios';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { NetworkError, RequestTarget } from '../errors';
import { axiosOf, loadAxios } from '../http/axios-instance';
import type { HttpContext } from '../http/context';
import { startDeadline, timeoutError } from '../http/deadline';
import { ANDROID_APP } from '../http/headers';
import { toPixivError } from '../http/map-error';
import { nodeHttpFor, proxyInEnvironment } from './http/node-http';

/** The head of an image answer and its body, not yet read. */
export interface ImageResponse {
  readonly status: number;
  /** Lower-case names. */
  header(this: void, name: string): string | undefined;
  readonly body: Readable;
}

export interface ImageRequest {
  readonly url: string;
  readonly referer: string;
  /** Ask for the bytes from this offset on (`Range: bytes=<offset>-`); 0 asks for everything. */
  readonly offset: number;
  readonly signal: AbortSignal;
}

/**
 * Sends one GET for an image and resolves as soon as the head has arrived, whatever its status; the
 * body stays a stream for the caller to pipe or destroy. A transport failure rejects with a
 * PixivError (never an AxiosError); no head within `http.timeoutMs` is a `NetworkError` of kind
 * `'timeout'`.
 *
 * Images take the way API calls take: through the client's axios instance when the user gave one
 * (their proxies, agents and interceptors apply) or when a proxy is configured in the environment
 * (axios honours `HTTPS_PROXY` and friends, and `NO_PROXY`, for API calls; images must not leave
 * by another road); with node:http directly otherwise, which streams with less on the way.
 *
 * The request never carries `Authorization`: image hosts need no token, and the instance may add
 * one through its defaults or an interceptor. It is removed in an adapter wrapper, which runs after
 * every interceptor.
 */
export async function requestImage(http: HttpContext, request: ImageRequest): Promise<ImageResponse> {
  return http.userAxios || proxyInEnvironment()
    ? requestImageWithAxios(http, request)
    : requestImageWithNodeHttp(http, request);
}

/** Images through node:http directly: the same bytes as axios' Node adapter, with less on the way. */
async function requestImageWithNodeHttp(http: HttpContext, request: ImageRequest): Promise<ImageResponse> {
  const { url, referer, offset } = request;
  const target = { method: 'GET', url };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`Not an absolute image URL: ${JSON.stringify(url.slice(0, 200))}`);
  }
  // refuses anything but http: and https: with a TypeError
  const transport = await nodeHttpFor(parsed);
  return new Promise<ImageResponse>((resolve, reject) => {
    const outgoing = transport.request(parsed, {
      method: 'GET',
      agent: transport.agent,
      headers: imageHeaders(referer, offset),
    });
    const deadline = startDeadline(http.timeoutMs, () => outgoing.destroy());
    const cancel = (): void => {
      outgoing.destroy();
    };
    const settle = (): void => {
      deadline.clear();
      request.signal.removeEventListener('abort', cancel);
    };
    if (request.signal.aborted) cancel();
    else request.signal.addEventListener('abort', cancel, { once: true });
    outgoing.on('response', (incoming) => {
      settle();
      // from here on the caller owns the body: unsubscribing destroys it through the same signal
      const destroyBody = (): void => {
        incoming.destroy();
      };
      if (request.signal.aborted) destroyBody();
      else request.signal.addEventListener('abort', destroyBody, { once: true });
      incoming.once('close', () => request.signal.removeEventListener('abort', destroyBody));
      resolve({
        status: incoming.statusCode ?? 0,
        header: (name) => {
          const value = incoming.headers[name.toLowerCase()];
          return Array.isArray(value) ? value.join(', ') : value;
        },
        body: incoming,
      });
    });
    outgoing.on('error', (error) => {
      settle();
      if (deadline.expired && !request.signal.aborted) {
        reject(headTimeout(http, target));
        return;
      }
      reject(toPixivError(error, target));
    });
    outgoing.end();
  });
}

/** What every image request asks for, whichever transport sends it. */
function imageHeaders(referer: string, offset: number): Record<string, string> {
  return {
    'User-Agent': IMAGE_USER_AGENT,
    Referer: referer,
    Accept: '*/*',
    // the bytes are written as they come and checked against Content-Length: no transfer coding
    'Accept-Encoding': 'identity',
    ...(offset > 0 ? { Range: `bytes=${offset}-` } : {}),
  };
}

function headTimeout(http: HttpContext, target: RequestTarget): NetworkError {
  return timeoutError(`The image host did not answer within ${http.timeoutMs} ms`, target);
}

/** Image hosts want a browser or app User-Agent no less than the API does. */
const IMAGE_USER_AGENT = ANDROID_APP.userAgent;

async function requestImageWithAxios(http: HttpContext, request: ImageRequest): Promise<ImageResponse> {
  const { url, referer, offset } = request;
  const target = { method: 'GET', url };
  // Our own deadline for the head: axios' `timeout`, through follow-redirects, would also kill a
  // socket that idles mid-body, which the body's stall timer already judges.
  const controller = new AbortController();
  const deadline = startDeadline(http.timeoutMs, () => controller.abort());
  const cancel = (): void => controller.abort(request.signal.reason);
  if (request.signal.aborted) cancel();
  else request.signal.addEventListener('abort', cancel, { once: true });
  let response: AxiosResponse<unknown>;
  try {
    const [instance, axios] = await Promise.all([axiosOf(http), loadAxios()]);
    response = await instance.request<unknown>({
      method: 'GET',
      url,
      headers: imageHeaders(referer, offset),
      responseType: 'stream',
      decompress: false,
      // the body goes to disk, never into memory: a size cap for API answers must not apply
      maxContentLength: -1,
      validateStatus: () => true,
      timeout: 0,
      signal: controller.signal,
      adapter: withoutAuthorization(instance, axios),
    });
  } catch (error) {
    if (deadline.expired && !request.signal.aborted) throw headTimeout(http, target);
    throw toPixivError(error, target);
  } finally {
    deadline.clear();
    request.signal.removeEventListener('abort', cancel);
  }
  const headers = response.headers as unknown;
  return {
    status: response.status,
    header: (name) => headerValue(headers, name),
    body: toReadable(response.data),
  };
}

/** The instance's own adapter, called with `Authorization` (and basic `auth`) removed. */
function withoutAuthorization(instance: AxiosInstance, axios: AxiosStatic): AxiosAdapter {
  return (config) => {
    config.headers.delete('Authorization');
    config.auth = undefined;
    return axios.getAdapter(instance.defaults.adapter ?? axios.defaults.adapter, config)(config);
  };
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const record = headers as Record<string, unknown> & { get?: (key: string) => unknown };
  const value = typeof record.get === 'function' ? record.get(name) : (record[name] ?? record[name.toLowerCase()]);
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The Node adapter gives a Node stream; a fetch adapter a web stream; a mock adapter maybe bytes. */
function toReadable(data: unknown): Readable {
  if (data instanceof Readable) return data;
  if (data && typeof (data as WebReadableStream).getReader === 'function') {
    return Readable.fromWeb(data as WebReadableStream);
  }
  if (typeof data === 'string' || data instanceof Uint8Array) return Readable.from([Buffer.from(data)]);
  if (data === undefined || data === null) return Readable.from([]);
  throw new TypeError('The axios instance answered a stream request with something that is not a stream');
}
