import type MockAdapter from 'axios-mock-adapter';
import type { Observable } from 'rxjs';
import type { PixivClient, PixivClientOptions } from '../../../lib/client';
import type { SentRequest } from '../request-shape';
import type { DecodesRow, EndpointRow } from './row';

/** A {@link DecodesRow} whose `check` sees the values typed as the call emits them. */
export function decoding<T>(row: {
  readonly member: string;
  readonly title: string;
  readonly call: (client: PixivClient) => Observable<T>;
  readonly client?: PixivClientOptions;
  readonly answer?: unknown;
  readonly withStatus?: boolean;
  readonly then?: readonly unknown[];
  readonly mock?: (mock: MockAdapter) => void;
  readonly check: (outcome: {
    readonly values: readonly T[];
    readonly error: unknown;
    readonly requests: readonly SentRequest[];
    readonly tokenRequests: number;
  }) => void;
}): DecodesRow {
  return row as unknown as DecodesRow;
}

/** Refusals of one argument: one row per bad value, each a TypeError naming `argument`. */
export function refusing<V>(
  member: string,
  what: string,
  values: ReadonlyArray<readonly [string, V]>,
  call: (value: V) => (client: PixivClient) => Observable<unknown>,
  argument: RegExp,
): EndpointRow[] {
  return values.map(([label, value]) => ({
    member,
    title: `errors with a TypeError before sending anything for ${what} ${label}`,
    call: call(value),
    refuses: argument,
  }));
}

/** The one value of a single-value outcome (failing the row when there is another count or an error). */
export function only<T>(outcome: { readonly values: readonly T[]; readonly error: unknown }): T {
  expect(outcome.error).toBeUndefined();
  expect(outcome.values).toHaveLength(1);
  return outcome.values[0];
}

/** The API GETs among the requests. */
export const gets = (requests: readonly SentRequest[]): SentRequest[] => requests.filter((r) => r.method === 'GET');

/** The API POSTs among the requests. */
export const posts = (requests: readonly SentRequest[]): SentRequest[] => requests.filter((r) => r.method === 'POST');
