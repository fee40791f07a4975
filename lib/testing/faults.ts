import type { IncomingHttpHeaders } from 'node:http';
import { ENVELOPES } from './envelopes';
import type { ParsedParams } from './params';
import { Rng } from './random';

/** Which listener a request came to. */
export type OriginKind = 'api' | 'oauth' | 'image';

/** What a matcher sees of a request. */
export interface FaultRequest {
  readonly origin: OriginKind;
  readonly method: string;
  /** The path without the query, e.g. `/v1/user/illusts`. */
  readonly path: string;
  readonly query: ParsedParams;
  readonly headers: IncomingHttpHeaders;
}

/**
 * Which requests a fault applies to: a path (exact match, any origin; `'*'` for every request),
 * a RegExp tested against the path, an object whose given fields must all match, or a predicate.
 */
export type RequestMatcher =
  | string
  | RegExp
  | { readonly origin?: OriginKind; readonly method?: string; readonly path?: string | RegExp }
  | ((request: FaultRequest) => boolean);

/** The answer of a failed request. */
export interface FailResponse {
  /** @default 500 */
  readonly status?: number;
  /**
   * A string or Buffer is sent as is; anything else as JSON.
   * @default the app-api error envelope (API), the OAuth error body (OAuth) or an nginx page (images)
   */
  readonly body?: string | Buffer | object;
  /** Extra headers, e.g. `{ 'Retry-After': '2' }`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Options of {@link FakePixivServer.resetNext}. */
export interface ResetOptions {
  /**
   * Bytes of the body sent before the connection is reset; the status line and headers (with the
   * full Content-Length) are sent first. When omitted, the connection is reset before any byte of
   * the answer, without the request being handled.
   */
  readonly afterBytes?: number;
}

/** How {@link FakePixivServer.malformNext} breaks a body. */
export type MalformKind =
  /** An HTML page with status 200 and `text/html` (a captive portal or a proxy's page). */
  | 'not-json'
  /** The real JSON cut in half (with a correct Content-Length). */
  | 'truncated'
  /** Valid JSON that breaks the schema: by default the first top-level field becomes the string `"broken"`. */
  | 'schema';

/** Options of {@link FakePixivServer.malformNext}. */
export interface MalformOptions {
  /** @default 'schema' */
  readonly kind?: MalformKind;
  /** For `schema`: returns the body to send instead of the real one (which it may change in place). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed JSON of whichever endpoint matched
  readonly mutate?: (body: any) => unknown;
}

/** Options of {@link FakePixivServer.chaos}. */
export interface ChaosOptions {
  /** Share of matching requests answered 500/502/503. @default 0 */
  readonly rate5xx?: number;
  /** Share answered 429 with `Retry-After` and the "Rate Limit" envelope. @default 0 */
  readonly rate429?: number;
  /** Share whose connection is reset (mid-body when there is a body). @default 0 */
  readonly rateReset?: number;
  /** @default 1 */
  readonly retryAfterSeconds?: number;
  /** The same seed and request order give the same faults. @default 1 */
  readonly seed?: number;
  /** @default every request of `origins` */
  readonly match?: RequestMatcher;
  /** @default ['api', 'image'] */
  readonly origins?: readonly OriginKind[];
}

/** A registered fault; `remove()` takes it out. */
export interface FaultHandle {
  /** Requests it has applied to so far. */
  readonly hits: number;
  /** Requests it will still apply to (`Infinity` for standing faults). */
  readonly remaining: number;
  /** Takes the fault out (requests from now on are answered normally). */
  remove(): void;
}

/** What the server does to one request. */
export interface FaultPlan {
  latencyMs: number;
  action:
    | { readonly kind: 'fail'; readonly response: FailResponse }
    | { readonly kind: 'reset'; readonly afterBytes?: number; readonly afterFraction?: number }
    | { readonly kind: 'malform'; readonly options: MalformOptions }
    | undefined;
  trickle: { readonly bytes: number; readonly intervalMs: number } | undefined;
}

type RuleBody =
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'fail'; readonly response: FailResponse }
  | { readonly kind: 'reset'; readonly options: ResetOptions }
  | { readonly kind: 'malform'; readonly options: MalformOptions }
  | { readonly kind: 'trickle'; readonly bytes: number; readonly intervalMs: number }
  | { readonly kind: 'chaos'; readonly options: ChaosOptions; readonly rng: Rng };

type Rule = RuleBody & { readonly matcher: RequestMatcher; remaining: number; hits: number; global?: boolean };

/** Ready-made failure answers for {@link FakePixivServer.failNext}. */
export const FakeResponses = {
  /** 429 (or 403) with the "Rate Limit" envelope of spec/fixtures/errors/app-api-rate-limit-2019.json. */
  rateLimit(options: { status?: number; retryAfterSeconds?: number } = {}): FailResponse {
    const { status = 429, retryAfterSeconds } = options;
    return {
      status,
      body: ENVELOPES.rateLimit(),
      headers: retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) },
    };
  },
  /** A 5xx; 502/503 come as HTML like a gateway's, others as the API envelope. */
  serverError(status = 500): FailResponse {
    return status === 502 || status === 503
      ? { status, body: `<html><body><h1>${status} ${status === 502 ? 'Bad Gateway' : 'Service Unavailable'}</h1></body></html>`, headers: { 'Content-Type': 'text/html' } }
      : { status, body: { error: { user_message: '', message: 'Internal Server Error', reason: '', user_message_details: {} } } };
  },
  /** 400 "Error occurred at the OAuth process … invalid_grant", what an expired token gets. */
  expiredToken(): FailResponse {
    return { status: 400, body: ENVELOPES.invalidGrant() };
  },
  /** 403 "Your access is currently restricted." */
  accessRestricted(): FailResponse {
    return { status: 403, body: ENVELOPES.accessRestricted() };
  },
} as const;

