// @ts-check
'use strict';
/**
 * Floor of the paging case: raw `node:http` GETs with the app's headers, `JSON.parse`, follow
 * `next_url` until it is null. No validation, no mapping: what any client must at least pay.
 */
const support = require('../support');

async function main() {
  /** @type {{ apiBaseUrl: string, oauthBaseUrl: string, refreshToken: string, userId: number }} */
  const { apiBaseUrl, oauthBaseUrl, refreshToken, userId } = support.job();
  const headers = support.apiHeaders(await support.accessTokenOf(oauthBaseUrl, refreshToken));

  const clock = support.startClock();
  let items = 0;
  let pages = 0;
  /** @type {string | null} */
  let url = support.userIllustrationsUrl(apiBaseUrl, userId);
  while (url !== null) {
    const { status, text } = await support.rawRequest(url, { headers });
    if (status !== 200) throw new Error(`HTTP ${status} for ${url}: ${text.slice(0, 200)}`);
    /** @type {{ illusts: unknown[], next_url: string | null }} */
    const body = JSON.parse(text);
    items += body.illusts.length;
    pages++;
    url = body.next_url;
  }
  const { wallMs, cpuMs, mainCpuMs, regionUs } = support.stopClock(clock);
  support.report({ wallMs, cpuMs, mainCpuMs, regionUs, items, pages, peakRss: support.peakRss() });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
