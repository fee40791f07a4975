// @ts-check
'use strict';
/**
 * What the measured child processes share. Plain Node only: a floor loads this file and nothing of
 * pixiv-rx, so it must not require anything outside `node:`.
 *
 * A child gets its job as JSON in `argv[2]` and prints its result as the last line of stdout, one
 * JSON object (see {@link report}).
 */
const fs = require('node:fs');
const http = require('node:http');
const { createHash } = require('node:crypto');
const { createRequire } = require('node:module');
const path = require('node:path');

/**
 * The app headers every API and token request carries: the same values as pixiv-rx's
 * `appHeaders('English')` (lib/http/headers.ts; the harness checks they match once per run).
 */
const APP_HEADERS = Object.freeze({
  'User-Agent': 'PixivAndroidApp/5.0.234 (Android 11; Pixel 5)',
  'App-OS': 'android',
  'App-OS-Version': '11',
  'App-Version': '5.0.234',
  'Accept-Language': 'English',
});

/** What pixiv-rx's Node transport sends besides our headers; the floor sends it too, so both requests are alike. */
const ACCEPT_ENCODING = 'gzip, deflate, br';

/** The Android app's OAuth client (lib/client.ts). */
const ANDROID_CLIENT = Object.freeze({
  id: 'MOBrBDS8blbauoSck0ZfDbtuzpyT',
  secret: 'lsACyCD94FhDUtGTXi3QzcFE2uU1hqtDaKeqrdwj',
});
const CLIENT_HASH_SECRET = '28c1fdd170a5204386cb1313c7077b34f83e4aaf4aa829ce78c231e05b0bae2c';

/** Referer the image host insists on (lib/http/headers.ts PIXIV_REFERER). */
const PIXIV_REFERER = 'https://app-api.pixiv.net/';

/** @returns {any} the child's job, parsed from argv[2] */
function job() {
  const text = process.argv[2];
  if (!text) throw new Error('a bench child needs its job as JSON in argv[2]');
  return JSON.parse(text);
}

/**
 * Prints the result (one JSON line, the last of stdout) and lets the process end on its own.
 * @param {Record<string, unknown>} result
 */
function report(result) {
  process.stdout.write(`\n${JSON.stringify({ pid: process.pid, ...result })}\n`);
}

/**
 * Peak resident set size of this process so far (`VmHWM`), in bytes: the kernel's own high-water
 * mark, which no sampling interval can miss.
 * @returns {number}
 */
function peakRss() {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error('no VmHWM in /proc/self/status (Linux only)');
  return Number(match[1]) * 1024;
}

/**
 * Counts the garbage collections from now on (`perf_hooks` 'gc' entries): how many major
 * (mark-compact) and minor (scavenge) ones, and their time. `stop()` ends the count.
 * @returns {{ stop: () => Promise<{ major: number, minor: number, majorMs: number, minorMs: number }> }}
 */
function countGc() {
  const { PerformanceObserver, constants } = require('node:perf_hooks');
  const counts = { major: 0, minor: 0, majorMs: 0, minorMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = /** @type {{ detail?: { kind?: number } }} */ (/** @type {unknown} */ (entry)).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        counts.major++;
        counts.majorMs += entry.duration;
      } else if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        counts.minor++;
        counts.minorMs += entry.duration;
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    // the entries of the last collections arrive some turns of the event loop later
    stop: () =>
      new Promise((resolve) =>
        setTimeout(() => {
          observer.disconnect();
          resolve(counts);
        }, 100),
      ),
  };
}

/**
 * CPU time (ns) of the main thread alone, where Linux tells it (`/proc/self/task/<pid>/schedstat`),
 * else null. `process.cpuUsage()` counts every thread: V8's compiler and GC threads too.
 * @returns {number | null}
 */
