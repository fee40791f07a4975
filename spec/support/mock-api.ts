import axios from 'axios';
import MockAdapter from 'axios-mock-adapter';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PixivClient, PixivClientOptions } from '../../lib/client';

export const API = 'https://app-api.pixiv.net';
export const OAUTH = 'https://oauth.secure.pixiv.net';
export const TOKEN_URL = `${OAUTH}/auth/token`;

/** Reads a real recorded body from spec/fixtures. */
export function fixture<T = any>(relativePath: string): T {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', relativePath), 'utf8')) as T;
}

/** A token response in the late-2020 shape (top level + `response`), with the given tokens. */
export function tokenBody(accessToken: string, refreshToken: string, expiresIn = 3600): unknown {
  const body = fixture('auth-token/pixiv-shaft-2020-12-password-grant.json');
  for (const part of [body, body.response]) {
    part.access_token = accessToken;
    part.refresh_token = refreshToken;
    part.expires_in = expiresIn;
  }
  return body;
}

/** The API's answer to an expired or unknown access token: 400, not 401. */
export const EXPIRED_TOKEN_BODY = {
  error: {
    user_message: '',
    message:
      'Error occurred at the OAuth process. Please check your Access Token to fix this. Error Message: invalid_grant',
    reason: '',
    user_message_details: {},
  },
};

export interface MockedClient {
  readonly client: PixivClient;
  readonly mock: MockAdapter;
  /** Form bodies of every token request, parsed. */
  tokenRequests(): URLSearchParams[];
  /** API (non-token) requests, in order. */
  apiRequests(): Array<{ method: string; url: string; params?: unknown; headers?: Record<string, unknown> }>;
}

/**
 * A client on an axios instance whose adapter is axios-mock-adapter. The token endpoint answers
 * each refresh with `access-1`, `access-2`, … unless the test replaces the handler.
 */
export function mockedClient(options: PixivClientOptions = {}, tokenHandler = true): MockedClient {
  const instance = axios.create();
  const mock = new MockAdapter(instance, { delayResponse: 1 });
  let grants = 0;
  if (tokenHandler) {
    mock.onPost(TOKEN_URL).reply(() => {
      grants++;
      return [200, tokenBody(`access-${grants}`, 'refresh-rotated')];
    });
  }
  const client = new PixivClient({
    refreshToken: 'refresh-initial',
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    maxConcurrentRequests: Infinity,
    ...options,
    axios: instance,
  });
  return {
    client,
    mock,
    tokenRequests: () =>
      mock.history.post.filter((r) => r.url === TOKEN_URL).map((r) => new URLSearchParams(String(r.data))),
    apiRequests: () =>
      [...mock.history.get, ...mock.history.post]
        .filter((r) => r.url !== TOKEN_URL)
        .map((r) => ({ method: r.method ?? '', url: r.url ?? '', headers: r.headers as Record<string, unknown> })),
  };
}
