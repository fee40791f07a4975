import type { AxiosError } from 'axios';
import {
  NetworkError,
  NetworkErrorKind,
  PixivApiError,
  PixivError,
  RateLimitError,
  RequestTarget,
} from '../errors';
import { parseRetryAfter } from './retry';

/** What an error body from app-api.pixiv.net may hold (every part optional in practice). */
interface ErrorEnvelope {
  user_message?: unknown;
  message?: unknown;
  reason?: unknown;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    // the search offset cap puts an object into `message`: {"offset":["Offset must be no more than 5000"]}
    try {
      return JSON.stringify(value);
    } catch {
      return '';
    }
  }
  return '';
}

function envelopeOf(body: unknown): ErrorEnvelope {
  if (body && typeof body === 'object' && 'error' in body) {
    const error = body.error;
    if (error && typeof error === 'object') return error;
  }
  return {};
}

function header(headers: unknown, name: string): unknown {
  if (!headers || typeof headers !== 'object') return undefined;
  const record = headers as Record<string, unknown> & { get?: (n: string) => unknown };
  if (typeof record.get === 'function') {
    const value = record.get(name);
    if (value !== undefined && value !== null) return value;
  }
  return record[name] ?? record[name.toLowerCase()];
}

/**
 * Maps an HTTP error answer to the error family, from the body as much as the status: Pixiv's
 * rate limit comes as 429 or as 403 with `"message":"Rate Limit"`, an expired token as 400.
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: unknown,
  target: RequestTarget,
): PixivApiError {
  const envelope = envelopeOf(body);
  const apiMessage = text(envelope.message);
  const userMessage = text(envelope.user_message);
  const reason = text(envelope.reason);
  const said = userMessage || apiMessage || reason;
  const details = { status, apiMessage, userMessage, reason, request: target };
  if (status === 429 || /^rate limit/i.test(apiMessage)) {
    const retryAfterMs = parseRetryAfter(header(headers, 'Retry-After'));
    return new RateLimitError(`Pixiv rate-limited the request (HTTP ${status})`, { retryAfterMs, ...details });
  }
  return new PixivApiError(`Pixiv answered HTTP ${status}${said ? `: ${said}` : ''}`, details);
}

const NETWORK_CODES: Record<string, { kind: NetworkErrorKind; reachedServer: boolean }> = {
  ECONNREFUSED: { kind: 'refused', reachedServer: false },
  ENOTFOUND: { kind: 'dns', reachedServer: false },
  EAI_AGAIN: { kind: 'dns', reachedServer: false },
  EHOSTUNREACH: { kind: 'refused', reachedServer: false },
  ENETUNREACH: { kind: 'refused', reachedServer: false },
  ECONNRESET: { kind: 'reset', reachedServer: true },
  EPIPE: { kind: 'reset', reachedServer: true },
  ERR_STREAM_PREMATURE_CLOSE: { kind: 'reset', reachedServer: true },
  ECONNABORTED: { kind: 'timeout', reachedServer: true },
  ETIMEDOUT: { kind: 'timeout', reachedServer: true },
  ERR_SOCKET_CONNECTION_TIMEOUT: { kind: 'timeout', reachedServer: false },
};

function codeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code in NETWORK_CODES) return code;
    current = (current as { cause?: unknown }).cause;
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * What axios' own `isAxiosError` checks, without loading axios for it: the flag every AxiosError
 * carries, whichever copy of axios made it.
 */
function isAxiosError(error: unknown): error is AxiosError {
  return typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}

/**
 * Turns whatever a transport threw (an `AxiosError`, a Node socket error) into the error family.
 * Nothing of the original object is kept: its `config` would carry the `Authorization` header and
 * the token request's form body.
 */
export function toPixivError(error: unknown, target: RequestTarget): PixivError {
  if (error instanceof PixivError) return error;
  if (isAxiosError(error) && error.response) {
    let body: unknown = error.response.data;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        body = undefined;
      }
    }
    return errorFromResponse(error.response.status, body, error.response.headers, target);
  }
  const code = codeOf(error);
  const known = code ? NETWORK_CODES[code] : undefined;
  if (known) {
    return new NetworkError(`Network error ${code}`, { request: target, ...known });
  }
  return new NetworkError(code ? `Network error ${code}` : 'Network error: no response', { kind: 'other', reachedServer: true, request: target });
}
