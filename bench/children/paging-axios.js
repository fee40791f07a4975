// @ts-check
'use strict';
/**
 * References for the paging case, not targets: the floor's loop sent through axios, with the
 * request config pixiv-rx's `requestJson` uses (`jsonRequestConfig` from the build), from a fresh
 * `axios.create()` with a Cancellation (and so an AbortSignal) per request. With `decode: true` every body also goes through io-ts
 * `decode(IllustrationsBody)` and `toIllustration`, from the built package.
 *
 * That second line is the floor of the design's stack (axios as the transport, every body
 * validated): what any client built on it pays before rxjs and pixiv-rx's own plumbing
 * (pagination, auth, limiter, retry) are added.
 */
const support = require('../support');

async function main() {
  /** @type {{ root: string, apiBaseUrl: string, oauthBaseUrl: string, refreshToken: string, userId: number, decode?: boolean }} */
  const { root, apiBaseUrl, oauthBaseUrl, refreshToken, userId, decode } = support.job();
  const load = support.appRequire(root);
  /** @type {typeof import('axios').default} */
  const axios = load('axios');
  const internals = support.internals(root);
  const models = decode ? internals : undefined;
  const { jsonRequestConfig, Cancellation } = internals;
  const instance = axios.create();
  const { 'Accept-Encoding': _axiosSendsItself, ...headers } = support.apiHeaders(await support.accessTokenOf(oauthBaseUrl, refreshToken));

  const clock = support.startClock();
  let items = 0;
  let pages = 0;
  /** @type {string | null} */
  let url = support.userIllustrationsUrl(apiBaseUrl, userId);
  while (url !== null) {
    const cancellation = new Cancellation();
    const response = await instance.request(jsonRequestConfig({ method: 'GET', url, headers, data: undefined, cancellation }));
    if (response.status !== 200) throw new Error(`HTTP ${response.status} for ${url}`);
    const parsed = JSON.parse(/** @type {string} */ (response.data));
    if (models) {
      const body = models.decode(models.IllustrationsBody, parsed);
      items += body.illusts.map(models.toIllustration).length;
      url = body.next_url ?? null;
    } else {
      items += parsed.illusts.length;
      url = parsed.next_url;
    }
    pages++;
  }
  const { wallMs, cpuMs, regionUs } = support.stopClock(clock);
  support.report({ wallMs, cpuMs, regionUs, items, pages, peakRss: support.peakRss() });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
