/**
 * The original library's download quickstart, rewritten with pixiv-rx:
 * `npx ts-node --transpile-only examples/downloads.ts [directory]`.
 *
 * pixiv-api (Python):
 *     illustration = client.fetch_illustration(75523989)
 *     illustration.download(directory=Path.home() / 'my_pixiv_images', size=Size.ORIGINAL)
 *     for illust in client.fetch_user_illustrations(2188232)['illustrations']: illust.download(...)
 *
 * With PIXIV_REFRESH_TOKEN set it talks to Pixiv; without, to an embedded FakePixivServer on
 * 127.0.0.1 (no account, no network).
 */
import { join } from 'node:path';
import { lastValueFrom, mergeMap, reduce } from 'rxjs';
import { PixivClient, Size } from '../lib/index';
import { downloadIllustration, downloadIllustrations } from '../lib/node/index';
import { FakePixivServer } from '../lib/testing/index';

async function main(directory: string): Promise<void> {
  const realToken = process.env.PIXIV_REFRESH_TOKEN;
  const server = realToken ? undefined : await FakePixivServer.start();
  try {
    const client = server
      ? new PixivClient({ apiBaseUrl: server.apiBaseUrl, oauthBaseUrl: server.oauthBaseUrl, refreshToken: server.refreshToken })
      : new PixivClient({ refreshToken: realToken });
    const illustrationId = server ? server.world.samples.multiPageIllustId : 75523989;
    const artistId = server ? server.world.showcaseUserId : 2188232;

    // One illustration: a single-page work becomes <directory>/<id>.<ext>, a multi-page one the
    // folder <directory>/<id>/ with one file per page.
    const one = await lastValueFrom(
      client.illustration$(illustrationId).pipe(
        mergeMap((illustration) => downloadIllustration(client, illustration, { directory, size: Size.ORIGINAL })),
      ),
    );
    console.log(`illustration ${one.illustration.id}: ${one.paths.length} file(s), ${one.bytes} bytes`);

    // Every illustration of an artist, 4 transfers at a time.
    const all = await lastValueFrom(
      client.userIllustrations$(artistId).pipe(
        downloadIllustrations(client, { directory: join(directory, String(artistId)), size: Size.ORIGINAL, concurrency: 4 }),
        reduce((sum, result) => ({ works: sum.works + 1, files: sum.files + result.paths.length, bytes: sum.bytes + result.bytes }), {
          works: 0,
          files: 0,
          bytes: 0,
        }),
      ),
    );
    console.log(`artist ${artistId}: ${all.works} works, ${all.files} files, ${all.bytes} bytes`);
  } finally {
    await server?.close();
  }
}

main(process.argv[2] ?? join(process.cwd(), 'my_pixiv_images')).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
