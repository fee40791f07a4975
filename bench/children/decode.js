// @ts-check
'use strict';
/**
 * Decode cost of one 30-item page: `JSON.parse` of its bytes (the floor) against io-ts decoding
 * (`decode(IllustrationsBody, …)`) and mapping (`toIllustration`) of the parsed body, timed in
 * batches, a full GC before each timed step (run with --expose-gc). The page is the first of the
 * prolific user's works, fetched from the fake once.
 */
const support = require('../support');

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** @param {bigint} start */
const since = (start) => Number(process.hrtime.bigint() - start) / 1000;

async function main() {
  /**
   * @type {{ root: string, apiBaseUrl: string, oauthBaseUrl: string, refreshToken: string, userId: number,
   *          samples: number, warmup: number, batch: number }}
   */
  const { root, apiBaseUrl, oauthBaseUrl, refreshToken, userId, samples, warmup, batch } = support.job();
  /** @type {typeof import('../../lib/models/index')} */
  const models = support.internals(root);
  const gc = /** @type {() => void} */ (globalThis.gc);
  if (typeof gc !== 'function') throw new Error('run with --expose-gc');

  const headers = support.apiHeaders(await support.accessTokenOf(oauthBaseUrl, refreshToken));
  const { status, text } = await support.rawRequest(support.userIllustrationsUrl(apiBaseUrl, userId), { headers });
  if (status !== 200) throw new Error(`HTTP ${status}`);
  const items = JSON.parse(text).illusts.length;

  const times = { parse: /** @type {number[]} */ ([]), decode: /** @type {number[]} */ ([]), map: /** @type {number[]} */ ([]) };
  let sink = 0;
  for (let run = 0; run < warmup + samples; run++) {
    gc();
    let start = process.hrtime.bigint();
    /** @type {unknown[]} */
    const bodies = [];
    for (let i = 0; i < batch; i++) bodies.push(JSON.parse(text));
    const parse = since(start);

    gc();
    start = process.hrtime.bigint();
    const decoded = bodies.map((body) => models.decode(models.IllustrationsBody, body));
    const decode = since(start);

    gc();
    start = process.hrtime.bigint();
    for (const body of decoded) sink += body.illusts.map(models.toIllustration).length;
    const map = since(start);

    if (run >= warmup) {
      const per = batch * items;
      times.parse.push(parse / per);
      times.decode.push(decode / per);
      times.map.push(map / per);
    }
  }
  if (sink !== (warmup + samples) * batch * items) throw new Error('lost items');
  support.report({
    items,
    bytes: Buffer.byteLength(text),
    parseUs: median(times.parse),
    decodeUs: median(times.decode),
    mapUs: median(times.map),
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
