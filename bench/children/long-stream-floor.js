// @ts-check
'use strict';
/**
 * Reference for the long stream: the same works paged raw (`node:http` + `JSON.parse`),
 * with the same checkpoints as long-stream.js, to tell V8's own heap sizing from accumulation.
 */
const support = require('../support');

async function main() {
  /** @type {{ apiBaseUrl: string, oauthBaseUrl: string, refreshToken: string, userId: number, every: number }} */
  const { apiBaseUrl, oauthBaseUrl, refreshToken, userId, every } = support.job();
  const gc = /** @type {() => void} */ (globalThis.gc);
  if (typeof gc !== 'function') throw new Error('run with --expose-gc');
  const headers = support.apiHeaders(await support.accessTokenOf(oauthBaseUrl, refreshToken));

  /** @type {{ works: number, peakRss: number, cpuMs: number }[]} */
  const checkpoints = [];
  let heapAtFirst = 0;
  let works = 0;
  const clock = support.startClock();
  /** @type {string | null} */
  let url = support.userIllustrationsUrl(apiBaseUrl, userId);
  while (url !== null) {
    const { status, text } = await support.rawRequest(url, { headers });
    if (status !== 200) throw new Error(`HTTP ${status} for ${url}`);
    /** @type {{ illusts: unknown[], next_url: string | null }} */
    const body = JSON.parse(text);
    for (let i = 0; i < body.illusts.length; i++) {
      works++;
      if (works % every !== 0) continue;
      if (works === every) {
        gc();
        heapAtFirst = process.memoryUsage().heapUsed;
      }
      // after the full GC, so that its CPU counts in no segment after the first
      checkpoints.push({ works, peakRss: support.peakRss(), cpuMs: support.stopClock(clock).cpuMs });
    }
    url = body.next_url;
  }
  const { wallMs, cpuMs, regionUs } = support.stopClock(clock);
  const peakRss = support.peakRss();
  gc();
  const heapAtEnd = process.memoryUsage().heapUsed;
  support.report({ works, wallMs, cpuMs, regionUs, checkpoints, peakRss, heapAtFirst, heapAtEnd });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
