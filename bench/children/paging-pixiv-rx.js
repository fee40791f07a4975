// @ts-check
'use strict';
/**
 * pixiv-rx in the paging case: `userIllustrations$(userId)` through `count()`, every body decoded
 * by io-ts and every work mapped, with the built package as an application loads it.
 */
const support = require('../support');

async function main() {
  /** @type {{ root: string, apiBaseUrl: string, oauthBaseUrl: string, refreshToken: string, userId: number }} */
  const { root, apiBaseUrl, oauthBaseUrl, refreshToken, userId } = support.job();
  const load = support.appRequire(root);
  /** @type {typeof import('../../lib/index')} */
  const { PixivClient } = load('pixiv-rx');
  /** @type {typeof import('rxjs')} */
  const { count, firstValueFrom, lastValueFrom } = load('rxjs');

  const client = new PixivClient({ apiBaseUrl, oauthBaseUrl, refreshToken, maxConcurrentRequests: 4 });
  // the token, outside the measured region (the floor gets its own the same way)
  await firstValueFrom(client.authenticate(refreshToken));

  const clock = support.startClock();
  const items = await lastValueFrom(client.userIllustrations$(userId).pipe(count()));
  const { wallMs, cpuMs, mainCpuMs, regionUs } = support.stopClock(clock);
  support.report({ wallMs, cpuMs, mainCpuMs, regionUs, items, pages: Math.ceil(items / 30), peakRss: support.peakRss() });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
