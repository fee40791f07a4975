// @ts-check
'use strict';
/**
 * A long stream: every work of a prolific user (100,000 works in the bench) through `userIllustrations$` and `count()`.
 * Records the peak RSS (VmHWM) and the CPU time so far every 1,000 works, and the live heap after a full GC at 1,000 works
 * and at the end (run with --expose-gc): flat if neither grows with the number of works.
 */
const support = require('../support');

async function main() {
  /** @type {{ root: string, apiBaseUrl: string, oauthBaseUrl: string, refreshToken: string, userId: number, every: number }} */
  const { root, apiBaseUrl, oauthBaseUrl, refreshToken, userId, every } = support.job();
  const load = support.appRequire(root);
  /** @type {typeof import('../../lib/index')} */
  const { PixivClient } = load('pixiv-rx');
  /** @type {typeof import('rxjs')} */
  const { count, firstValueFrom, lastValueFrom, tap } = load('rxjs');
  const gc = /** @type {() => void} */ (globalThis.gc);
  if (typeof gc !== 'function') throw new Error('run with --expose-gc');

  const client = new PixivClient({ apiBaseUrl, oauthBaseUrl, refreshToken });
  await firstValueFrom(client.authenticate(refreshToken));

  /** @type {{ works: number, peakRss: number, cpuMs: number }[]} */
  const checkpoints = [];
  let heapAtFirst = 0;
  let seen = 0;
  const clock = support.startClock();
  const works = await lastValueFrom(
    client.userIllustrations$(userId).pipe(
      tap(() => {
        seen++;
        if (seen % every !== 0) return;
        if (seen === every) {
          gc();
          heapAtFirst = process.memoryUsage().heapUsed;
        }
        // after the full GC, so that its CPU counts in no segment after the first
        checkpoints.push({ works: seen, peakRss: support.peakRss(), cpuMs: support.stopClock(clock).cpuMs });
      }),
      count(),
    ),
  );
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
