import type { ForwardOutcome } from './forward';

/** Query parameters whose values are never written to a log. */
const SECRET_NAME = /token|code|secret|password|verifier|hash/i;

/** One exchange as the proxy's `log` hears of it. */
export interface ProxyLogEntry {
  readonly method: string;
  /** The request target as received. */
  readonly target: string;
  /** `api`, `oauth`, `image`, `preflight` or `refused`. */
  readonly kind: string;
  readonly outcome: ForwardOutcome;
  readonly durationMs: number;
}

/**
 * `GET api /v1/user/illusts?user_id=11&type=illust → 200 (12 ms)`. Only the method and the target
 * are written, never a header or a body, and query values with secret-sounding names (`code`,
 * `refresh_token`…) are masked; the image URL of `/image?url=` is written as the image's path.
 */
export function proxyLogLine(entry: ProxyLogEntry): string {
  const result = entry.outcome.status === undefined ? entry.outcome.failure : String(entry.outcome.status);
  return `${entry.method} ${entry.kind} ${maskedTarget(entry.target)} → ${result} (${entry.durationMs} ms)`;
}

function maskedTarget(target: string): string {
  const queryAt = target.indexOf('?');
  if (queryAt === -1) return truncate(target);
  const path = target.slice(0, queryAt);
  const params = new URLSearchParams(target.slice(queryAt + 1));
  const shown: string[] = [];
  for (const [name, value] of params) {
    shown.push(`${name}=${SECRET_NAME.test(name) ? '***' : maskedValue(value)}`);
  }
  return truncate(`${path}?${shown.join('&')}`);
}

/** A URL inside a parameter loses its own query (where a signed URL would keep its secret). */
function maskedValue(value: string): string {
  return /^https?:\/\//i.test(value) ? value.replace(/[?#].*$/, '') : value;
}

/** Related works' `next_url`s run to kilobytes (`viewed[]`); a log line does not need all of it. */
function truncate(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
