/**
 * The README's quickstart, runnable: `npx ts-node --transpile-only examples/quickstart.ts`.
 *
 * With PIXIV_REFRESH_TOKEN set it talks to Pixiv; without, to an embedded FakePixivServer on
 * 127.0.0.1 (no account, no network), whose showcase artist stands in for the real one.
 */
import { firstValueFrom, take, toArray } from 'rxjs';
import { PixivClient, Size } from '../lib/index';
import { FakePixivServer } from '../lib/testing/index';

async function quickstart(): Promise<void> {
  const realToken = process.env.PIXIV_REFRESH_TOKEN;
  const server = realToken ? undefined : await FakePixivServer.start();
  try {
    const client = server
      ? new PixivClient({ apiBaseUrl: server.apiBaseUrl, oauthBaseUrl: server.oauthBaseUrl, refreshToken: server.refreshToken })
      : new PixivClient({ refreshToken: realToken });
    const artistId = server ? server.world.showcaseUserId : 2188232;

    // The first 100 works of an artist: at most 4 page requests, then paging stops.
    const works = await firstValueFrom(client.userIllustrations$(artistId).pipe(take(100), toArray()));
    for (const work of works.slice(0, 5)) {
      console.log(work.id, work.title, work.pageCount, work.imageUrls[Size.ORIGINAL] ?? work.metaPages[0]?.[Size.ORIGINAL]);
    }
    console.log(`… ${works.length} works`);

    // Page streams give you the raw cursor and the page's extra fields.
    const word = server ? works[0].tags[0].name : '初音ミク';
    const pages = await firstValueFrom(client.searchIllustrationPages$(word).pipe(take(2), toArray()));
    for (const page of pages) console.log(page.items.length, page.next, page.searchSpanLimit);
  } finally {
    await server?.close();
  }
}

quickstart().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
