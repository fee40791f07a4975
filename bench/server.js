// @ts-check
'use strict';
/**
 * The fake Pixiv, in a process of its own so that its CPU never counts toward the measured
 * client's. Started by scripts/bench.js with `fork`; the job (argv[2]) names the built package
 * and the FakePixivServer options. Talks over IPC:
 *   → { type: 'ready', apiBaseUrl, oauthBaseUrl, imageBaseUrl, refreshToken, prolificUserId }
 *   ← { type: 'latency', ms }       → { type: 'ok' }
 *   ← { type: 'resetLog' }          → { type: 'ok' }
 *   ← { type: 'apiHeaders' }        → { type: 'headers', list } the headers of every API request logged
 *   ← { type: 'stats' }             → { type: 'stats', requests, internalErrors, maxImageTransfers }
 *   ← { type: 'close' }             closes and exits
 */
const path = require('node:path');
const { job } = require('./support');

/** @typedef {typeof import('../lib/testing/index')} Testing */

async function main() {
  const { dist, options } = job();
  /** @type {Testing} */
  const testing = require(path.join(dist, 'testing', 'index.js'));
  const server = await testing.FakePixivServer.start(options);
  const send = (/** @type {unknown} */ message) => process.send?.(message);

  process.on('message', async (/** @type {any} */ message) => {
    switch (message.type) {
      case 'latency':
        server.clearFaults();
        if (message.ms > 0) server.latency(message.ms);
        return send({ type: 'ok' });
      case 'resetLog':
        server.resetLog();
        return send({ type: 'ok' });
      case 'apiHeaders':
        return send({
          type: 'headers',
          list: server.log.filter((entry) => entry.origin === 'api').map((entry) => entry.headers),
        });
      case 'stats':
        return send({
          type: 'stats',
          requests: server.log.length,
          internalErrors: server.internalErrors.map(String),
          maxImageTransfers: server.counters.imageTransfers.max,
        });
      case 'close':
        await server.close();
        process.exit(0);
    }
  });
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));

  send({
    type: 'ready',
    apiBaseUrl: server.apiBaseUrl,
    oauthBaseUrl: server.oauthBaseUrl,
    imageBaseUrl: server.imageBaseUrl,
    refreshToken: server.refreshToken,
    prolificUserId: server.world.prolificUserId,
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
