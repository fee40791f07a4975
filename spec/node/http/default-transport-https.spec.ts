import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { runInFreshNode } from '../support';

/**
 * The way to Pixiv itself: HTTPS through node:https, with a certificate the child process trusts
 * (`NODE_EXTRA_CA_CERTS`, read at start), a gzip answer and one TLS connection kept alive.
 */
describe('the Node default transport over HTTPS', () => {
  let dir: string;
  let server: https.Server;
  let connections = 0;
  const seen: { method: string; url: string; body: string }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pixiv-rx-tls-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    server = https.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) });
    server.on('secureConnection', () => connections++);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        seen.push({ method: request.method ?? '', url: request.url ?? '', body });
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
        response.end(zlib.gzipSync(JSON.stringify({ url: request.url, form: body, next_url: null })));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a form and a GET on one kept-alive TLS connection, and decodes the gzip answers', async () => {
    const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const script = [
      "const { lastValueFrom } = require('rxjs');",
      "const { requestJson } = require('./lib/http/request');",
      "const { resolveRetryPolicy } = require('./lib/http/retry');",
      'const context = { userAxios: false, retry: resolveRetryPolicy(false), timeoutMs: 10000, onRetry: () => undefined };',
      '(async () => {',
      `  const token = await lastValueFrom(requestJson(context, { method: 'POST', url: '${base}/auth/token', form: { grant_type: 'refresh_token' } }));`,
      `  const page = await lastValueFrom(requestJson(context, { method: 'GET', url: '${base}/v1/user/illusts', params: { user_id: 1 } }));`,
      '  console.log(JSON.stringify([token.body, page.body]));',
      '})().catch((error) => { console.error(error); process.exit(1); });',
    ].join('\n');
    const stdout = await runInFreshNode(script, { NODE_EXTRA_CA_CERTS: path.join(dir, 'cert.pem') });

    expect(JSON.parse(stdout)).toEqual([
      { url: '/auth/token', form: 'grant_type=refresh_token', next_url: null },
      { url: '/v1/user/illusts?user_id=1', form: '', next_url: null },
    ]);
    expect(seen.map((request) => request.method)).toEqual(['POST', 'GET']);
    expect(connections).toBe(1);
  }, 60_000);
});
