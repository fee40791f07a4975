/**
 * novelText$ end to end over loopback: the viewer page is fetched as text through the real HTTP
 * stack, with the bearer token, and its novel decoded.
 */
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { firstValueFrom } from 'rxjs';
import { PixivClient } from '../../lib/client';
import { BadApiResponse, PixivApiError } from '../../lib/errors';
import { tokenBody } from '../support/mock-api';
import { webviewPage } from './novel-webview';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
}

/** A server on 127.0.0.1 that answers the token endpoint and the viewer with `page` (and `status`). */
async function viewerServer(page: string, status = 200): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
      if (request.url === '/auth/token') {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(tokenBody('access-loopback', 'refresh-loopback')));
        return;
      }
      response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(page);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, seen };
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

function clientOf(url: string): PixivClient {
  return new PixivClient({ apiBaseUrl: url, oauthBaseUrl: url, refreshToken: 'refresh-initial', retry: false });
}

describe('novelText$ over loopback', () => {
  it('GETs the viewer page with the bearer token and reads the novel from its HTML', async () => {
    const { server, url, seen } = await viewerServer(webviewPage());
    try {
      const novel = await firstValueFrom(clientOf(url).novelText$(19713880));
      expect(novel).toMatchObject({ novelId: 19713880, title: '友奈vs若葉 (ai小说测试)' });
      expect(Object.keys(novel.images)).toHaveLength(3);
      const viewer = seen.filter((request) => request.url !== '/auth/token');
      expect(viewer).toHaveLength(1);
      expect(viewer[0].method).toBe('GET');
      expect(viewer[0].url).toBe('/webview/v2/novel?id=19713880&viewer_version=20221031_ai');
      expect(viewer[0].headers.authorization).toBe('Bearer access-loopback');
      expect(viewer[0].headers.accept).toBe('text/html');
    } finally {
      await close(server);
    }
  });

  it('errors with a BadApiResponse at pixiv, not a SyntaxError, for a page without the novel', async () => {
    const { server, url } = await viewerServer('<!DOCTYPE html><html><body>メンテナンス中</body></html>');
    try {
      const error = await firstValueFrom(clientOf(url).novelText$(1)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BadApiResponse);
      expect((error as BadApiResponse).path).toBe('pixiv');
      expect((error as BadApiResponse).request?.url).toBe(`${url}/webview/v2/novel?id=1&viewer_version=20221031_ai`);
    } finally {
      await close(server);
    }
  });

  it('errors with a PixivApiError carrying the status for an HTML error answer', async () => {
    const { server, url } = await viewerServer('<html><body>404 Not Found</body></html>', 404);
    try {
      const error = await firstValueFrom(clientOf(url).novelText$(1)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PixivApiError);
      expect((error as PixivApiError).status).toBe(404);
    } finally {
      await close(server);
    }
  });
});
