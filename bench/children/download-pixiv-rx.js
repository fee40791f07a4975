// @ts-check
'use strict';
/**
 * pixiv-rx in the download cases: the works come from `userIllustrations$` (before the measured
 * region), then `downloadIllustrations(client, { directory, concurrency })` fetches their
 * originals.
 */
const support = require('../support');

async function main() {
  /**
   * @type {{ root: string, apiBaseUrl: string, oauthBaseUrl: string, refreshToken: string, userId: number,
   *          files: { url: string, file: string }[], directory: string, concurrency: number }}
   */
  const { root, apiBaseUrl, oauthBaseUrl, refreshToken, userId, files, directory, concurrency } = support.job();
  const load = support.appRequire(root);
  /** @type {typeof import('../../lib/index')} */
  const { PixivClient } = load('pixiv-rx');
  /** @type {typeof import('../../lib/node/index')} */
  const { downloadIllustrations } = load('pixiv-rx/node');
  /** @type {typeof import('rxjs')} */
  const { filter, from, lastValueFrom, reduce, take, toArray } = load('rxjs');

  const client = new PixivClient({ apiBaseUrl, oauthBaseUrl, refreshToken });
  const works = await lastValueFrom(
    client.userIllustrations$(userId).pipe(
      filter((work) => work.type === 'illust' && work.pageCount === 1 && work.metaPages.length === 0 && work.visible),
      take(files.length),
      toArray(),
    ),
  );
  const urls = works.map((work) => work.imageUrls.original);
  if (urls.join('\n') !== files.map((file) => file.url).join('\n')) {
    throw new Error('the works listed by pixiv-rx are not the ones the floor downloads');
  }
  const rssBefore = process.memoryUsage.rss();

  const gc = support.countGc();
  const clock = support.startClock();
  const downloaded = await lastValueFrom(
    from(works).pipe(
      downloadIllustrations(client, { directory, concurrency }),
      reduce((sum, result) => sum + result.paths.length, 0),
    ),
  );
  const { wallMs, cpuMs, regionUs } = support.stopClock(clock);
  if (downloaded !== files.length) throw new Error(`downloaded ${downloaded} files of ${files.length}`);
  support.report({ wallMs, cpuMs, regionUs, gc: await gc.stop(), files: downloaded, rssBefore, peakRss: support.peakRss() });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