export function matches(matcher: RequestMatcher, request: FaultRequest): boolean {
  if (typeof matcher === 'string') return matcher === '*' || matcher === request.path;
  if (matcher instanceof RegExp) return matcher.test(request.path);
  if (typeof matcher === 'function') return matcher(request);
  if (matcher.origin && matcher.origin !== request.origin) return false;
  if (matcher.method && matcher.method.toUpperCase() !== request.method) return false;
  if (matcher.path !== undefined) {
    return typeof matcher.path === 'string' ? matcher.path === request.path : matcher.path.test(request.path);
  }
  return true;
}

function checkCount(count: number): void {
  if (!(count === Infinity || (Number.isSafeInteger(count) && count > 0))) {
    throw new TypeError(`count must be a positive integer or Infinity, got ${count}`);
  }
}

/** The faults of one server, applied in the order they were added. */
export class FaultRegistry {
  private rules: Rule[] = [];

  private add(matcher: RequestMatcher, count: number, body: RuleBody, global = false): FaultHandle {
    checkCount(count);
    const rule: Rule = { ...body, matcher, remaining: count, hits: 0, global };
    this.rules.push(rule);
    return {
      get hits() {
        return rule.hits;
      },
      get remaining() {
        return rule.remaining;
      },
      remove: () => {
        this.rules = this.rules.filter((r) => r !== rule);
      },
    };
  }

  latency(ms: number, match?: RequestMatcher): FaultHandle {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new TypeError(`latency must be a non-negative number, got ${ms}`);
    if (match === undefined) this.rules = this.rules.filter((r) => !(r.kind === 'latency' && r.global));
    return this.add(match ?? '*', Infinity, { kind: 'latency', ms }, match === undefined);
  }

  failNext(match: RequestMatcher, count: number, response: FailResponse): FaultHandle {
    return this.add(match, count, { kind: 'fail', response });
  }

  resetNext(match: RequestMatcher, count: number, options: ResetOptions): FaultHandle {
    if (options.afterBytes !== undefined && !(Number.isSafeInteger(options.afterBytes) && options.afterBytes >= 0)) {
      throw new TypeError('afterBytes must be a non-negative integer');
    }
    return this.add(match, count, { kind: 'reset', options });
  }

  malformNext(match: RequestMatcher, count: number, options: MalformOptions): FaultHandle {
    return this.add(match, count, { kind: 'malform', options });
  }

  trickle(match: RequestMatcher, bytes: number, intervalMs: number): FaultHandle {
    if (!(Number.isSafeInteger(bytes) && bytes > 0)) throw new TypeError('bytesPerChunk must be a positive integer');
    if (!(Number.isFinite(intervalMs) && intervalMs >= 0)) throw new TypeError('intervalMs must be non-negative');
    return this.add(match, Infinity, { kind: 'trickle', bytes, intervalMs });
  }

  chaos(options: ChaosOptions): FaultHandle {
    const { rate5xx = 0, rate429 = 0, rateReset = 0 } = options;
    for (const rate of [rate5xx, rate429, rateReset]) {
      if (!(rate >= 0 && rate <= 1)) throw new TypeError('chaos rates must be between 0 and 1');
    }
    if (rate5xx + rate429 + rateReset > 1) throw new TypeError('chaos rates must add up to at most 1');
    const origins = options.origins ?? ['api', 'image'];
    const match = options.match ?? '*';
    return this.add(
      (request) => origins.includes(request.origin) && matches(match, request),
      Infinity,
      { kind: 'chaos', options, rng: new Rng(options.seed ?? 1) },
    );
  }

  clear(): void {
    this.rules = [];
  }

  /** Decides (and counts) what happens to a request. */
  plan(request: FaultRequest): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0, action: undefined, trickle: undefined };
    for (const rule of this.rules) {
      if (rule.remaining <= 0 || !matches(rule.matcher, request)) continue;
      switch (rule.kind) {
        case 'latency':
          plan.latencyMs = Math.max(plan.latencyMs, rule.ms);
          rule.hits++;
          break;
        case 'trickle':
          plan.trickle ??= { bytes: rule.bytes, intervalMs: rule.intervalMs };
          rule.hits++;
          break;
        case 'fail':
        case 'reset':
        case 'malform':
          if (plan.action) break;
          rule.remaining--;
          rule.hits++;
          plan.action =
            rule.kind === 'fail'
              ? { kind: 'fail', response: rule.response }
              : rule.kind === 'reset'
                ? { kind: 'reset', afterBytes: rule.options.afterBytes }
                : { kind: 'malform', options: rule.options };
          break;
        case 'chaos': {
          if (plan.action) break;
          const roll = rule.rng.next();
          const { rate5xx = 0, rate429 = 0, rateReset = 0, retryAfterSeconds = 1 } = rule.options;
          if (roll < rate5xx) {
            plan.action = { kind: 'fail', response: FakeResponses.serverError(rule.rng.pick([500, 502, 503])) };
          } else if (roll < rate5xx + rate429) {
            plan.action = { kind: 'fail', response: FakeResponses.rateLimit({ retryAfterSeconds }) };
          } else if (roll < rate5xx + rate429 + rateReset) {
            plan.action = { kind: 'reset', afterFraction: rule.rng.next() };
          }
          if (plan.action) rule.hits++;
          break;
        }
      }
    }
    this.rules = this.rules.filter((rule) => rule.remaining > 0);
    return plan;
  }
}