function mainThreadCpuNs() {
  try {
    return Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

/**
 * Wall time (ns) and CPU time (µs, user + system, every thread of the process) since `start`.
 * @returns {{ wallNs: bigint, cpu: NodeJS.CpuUsage, mainNs: number | null }}
 */
function startClock() {
  // the main thread's clock is a file read: read before the region, and after it in stopClock
  const mainNs = mainThreadCpuNs();
  return { mainNs, cpu: process.cpuUsage(), wallNs: process.hrtime.bigint() };
}

/**
 * The wall and CPU time of the measured region, the main thread's share of that CPU (null where
 * it cannot be read), and the region itself in µs of the monotonic clock (the clock of
 * `--cpu-prof` sample times: bench/profile-summary.js keeps only the region's samples).
 * @param {{ wallNs: bigint, cpu: NodeJS.CpuUsage, mainNs: number | null }} start
 * @returns {{ wallMs: number, cpuMs: number, mainCpuMs: number | null, regionUs: [number, number] }}
 */
function stopClock(start) {
  const end = process.hrtime.bigint();
  const cpu = process.cpuUsage(start.cpu);
  const mainNs = mainThreadCpuNs();
  return {
    wallMs: Number(end - start.wallNs) / 1e6,
    cpuMs: (cpu.user + cpu.system) / 1000,
    mainCpuMs: mainNs === null || start.mainNs === null ? null : (mainNs - start.mainNs) / 1e6,
    regionUs: [Number(start.wallNs / 1000n), Number(end / 1000n)],
  };
}

/**
 * One raw request on the global agent (keep-alive in Node ≥ 19, as axios uses it).
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string }} [options]
 * @returns {Promise<{ status: number, text: string }>}
 */
function rawRequest(url, options = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      /** @type {Buffer[]} */
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

/**
 * An access token from the fake's token endpoint, the way the app gets one (client hash included).
 * @param {string} oauthBaseUrl
 * @param {string} refreshToken
 * @returns {Promise<string>}
 */
async function accessTokenOf(oauthBaseUrl, refreshToken) {
  const time = new Date().toISOString().replace(/\.\d+Z$/, '+00:00');
  const body = new URLSearchParams({
    client_id: ANDROID_CLIENT.id,
    client_secret: ANDROID_CLIENT.secret,
    get_secure_url: '1',
    include_policy: 'true',
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
  }).toString();
  const { status, text } = await rawRequest(`${oauthBaseUrl}/auth/token`, {
    method: 'POST',
    headers: {
      ...APP_HEADERS,
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Client-Time': time,
      'X-Client-Hash': createHash('md5').update(time + CLIENT_HASH_SECRET).digest('hex'),
    },
    body,
  });
  if (status !== 200) throw new Error(`token endpoint answered ${status}: ${text.slice(0, 200)}`);
  return JSON.parse(text).access_token;
}

/**
 * The headers of an API request, as pixiv-rx sends them (lib/auth/authorized.ts, lib/http/request.ts, lib/node/http/default-transport.ts).
 * @param {string} accessToken
 * @returns {Record<string, string>}
 */
function apiHeaders(accessToken) {
  return {
    Accept: 'application/json',
    ...APP_HEADERS,
    Authorization: `Bearer ${accessToken}`,
    'Accept-Encoding': ACCEPT_ENCODING,
  };
}

/**
 * The first page of a user's illustrations, as `userIllustrations$(userId)` asks for it.
 * @param {string} apiBaseUrl
 * @param {number} userId
 */
function userIllustrationsUrl(apiBaseUrl, userId) {
  return `${apiBaseUrl}/v1/user/illusts?user_id=${userId}&type=illust&filter=for_ios`;
}

/**
 * `require` as an application installed beside the built package would have it: `root` holds
 * `node_modules/pixiv-rx` (a snapshot of dist/cjs) and the dependencies.
 * @param {string} root
 * @returns {NodeJS.Require}
 */
function appRequire(root) {
  return createRequire(path.join(root, 'app.js'));
}

/**
 * The internal modules the reference runs use, which the built package does not export (it is one
 * bundle per entry point): `decode`, `IllustrationsBody` and `toIllustration` (lib/models),
 * `jsonRequestConfig` (lib/http/api-transport.ts), `Cancellation` (lib/http/cancellation.ts) and
 * `appHeaders` (lib/http/headers.ts), bundled from lib/ the way the package is (scripts/bench.js,
 * `INTERNALS`).
 * @param {string} root
 * @returns {typeof import('../lib/models/index') & typeof import('../lib/http/api-transport') & typeof import('../lib/http/cancellation') & typeof import('../lib/http/headers')}
 */
function internals(root) {
  return require(path.join(root, 'internals.js'));
}

module.exports = {
  appRequire,
  internals,
  APP_HEADERS,
  ANDROID_CLIENT,
  PIXIV_REFERER,
  accessTokenOf,
  apiHeaders,
  job,
  peakRss,
  rawRequest,
  report,
  countGc,
  startClock,
  stopClock,
  userIllustrationsUrl,
};
