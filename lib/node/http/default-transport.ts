import type { IncomingMessage } from 'node:http';
import type { ApiRequest, ApiResponse, ApiTransport } from '../../http/api-transport';
import { nodeHttpFor, proxyInEnvironment, type NodeHttp } from './node-http';

/**
 * The default transport in Node (`#default-transport` under the `node` condition): API and OAuth
 * requests go out through node:http or node:https directly, on one keep-alive agent per process.
 * That is the same exchange axios' Node adapter makes (no redirect followed, gzip, deflate and
 * brotli answers decoded), without loading axios, which would cost more than the rest of
 * pixiv-rx and rxjs together at the first request.
 *
 * When a proxy is set in the environment (`HTTPS_PROXY` and friends) every request goes through
 * the client's axios instance instead (`viaAxios`, made at the first such request), which honours
 * them and `NO_PROXY`; images take the same road. This module imports nothing of the core, so that
 * each entry point of the build stays one chunk.
 */
export function createDefaultTransport(viaAxios: () => ApiTransport): ApiTransport {
  let axios: ApiTransport | undefined;
  return {
    send(request) {
      if (proxyInEnvironment()) {
        axios ??= viaAxios();
        return axios.send(request);
      }
      return sendWithNodeHttp(request);
    },
  };
}

/** The codings a body may come in that are decoded here, as axios asks for them (less `compress`). */
const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * One exchange over node:http: the whole body read, decoded and turned into text. Once node:http
 * is loaded, the request goes out in the same tick, and a body in no coding settles the answer as
 * it ends, without a hop through the microtask queue.
 */
export function sendWithNodeHttp(request: ApiRequest): Promise<ApiResponse> {
  let url: URL;
  let http: NodeHttp | Promise<NodeHttp>;
  try {
    url = new URL(request.url);
    http = nodeHttpFor(url);
  } catch (error) {
    // a URL that does not parse, or one that is not http(s): a TypeError either way
    return Promise.reject(error instanceof Error ? error : new TypeError(String(error)));
  }
  return http instanceof Promise ? http.then((loaded) => exchange(loaded, url, request)) : exchange(http, url, request);
}

function exchange(http: NodeHttp, url: URL, request: ApiRequest): Promise<ApiResponse> {
  const body = request.data === undefined ? undefined : Buffer.from(request.data, 'utf8');
  if (request.cancellation.cancelled) return Promise.reject(cancelledError());
  return new Promise<ApiResponse>((resolve, reject) => {
    // the request's headers as they are (node:http copies them), ours added to the request itself:
    // a copy of them with more keys added would outlive the young generation in V8
    const outgoing = http.request(url, { method: request.method, headers: request.headers, agent: http.agent });
    if (!outgoing.hasHeader('accept-encoding')) outgoing.setHeader('Accept-Encoding', ACCEPT_ENCODING);
    // a length rather than a chunked body, as axios sends it: OAuth servers may refuse chunks
    if (body) outgoing.setHeader('Content-Length', String(body.length));
    request.cancellation.onCancel(() => outgoing.destroy(cancelledError()));
    outgoing.on('error', reject);
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      const answer = (text: string): ApiResponse => ({ status: incoming.statusCode ?? 0, data: text, headers: incoming.headers });
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('close', () => {
        if (!incoming.complete) reject(connectionCut());
      });
      incoming.on('end', () => {
        const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        const coding = codingOf(incoming, bytes);
        if (coding === undefined) resolve(answer(textOf(bytes)));
        else decompress(coding, bytes).then((decoded) => resolve(answer(textOf(decoded))), reject);
      });
    });
    outgoing.end(body);
  });
}

/** The exchange was called off (unsubscribed, or past `timeoutMs`), named as Node names an abort. */
function cancelledError(): Error {
  return Object.assign(new Error('The request was cancelled'), { name: 'AbortError', code: 'ABORT_ERR' });
}

/** The connection ended before the body did, named as Node names a reset. */
function connectionCut(): Error {
  return Object.assign(new Error('The connection closed before the answer was complete'), { code: 'ECONNRESET' });
}

/** The `Content-Encoding` a body is to be decoded from; `undefined` for none (or an empty body). */
function codingOf(incoming: IncomingMessage, bytes: Buffer): string | undefined {
  const coding = String(incoming.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  return bytes.length > 0 && coding !== '' && coding !== 'identity' ? coding : undefined;
}

/** Decoded bytes as text, without a byte order mark. */
function textOf(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

type Inflate = (bytes: Buffer, done: (error: Error | null, result: Buffer) => void) => void;

/**
 * gzip, deflate (zlib-wrapped or raw, as servers send both) and brotli, each as lenient as axios
 * is about a stream cut short after its last whole block; any other coding is left as it is.
 * node:zlib is loaded with the first compressed answer.
 */
async function decompress(coding: string, bytes: Buffer): Promise<Buffer> {
  const zlib = await import('node:zlib');
  const lenient = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  let inflate: Inflate;
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      inflate = (input, done) => zlib.gunzip(input, lenient, done);
      break;
    case 'deflate':
      // a zlib header starts with 0x?8 (the method nibble); anything else is a raw deflate stream
      inflate = (input, done) => ((input[0] & 0x0f) === 0x08 ? zlib.inflate(input, lenient, done) : zlib.inflateRaw(input, lenient, done));
      break;
    case 'br': {
      const flush = zlib.constants.BROTLI_OPERATION_FLUSH;
      inflate = (input, done) => zlib.brotliDecompress(input, { flush, finishFlush: flush }, done);
      break;
    }
    default:
      return bytes;
  }
  return new Promise<Buffer>((resolve, reject) => inflate(bytes, (error, result) => (error ? reject(error) : resolve(result))));
}
