// @ts-check
'use strict';
/**
 * pixiv-rx in the first-work case: an application that loads rxjs and pixiv-rx, makes a client
 * with a refresh token and takes the first work of `userIllustrations$` (the login happens on
 * the way, every body decoded). It writes a line the moment the Illustration is emitted; the
 * parent times the process from its spawn to that line.
 */
const { createRequire } = require('node:module');
const path = require('node:path');

/** @type {{ root: string, apiBaseUrl: string, oauthBaseUrl: string, refreshToken: string, userId: number }} */
const job = JSON.parse(process.argv[2] ?? '');
const load = createRequire(path.join(job.root, 'app.js'));
/** @type {typeof import('rxjs')} */
const { take } = load('rxjs');
/** @type {typeof import('../../lib/index')} */
const { PixivClient } = load('pixiv-rx');

const client = new PixivClient({ apiBaseUrl: job.apiBaseUrl, oauthBaseUrl: job.oauthBaseUrl, refreshToken: job.refreshToken });
client
  .userIllustrations$(job.userId)
  .pipe(take(1))
  .subscribe({
    next: (work) => process.stdout.write(`${work.id}\n`, () => process.exit(0)),
    error: (/** @type {unknown} */ error) => {
      console.error(error);
      process.exit(1);
    },
  });
