import type { IncomingHttpHeaders } from 'node:http';
import type { OriginKind } from './faults';
import type { ParsedParams } from './params';

/** One request the fake received. Fields after `body` are filled in as the answer goes out. */
export interface RequestLogEntry {
  /** 1, 2, 3… in arrival order. */
  readonly seq: number;
  /** Arrival time (epoch ms). */
  readonly time: number;
  readonly origin: OriginKind;
  readonly method: string;
  /** Path without the query. */
  readonly path: string;
  /** Path and query exactly as received. */
  readonly url: string;
  readonly query: ParsedParams;
  readonly headers: IncomingHttpHeaders;
  /** Raw request body (`''` when none). */
  readonly body: string;
  /** The body parsed, for `application/x-www-form-urlencoded` requests. */
  readonly form: ParsedParams | undefined;
  /** Status sent (`undefined` while in flight, or when the connection was reset before it). */
  readonly status: number | undefined;
  /** Body bytes written to the socket. */
  readonly bytesSent: number;
  /** The client went away before the answer was complete. */
  readonly aborted: boolean;
  /** The injected fault that shaped the answer, if any. */
  readonly fault: 'fail' | 'reset' | 'malform' | undefined;
  /** Arrival to end of the answer (`undefined` while in flight). */
  readonly durationMs: number | undefined;
}

/** The OAuth grants the token endpoint counts. */
export type GrantType = 'refresh_token' | 'authorization_code' | 'password';

/** Counters for assertions. */
export interface FakeServerCounters {
  /** Successful token grants per grant type. */
  readonly tokenGrants: Readonly<Record<GrantType, number>>;
  /** Every request to /auth/token, refused ones included. */
  readonly tokenRequests: number;
  /** Image requests in flight now, and the most there were at once. */
  readonly imageTransfers: { readonly current: number; readonly max: number };
  /** Requests per path (any origin). */
  readonly requestsByPath: Readonly<Record<string, number>>;
}

export type MutableEntry = { -readonly [K in keyof RequestLogEntry]: RequestLogEntry[K] };

export class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  readonly tokenGrants: Record<GrantType, number> = { refresh_token: 0, authorization_code: 0, password: 0 };
  tokenRequests = 0;
  imageCurrent = 0;
  imageMax = 0;
  readonly byPath = new Map<string, number>();
  private seq = 0;

  start(entry: Omit<MutableEntry, 'seq' | 'status' | 'bytesSent' | 'aborted' | 'fault' | 'durationMs'>): MutableEntry {
    const full: MutableEntry = {
      seq: ++this.seq,
      ...entry,
      status: undefined,
      bytesSent: 0,
      aborted: false,
      fault: undefined,
      durationMs: undefined,
    };
    this.entries.push(full);
    this.byPath.set(entry.path, (this.byPath.get(entry.path) ?? 0) + 1);
    return full;
  }

  imageStarted(): void {
    this.imageCurrent++;
    this.imageMax = Math.max(this.imageMax, this.imageCurrent);
  }

  imageEnded(): void {
    this.imageCurrent--;
  }

  counters(): FakeServerCounters {
    return {
      tokenGrants: { ...this.tokenGrants },
      tokenRequests: this.tokenRequests,
      imageTransfers: { current: this.imageCurrent, max: this.imageMax },
      requestsByPath: Object.fromEntries(this.byPath),
    };
  }

  /** Empties the log and zeroes the counters (transfers in flight stay counted). */
  reset(): void {
    this.entries.length = 0;
    this.tokenGrants.refresh_token = 0;
    this.tokenGrants.authorization_code = 0;
    this.tokenGrants.password = 0;
    this.tokenRequests = 0;
    this.imageMax = this.imageCurrent;
    this.byPath.clear();
  }
}
