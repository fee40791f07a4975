// @ts-check
'use strict';
/**
 * Floor of the first-work case: a process that loads rxjs (every application of pixiv-rx has it),
 * gets an access token with the refresh token and fetches the first page with node:http, parses it
 * with `JSON.parse` and writes a line the moment it holds the first work. The parent times the
 * process from its spawn to that line.
 */
const { createRequire } = require('node:module');
const path = require('node:path');

/** @type {{ root: string, apiBaseUrl: string, oauthBaseUrl: string, refreshToken: string, userId: number }} */
const job = JSON.parse(process.argv[2] ?? '');
createRequire(path.join(job.root, 'app.js'))('rxjs');
const support = require('../support');

async function main() {
  const headers = support.apiHeaders(await support.accessTokenOf(job.oauthBaseUrl, job.refreshToken));
  const { status, text } = await support.rawRequest(support.userIllustrationsUrl(job.apiBaseUrl, job.userId), { headers });
  if (status !== 200) throw new Error(`HTTP ${status}`);
  /** @type {{ illusts: { id: number }[] }} */
  const body = JSON.parse(text);
  const first = body.illusts[0];
  if (!first) throw new Error('no work on the first page');
  process.stdout.write(`${first.id}\n`, () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
