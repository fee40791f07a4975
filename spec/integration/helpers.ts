import { Observable, lastValueFrom, toArray } from 'rxjs';
import { PixivClient, type PixivClientOptions } from '../../lib';
import type { FakePixivServer } from '../../lib/testing';

/** A client of the fake, with fast retries, as the integration tests construct it. */
export function clientOf(server: FakePixivServer, options: PixivClientOptions = {}): PixivClient {
  return new PixivClient({
    apiBaseUrl: server.apiBaseUrl,
    oauthBaseUrl: server.oauthBaseUrl,
    refreshToken: server.refreshToken,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

export function collect<T>(source: Observable<T>): Promise<T[]> {
  return lastValueFrom(source.pipe(toArray()));
}

/** The error a stream fails with (fails the test if it completes). */
export async function failure(source: Observable<unknown>): Promise<any> {
  try {
    await lastValueFrom(source, { defaultValue: undefined });
  } catch (error) {
    return error;
  }
  throw new Error('expected the stream to fail, but it completed');
}

/** API requests in the log (token and image requests left out). */
export function apiRequests(server: FakePixivServer) {
  return server.requests({ origin: 'api' });
}
