import { axiosOf } from './axios-instance';
import type { Cancellation } from './cancellation';
import type { HttpContext } from './context';

/** One API or OAuth exchange, as a transport sends it. */
export interface ApiRequest {
  readonly method: 'GET' | 'POST';
  /** Absolute, query included. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** A form-encoded body, or none. */
  readonly data: string | undefined;
  /** Calls the exchange off: unsubscribing, or the client's `timeoutMs`. */
  readonly cancellation: Cancellation;
}

/** Whatever the answer's status: the body as text, not parsed, not judged. */
export interface ApiResponse {
  readonly status: number;
  /** The body as text (a mock adapter may give anything). */
  readonly data: unknown;
  /** An `AxiosHeaders` or a record with lower-case names. */
  readonly headers: unknown;
}

/**
 * How API and OAuth requests leave: the user's axios instance when they gave one, else the default
 * transport of the platform (`#default-transport`): in Node, node:http directly (through axios
 * when a proxy is set in the environment), elsewhere axios. Rejects on a transport failure (no
 * answer), with whatever the transport threw; `toPixivError` maps it.
 */
export interface ApiTransport {
  send(request: ApiRequest): Promise<ApiResponse>;
}

const keepRaw = (data: unknown): unknown => data;
const everyStatus = (): boolean => true;

/**
 * The axios config of one exchange: the body comes back as text and is parsed by the caller, every
 * status resolves (errors are mapped from the body), and redirects are not followed.
 */
export function jsonRequestConfig(request: ApiRequest) {
  return {
    method: request.method,
    url: request.url,
    data: request.data,
    headers: request.headers,
    signal: request.cancellation.toSignal(),
    responseType: 'text',
    transformResponse: keepRaw,
    validateStatus: everyStatus,
    maxRedirects: 0,
  } as const;
}

/**
 * A transport over the context's axios instance: the user's own, or the one `axiosOf` makes at the
 * first request. Once the instance exists, `axiosOf` gives it directly, so that a request goes out
 * in the same tick.
 */
export function axiosTransport(context: HttpContext): ApiTransport {
  return {
    send(request) {
      const config = jsonRequestConfig(request);
      const instance = axiosOf(context);
      return instance instanceof Promise ? instance.then((made) => made.request<unknown>(config)) : instance.request<unknown>(config);
    },
  };
}

/** What `#default-transport` exports, in Node and elsewhere. */
interface DefaultTransportModule {
  /** `viaAxios` makes the client's axios transport, for when the platform's default is axios after all. */
  createDefaultTransport(viaAxios: () => ApiTransport): ApiTransport;
}

let defaultModule: Promise<DefaultTransportModule> | undefined;
let loadedModule: DefaultTransportModule | undefined;
const made = new WeakMap<HttpContext, ApiTransport>();

/**
 * The transport a context's API requests go through: over the user's instance, or the platform's
 * default, loaded at the first request (never when the user gave an instance) and made once per
 * context.
 */
export function apiTransportOf(context: HttpContext): ApiTransport | Promise<ApiTransport> {
  const known = made.get(context);
  if (known) return known;
  if (!context.axios && !loadedModule) {
    defaultModule ??= (import('#default-transport') as Promise<DefaultTransportModule>).then((module) => (loadedModule = module));
    return defaultModule.then(() => apiTransportOf(context));
  }
  const viaAxios = (): ApiTransport => axiosTransport(context);
  const transport = context.axios ? viaAxios() : loadedModule!.createDefaultTransport(viaAxios);
  made.set(context, transport);
  return transport;
}
