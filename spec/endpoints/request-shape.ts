import type MockAdapter from 'axios-mock-adapter';
import { Observable, firstValueFrom } from 'rxjs';
import type { PixivClient } from '../../lib/client';
import { TOKEN_URL, mockedClient } from '../support/mock-api';

/** What a test reads back from one recorded request. */
export interface SentRequest {
  readonly method: string;
  /** The URL as sent. */
  readonly url: string;
  readonly origin: string;
  readonly path: string;
  /** Query entries in the order they were sent (`searchParams` decodes them). */
  readonly query: Array<[string, string]>;
  /** Form entries of a POST, in order (`tags[]` once per tag). */
  readonly form: Array<[string, string]>;
  readonly headers: Record<string, string>;
}

function toSent(request: { method?: string; url?: string; data?: unknown; headers?: unknown }): SentRequest {
  const url = new URL(String(request.url));
  return {
    method: String(request.method).toUpperCase(),
    url: String(request.url),
    origin: url.origin,
    path: url.pathname,
    query: [...url.searchParams.entries()],
    form: typeof request.data === 'string' ? [...new URLSearchParams(request.data).entries()] : [],
    headers: request.headers as Record<string, string>,
  };
}

/** The API GETs (the token endpoint is only ever POSTed to), in order. */
export function sentGets(mock: MockAdapter): SentRequest[] {
  return mock.history.get.map(toSent);
}

/** The API POSTs, token requests left out, in order. */
export function sentPosts(mock: MockAdapter): SentRequest[] {
  return mock.history.post.filter((r) => r.url !== TOKEN_URL).map(toSent);
}

/** Checks the official app's headers and the bearer token of the mocked session. */
export function expectAppHeaders(request: SentRequest, { language = 'English', token = 'access-1' } = {}): void {
  const headers = request.headers;
  expect(headers['User-Agent']).toMatch(/^PixivAndroidApp\/\d+\.\d+\.\d+ \(Android \d+; [^)]+\)$/);
  expect(headers['App-OS']).toBe('android');
  // App-Version and App-OS-Version must agree with the User-Agent (PROTOCOL.md, "Headers")
  expect(headers['User-Agent']).toContain(`PixivAndroidApp/${headers['App-Version']} (Android ${headers['App-OS-Version']};`);
  expect(headers['Accept-Language']).toBe(language);
  expect(headers.Authorization).toBe(`Bearer ${token}`);
}

/** Subscribes and returns what the stream errored with (or `undefined` if it did not). */
export function errorOf(stream: Observable<unknown>): Promise<unknown> {
  return firstValueFrom(stream, { defaultValue: undefined }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** Waits long enough for a request that should not happen to have shown up in the history. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * Bad arguments must make the *stream* error with a TypeError (calling the method does not throw),
 * before anything is sent: no API request and no token request either.
 */
export async function expectTypeErrorBeforeSending(
  call: (client: PixivClient) => Observable<unknown>,
  argumentName: RegExp,
): Promise<void> {
  const { client, mock } = mockedClient();
  mock.onAny().reply(200, {});
  let stream: Observable<unknown> | undefined;
  expect(() => {
    stream = call(client);
  }).not.toThrow();
  const error = await errorOf(stream!);
  expect(error).toBeInstanceOf(TypeError);
  expect((error as Error).message).toMatch(argumentName);
  await settle();
  // URLs only: a failure message must not dump request configs (they hold the token form)
  expect(mock.history.get.map((r) => r.url)).toEqual([]);
  expect(mock.history.post.map((r) => r.url)).toEqual([]);
}

/** Ids that are not positive safe integers. */
export const BAD_IDS: ReadonlyArray<[string, number]> = [
  ['0', 0],
  ['-1', -1],
  ['1.5', 1.5],
  ['NaN', Number.NaN],
  ["'123' (a string)", '123' as unknown as number],
  ['Number.MAX_SAFE_INTEGER + 1', Number.MAX_SAFE_INTEGER + 1],
];

/** Offsets that are not integers ≥ 0. */
export const BAD_OFFSETS: ReadonlyArray<[string, number]> = [
  ['-1', -1],
  ['-30', -30],
  ['1.5', 1.5],
];

/** The API's error envelope (PROTOCOL.md, "API errors"). */
export function errorEnvelope(fields: { user_message?: string; message?: unknown; reason?: string }): unknown {
  return { error: { user_message: '', message: '', reason: '', user_message_details: {}, ...fields } };
}

export const DELETED_WORK_BODY = errorEnvelope({
  user_message: 'The artwork has been deleted or the artwork ID does not exist.',
});
