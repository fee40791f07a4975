// @ts-check
'use strict';
/**
 * A reference for the paging case, not a target: the floor plus what pixiv-rx must do to every
 * body (io-ts `decode(IllustrationsBody)` and `toIllustration` of every work, from the built
 * package), with no axios and no rxjs. The gap between the floor and this line is the price of
 * validation and mapping alone; the gap between this line and pixiv-rx is the transport and the
 * stream machinery.
 */
const support = require('../support');

async function main() {
  /** @type {{ root: string, apiBaseUrl: string, oauthBaseUrl: string, refreshToken: string, userId: number }} */
  const { root, apiBaseUrl, oauthBaseUrl, refreshToken, userId } = support.job();
  /** @type {typeof import('../../lib/models/index')} */
  const models = support.internals(root);
  const headers = support.apiHeaders(await support.accessTokenOf(oauthBaseUrl, refreshToken));

  const clock = support.startClock();
  let items = 0;
  let pages = 0;
  /** @type {string | null} */
  let url = support.userIllustrationsUrl(apiBaseUrl, userId);
  while (url !== null) {
    const { status, text } = await support.rawRequest(url, { headers });
    if (status !== 200) throw new Error(`HTTP ${status} for ${url}: ${text.slice(0, 200)}`);
    const body = models.decode(models.IllustrationsBody, JSON.parse(text));
    items += body.illusts.map(models.toIllustration).length;
    pages++;
    url = body.next_url ?? null;
  }
  const { wallMs, cpuMs, mainCpuMs, regionUs } = support.stopClock(clock);
  support.report({ wallMs, cpuMs, mainCpuMs, regionUs, items, pages, peakRss: support.peakRss() });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
