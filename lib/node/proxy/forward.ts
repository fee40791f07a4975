import * as http from 'node:http';
import * as https from 'node:https';
import { pipeline } from 'node:stream';
import type { ForwardRoute } from './route';
import { returnedHeaders, upstreamHeaders } from './upstream-headers';

/** What every forwarded request of one proxy shares. */
export interface ForwardSettings {
  readonly maxRequestBodyBytes: number;
  readonly upstreamTimeoutMs: number;
  readonly agents: { readonly http: http.Agent; readonly https: https.Agent };
}

/** How one exchange ended, for the log: the status the page got, or why it got none. */
export type ForwardOutcome = { readonly status: number } | { readonly status: undefined; readonly failure: string };

/** Answers with a short plain-text body, when the head has not gone out yet. */
export function answer(res: http.ServerResponse, status: number, reason: string, headers: http.OutgoingHttpHeaders): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = `${reason}\n`;
  res.writeHead(status, {
    ...headers,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

function hasBody(req: http.IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Forwards one request and streams both bodies, chunk by chunk with back-pressure: nothing is
 * buffered whole, so an image of any size costs a few chunks of memory. The page's body is counted
 * as it arrives and cut off at `maxRequestBodyBytes` (413); no answer head within
 * `upstreamTimeoutMs`, or an answer that stalls that long, ends the exchange (504 when the head
 * has not been sent). The page going away aborts the upstream request.
 */
export function forward(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  route: ForwardRoute,
  cors: http.OutgoingHttpHeaders,
  settings: ForwardSettings,
  done: (outcome: ForwardOutcome) => void,
): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  const bodyless = req.method === 'GET' || req.method === 'HEAD';
  if (bodyless && hasBody(req)) {
    answer(res, 400, `${String(req.method)} requests carry no body`, cors);
    done({ status: 400 });
    return;
  }
  if (declared > settings.maxRequestBodyBytes) {
    answer(res, 413, `request bodies are limited to ${settings.maxRequestBodyBytes} bytes`, { ...cors, connection: 'close' });
    done({ status: 413 });
    return;
  }

  const secure = route.url.protocol === 'https:';
  const transport = secure ? https : http;
  const upstream = transport.request(route.url, {
    method: req.method,
    headers: upstreamHeaders(route.kind, req.headers),
    agent: secure ? settings.agents.https : settings.agents.http,
    timeout: settings.upstreamTimeoutMs,
  });
  let finished = false;
  // the socket's idle timeout covers a stall while the answer streams; this one the wait for the head
  const headTimer = setTimeout(() => refuse(504, `no answer from the ${route.kind} host in time`), settings.upstreamTimeoutMs);
  function finish(outcome: ForwardOutcome): void {
    if (finished) return;
    finished = true;
    clearTimeout(headTimer);
    done(outcome);
  }
  function refuse(status: number, reason: string, close = false): void {
    upstream.destroy();
    const headSent = res.headersSent;
    answer(res, status, reason, close ? { ...cors, connection: 'close' } : cors);
    finish(headSent ? { status: undefined, failure: reason } : { status });
  }
  upstream.on('timeout', () => refuse(504, `the ${route.kind} host stalled`));
  upstream.on('error', () => {
    if (!finished) refuse(502, `the ${route.kind} host could not be reached`);
  });
  res.on('close', () => {
    if (!res.writableFinished) {
      upstream.destroy();
      finish({ status: undefined, failure: 'the page went away' });
    }
  });

  upstream.on('response', (answerHead) => {
    clearTimeout(headTimer);
    if (finished) {
      answerHead.destroy();
      return;
    }
    res.writeHead(answerHead.statusCode ?? 502, { ...returnedHeaders(answerHead.headers), ...cors });
    pipeline(answerHead, res, (error) => {
      if (error) upstream.destroy();
      finish(error ? { status: undefined, failure: 'the answer was cut off' } : { status: answerHead.statusCode ?? 502 });
    });
  });

  if (bodyless) {
    upstream.end();
    return;
  }
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > settings.maxRequestBodyBytes) {
      req.pause();
      // the rest of the body is not read: the connection closes after the answer
      refuse(413, `request bodies are limited to ${settings.maxRequestBodyBytes} bytes`, true);
      return;
    }
    if (!upstream.write(chunk)) {
      req.pause();
      upstream.once('drain', () => req.resume());
    }
  });
  req.on('end', () => {
    if (!finished) upstream.end();
  });
}
