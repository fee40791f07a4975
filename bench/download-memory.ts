/**
 * How much memory does downloading a large image take?
 *
 *   npx ts-node --transpile-only -O '{"module":"commonjs"}' bench/download-memory.ts [sizeMiB]
 *
 * (`-O` because the root tsconfig emits ES modules, which Node 20 will not load from a `.ts`
 * file; a `bench/tsconfig.json` like `examples/tsconfig.json` makes it unnecessary.)
 *
 * Serves a 50 MiB file on 127.0.0.1 (generated chunk by chunk, so the server holds no copy) and
 * downloads it with `downloadFile`, sampling the process RSS every few milliseconds. Prints the
 * baseline RSS, the peak and the difference, then checks the file. For scale it then fetches the
 * same file the naive way (axios `responseType: 'arraybuffer'`), which holds it all in memory.
 */
import axios from 'axios';
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { lastValueFrom } from 'rxjs';
import { resolveRetryPolicy } from '../lib/http/retry';
import { downloadFile } from '../lib/node';

const MiB = 1024 * 1024;
const fileSize = Number(process.argv[2] ?? 50) * MiB;
const CHUNK = 64 * 1024;

function pattern(): Buffer {
  const chunk = Buffer.allocUnsafe(CHUNK);
  let state = 0x9e3779b9;
  for (let i = 0; i < CHUNK; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    chunk[i] = state & 0xff;
  }
  return chunk;
}

async function serve(chunk: Buffer): Promise<{ url: string; warmupUrl: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    // the warm-up file is small, so that it does not raise the baseline
    const size = req.url?.includes('warmup') ? MiB : fileSize;
    res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': size });
    let sent = 0;
    const pump = (): void => {
      while (sent < size) {
        const piece = chunk.subarray(0, Math.min(CHUNK, size - sent));
        sent += piece.length;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/img-original/bench_p0.png`,
    warmupUrl: `http://127.0.0.1:${port}/img-original/warmup_p0.png`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function expectedSha256(chunk: Buffer): string {
  const hash = createHash('sha256');
  for (let sent = 0; sent < fileSize; sent += CHUNK) hash.update(chunk.subarray(0, Math.min(CHUNK, fileSize - sent)));
  return hash.digest('hex');
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(file)) hash.update(piece as Buffer);
  return hash.digest('hex');
}

/** Runs `work`, sampling RSS every 5 ms; returns the peak RSS and external/arrayBuffers seen. */
async function measure(work: () => Promise<unknown>): Promise<{ peakRss: number; peakArrayBuffers: number; ms: number }> {
  let peakRss = process.memoryUsage.rss();
  let peakArrayBuffers = process.memoryUsage().arrayBuffers;
  const sample = (): void => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    peakArrayBuffers = Math.max(peakArrayBuffers, process.memoryUsage().arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  const started = Date.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
    sample();
  }
  return { peakRss, peakArrayBuffers, ms: Date.now() - started };
}

const mib = (bytes: number): string => `${(bytes / MiB).toFixed(1)} MiB`;

// a full collection before each baseline, without needing `node --expose-gc`
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

async function settle(): Promise<void> {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 200));
  collectGarbage();
}

async function main(): Promise<void> {
  const chunk = pattern();
  const server = await serve(chunk);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pixiv-rx-bench-'));
  const client = {
    http: { axios: axios.create(), retry: resolveRetryPolicy({}), timeoutMs: 0, onRetry: () => undefined, userAxios: false },
  };
  try {
    // warm up: load every module and open the sockets once
    await lastValueFrom(downloadFile(client, server.warmupUrl, path.join(dir, 'warmup.png')));
    await fs.rm(path.join(dir, 'warmup.png'));
    await settle();

    const destination = path.join(dir, 'bench.png');
    const baseline = process.memoryUsage.rss();
    const streamed = await measure(() => lastValueFrom(downloadFile(client, server.url, destination)));
    const ok = (await fs.stat(destination)).size === fileSize && (await fileSha256(destination)) === expectedSha256(chunk);

    console.log(`file: ${mib(fileSize)} over loopback, downloadFile (stream to disk)`);
    console.log(`  baseline RSS:   ${mib(baseline)}`);
    console.log(`  peak RSS:       ${mib(streamed.peakRss)} (sampled every 5 ms)`);
    console.log(`  delta:          ${mib(streamed.peakRss - baseline)}`);
    console.log(`  arrayBuffers:   peak ${mib(streamed.peakArrayBuffers)}`);
    console.log(`  time:           ${streamed.ms} ms (${mib((fileSize / streamed.ms) * 1000)}/s)`);
    console.log(`  file intact:    ${ok ? 'yes (size and sha256 match)' : 'NO'}`);

    await settle();
    const before = process.memoryUsage.rss();
    const buffered = await measure(() => client.http.axios.get(server.url, { responseType: 'arraybuffer' }));
    console.log('for scale, the same file with axios responseType arraybuffer (whole body in memory):');
    console.log(`  RSS before ${mib(before)}, peak ${mib(buffered.peakRss)}, delta ${mib(buffered.peakRss - before)}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
