// @ts-check
'use strict';
/**
 * Floor of the download cases: `http.get` → `stream.pipeline` → `fs.createWriteStream`, four at
 * a time, with the headers the image host needs. No `.part`, no resume, no checks.
 *
 * With `preload` in the job it first requires those packages (as installed beside the built
 * package) and never uses them: a reference for what the modules alone cost in memory and GC.
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { pipeline } = require('node:stream/promises');
const support = require('../support');

/**
 * @param {string} url
 * @param {string} file
 * @returns {Promise<void>}
 */
function download(url, file) {
  return new Promise((resolve, reject) => {
    const headers = { Referer: support.PIXIV_REFERER, Accept: '*/*', 'Accept-Encoding': 'identity' };
    http
      .get(url, { headers }, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`HTTP ${response.statusCode} for ${url}`));
          return;
        }
        pipeline(response, fs.createWriteStream(file)).then(resolve, reject);
      })
      .on('error', reject);
  });
}

async function main() {
  /** @type {{ root: string, files: { url: string, file: string }[], directory: string, concurrency: number, preload?: string[] }} */
  const { root, files, directory, concurrency, preload = [] } = support.job();
  // a reference run loads modules it never uses (the design's dependencies), to weigh them alone
  const load = support.appRequire(root);
  for (const name of preload) load(name);
  const rssBefore = process.memoryUsage.rss();

  const gc = support.countGc();
  const clock = support.startClock();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const { url, file } = files[next++];
      await download(url, path.join(directory, file));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const { wallMs, cpuMs, regionUs } = support.stopClock(clock);
  support.report({ wallMs, cpuMs, regionUs, gc: await gc.stop(), files: files.length, rssBefore, peakRss: support.peakRss() });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
