import type MockAdapter from 'axios-mock-adapter';
import type { Observable } from 'rxjs';
import type { PixivClient, PixivClientOptions } from '../../../lib/client';
import type { SentRequest } from '../request-shape';

/**
 * The rows of the table-driven endpoint suite (`spec/endpoints/requests.spec.ts`). Each family
 * file in this folder exports `rows: readonly EndpointRow[]`; the suite groups them by `member`.
 * A row is data: what to call, and either the one request it sends, the argument it refuses, or
 * what it makes of a body.
 */
export type EndpointRow = SendsRow | RefusesRow | DecodesRow;

interface RowBase {
  /** The client member under test, e.g. `'searchNovels$'`: the `describe` of the row. */
  readonly member: string;
  /** What the row shows, e.g. `'sends the defaults'`: the `it` of the row. */
  readonly title: string;
  /** The call, on a client whose axios is mocked (see `spec/support/mock-api.ts`). */
  readonly call: (client: PixivClient) => Observable<unknown>;
  /** Options of that client (e.g. `language`; the app headers are checked against it). */
  readonly client?: PixivClientOptions;
}

/** The call sends exactly one API request, with these entries in this order. */
export interface SendsRow extends RowBase {
  readonly sends: {
    readonly method: 'GET' | 'POST';
    readonly path: string;
    /** The query (GET) or the form (POST), decoded, in the order sent (`tags[]` once per tag). */
    readonly params: ReadonlyArray<readonly [string, string]>;
  };
  /** The body every API request is answered with. @default `{}` (a list body needs its items key) */
  readonly reply?: unknown;
}

/** The stream errors with a TypeError whose message matches `refuses`, before anything is sent. */
export interface RefusesRow extends RowBase {
  readonly refuses: RegExp;
}

/** What the call emits (or how it fails) when the first request is answered with `body`. */
export interface DecodesRow extends RowBase {
  /** The first answer: a body (status 200), or `[status, body]`. Later requests answer 404. */
  readonly answer?: unknown;
  /** Whether `answer` (and `then`) are `[status, body]` rather than 200 bodies. @default false */
  readonly withStatus?: boolean;
  /** The answers of the second, third, … API requests, in the form of `answer`. @default [] */
  readonly then?: readonly unknown[];
  /** Sets the mock up instead of `answer` and `then` (network errors, answers by URL). */
  readonly mock?: (mock: MockAdapter) => void;
  /**
   * Checks every value the stream emitted, in order, the error it ended with (if any), the API
   * requests it sent (token requests left out) and the count of token requests, read 20 ms after
   * it ended.
   */
  readonly check: (outcome: {
    readonly values: readonly unknown[];
    readonly error: unknown;
    readonly requests: readonly SentRequest[];
    /** How many token requests were sent. */
    readonly tokenRequests: number;
  }) => void;
}
