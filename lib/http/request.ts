import { Observable } from 'rxjs';
import { BadApiResponse, PixivError, RequestTarget } from '../errors';
import { apiTransportOf, type ApiRequest, type ApiResponse } from './api-transport';
import { Cancellation } from './cancellation';
import type { HttpContext } from './context';
import { startDeadline, timeoutError } from './deadline';
import { errorFromResponse, toPixivError } from './map-error';

/** One HTTP exchange, described as data. */
export interface RequestSpec {
  readonly method: 'GET' | 'POST';
  /** Absolute URL (query included when it comes verbatim from a `next_url`). */
  readonly url: string;
  /** Query parameters added to `url`; arrays become `key[]=a&key[]=b`. */
  readonly params?: Params;
  /** `application/x-www-form-urlencoded` body. */
  readonly form?: Params;
  readonly headers?: Readonly<Record<string, string>>;
  /** Maps an error answer (status ≥ 300) to an error; the API's envelope mapping by default. */
  readonly mapError?: (status: number, body: unknown, headers: unknown, target: RequestTarget) => PixivError;
  /** `'text'`: a 2xx body is emitted as the text it is (an HTML page), not parsed. @default 'json' */
  readonly responseType?: 'json' | 'text';
}

export type ParamValue = string | number | boolean | readonly (string | number)[] | null | undefined;
export type Params = Readonly<Record<string, ParamValue>>;

/** A successful answer, its body parsed as JSON. */
export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

/** Encodes params the way Pixiv's apps do: `undefined`/`null` left out, arrays as `key[]`. */
export function encodeParams(params: Params): string {
  const parts: string[] = [];
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) parts.push(`${encodeURIComponent(`${key}[]`)}=${encodeURIComponent(String(item))}`);
    } else {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.join('&');
}

export function withQuery(url: string, params: Params | undefined): string {
  const query = params ? encodeParams(params) : '';
  if (!query) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

/**
 * `spec` with `headers` in place of its own. Not `{ ...spec, headers }`: in V8 (Node 20) an object
 * literal that starts with a spread and then adds properties makes objects that outlive the
 * young-generation collections, so every request would leave its garbage in the old generation.
 */
export function withHeaders(spec: RequestSpec, headers: Readonly<Record<string, string>>): RequestSpec {
  return Object.assign({}, spec, { headers });
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  // an empty 2xx body (some POSTs) is left for the endpoint's codec to judge
  return data === '' ? undefined : JSON.parse(data);
}

/**
 * One request as a cold Observable: nothing is sent before subscription, each subscription sends
 * its own request with its own Cancellation, and unsubscribing while it is in flight aborts it.
 * Emits the parsed JSON body of a 2xx answer; every failure is a PixivError (no AxiosError).
 */
export function requestJson(context: HttpContext, spec: RequestSpec): Observable<JsonResponse> {
  return new Observable<JsonResponse>((subscriber) => {
    const url = withQuery(spec.url, spec.params);
    const target: RequestTarget = { method: spec.method, url };
    const cancellation = new Cancellation();
    let settled = false;
    // timeoutMs bounds the whole exchange: axios' own `timeout` only fires when the socket goes
    // idle, so an answer that keeps trickling in would never time out
    const deadline = startDeadline(context.timeoutMs, () => cancellation.cancel());

    const text = spec.responseType === 'text';
    const headers: Record<string, string> = { Accept: text ? 'text/html' : 'application/json', ...spec.headers };
    let data: string | undefined;
    if (spec.form) {
      data = encodeParams(spec.form);
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }

    const request: ApiRequest = { method: spec.method, url, headers, data, cancellation };
    const transport = apiTransportOf(context);
    (transport instanceof Promise ? transport.then((loaded) => loaded.send(request)) : transport.send(request))
      .then(
        (response: ApiResponse) => {
          settled = true;
          deadline.clear();
          let body: unknown;
          try {
            body = text && response.status < 300 ? response.data : parseBody(response.data);
          } catch {
            body = undefined;
            if (response.status < 400) {
              subscriber.error(
                new BadApiResponse(`Pixiv answered HTTP ${response.status} with a body that is not JSON`, {
                  status: response.status,
                  request: target,
                }),
              );
              return;
            }
          }
          if (response.status >= 300) {
            const mapError = spec.mapError ?? errorFromResponse;
            subscriber.error(mapError(response.status, body, response.headers, target));
            return;
          }
          subscriber.next({ status: response.status, body });
          subscriber.complete();
        },
        (error: unknown) => {
          settled = true;
          deadline.clear();
          if (deadline.expired) {
            subscriber.error(timeoutError(`No complete answer within ${context.timeoutMs} ms`, target));
            return;
          }
          subscriber.error(toPixivError(error, target));
        },
      );

    return () => {
      deadline.clear();
      if (!settled) cancellation.cancel();
    };
  });
}
