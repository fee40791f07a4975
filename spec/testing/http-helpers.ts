import { createHash } from 'node:crypto';
import * as http from 'node:http';
import { CLIENT_HASH_SECRET, ANDROID_CLIENT, type FakePixivServer } from '../../lib/testing';

export const APP_UA = 'PixivAndroidApp/5.0.234 (Android 11; Pixel 5)';
export const PIXIV_REFERER = 'https://app-api.pixiv.net/';

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
  json(): any;
}

export interface RawRequest {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** One request over loopback with node:http, no defaults added. */
export function request(url: string, options: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('aborted')));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** The headers of the official app. */
export function appHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'User-Agent': APP_UA, 'App-OS': 'android', 'App-OS-Version': '11', 'App-Version': '5.0.234', ...extra };
}

export function clientTime(date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}

export function clientHash(time: string): string {
  return createHash('md5').update(time + CLIENT_HASH_SECRET).digest('hex');
}

/** POST /auth/token with a form, the app headers and a valid client hash unless overridden. */
export function tokenRequest(
  server: FakePixivServer,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const time = clientTime();
  const body = new URLSearchParams({
    client_id: ANDROID_CLIENT.id,
    client_secret: ANDROID_CLIENT.secret,
    get_secure_url: '1',
    include_policy: 'true',
    ...form,
  }).toString();
  return request(`${server.oauthBaseUrl}/auth/token`, {
    method: 'POST',
    headers: appHeaders({
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Client-Time': time,
      'X-Client-Hash': clientHash(time),
      ...headers,
    }),
    body,
  });
}

/** An authenticated API GET (path with query, or an absolute next_url). */
export function apiGet(server: FakePixivServer, pathOrUrl: string, token = server.issueAccessToken(), headers: Record<string, string> = {}): Promise<RawResponse> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${server.apiBaseUrl}${pathOrUrl}`;
  return request(url, { headers: appHeaders({ Authorization: `Bearer ${token}`, 'Accept-Language': 'en-us', ...headers }) });
}

export function apiPost(server: FakePixivServer, path: string, form: Record<string, string | string[]>, token = server.issueAccessToken()): Promise<RawResponse> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  return request(`${server.apiBaseUrl}${path}`, {
    method: 'POST',
    headers: appHeaders({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' }),
    body: params.toString(),
  });
}

/** Follows next_url to the end, returning every page's JSON. */
export async function allPages(server: FakePixivServer, path: string, token = server.issueAccessToken()): Promise<any[]> {
  const pages: any[] = [];
  let url: string | null = path;
  while (url) {
    const res = await apiGet(server, url, token);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${res.text}`);
    const page = res.json();
    pages.push(page);
    if (page.next_url === url) throw new Error('looping next_url');
    url = page.next_url;
  }
  return pages;
}
