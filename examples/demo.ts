/**
 * `npm run demo`: the whole pipeline on a fresh clone, with no account and no network.
 *
 * Starts the embedded FakePixivServer (a real HTTP server on 127.0.0.1 that speaks Pixiv's
 * protocol), logs in with its refresh token, and downloads every work of its showcase artist
 * (about 100, multi-page ones included) into ./downloads, 4 transfers at once, with live progress
 * and a summary. Run it again and the files already there are skipped; `npm run demo -- --overwrite`
 * downloads them again. Ctrl-C stops it cleanly (exit code 130).
 */
import * as path from 'node:path';
import { firstValueFrom } from 'rxjs';
import { PixivClient, Size } from '../lib/index';
import { FakePixivServer } from '../lib/testing/index';
import { describeError } from '../lib/cli/describe-error';
import { ExitCode } from '../lib/cli/exit-codes';
import { Interrupts } from '../lib/cli/interrupts';
import { eprintln, println, processIo } from '../lib/cli/io';
import { downloadWithProgress } from '../lib/cli/download-job';
import { works$ } from '../lib/cli/works';

const CONCURRENCY = 4;

async function demo(): Promise<ExitCode> {
  const io = processIo();
  const overwrite = process.argv.includes('--overwrite');
  const directory = path.resolve('downloads');
  const interrupts = new Interrupts(() => process.exit(ExitCode.INTERRUPTED));
  process.on('SIGINT', () => interrupts.trigger());

  const server = await FakePixivServer.start();
  try {
    // What a slow link looks like, so the progress bars have something to show: each image
    // arrives 8 KiB every 25 ms (the fake's trickle fault).
    server.trickle({ origin: 'image' }, 8 * 1024, 25);
    println(io, `A fake Pixiv is listening on ${server.apiBaseUrl} (API), ${server.imageBaseUrl} (images).`);

    const client = new PixivClient({ apiBaseUrl: server.apiBaseUrl, oauthBaseUrl: server.oauthBaseUrl });
    const account = await firstValueFrom(client.authenticate(server.refreshToken));
    println(io, `Logged in as ${account.name} (@${account.account}) with the fake's refresh token.`);

    const artistId = server.world.showcaseUserId;
    const artist = await firstValueFrom(client.user$(artistId));
    const total = (artist.profile.totalIllusts ?? 0) + (artist.profile.totalManga ?? 0);
    println(io, `Downloading the ${total > 0 ? `${total} ` : ''}works of ${artist.name} (user ${artistId}) into ${directory}, ${CONCURRENCY} transfers at once.`);

    const works = works$(client, { kind: 'user', userId: artistId });
    const { outcome, stats } = await downloadWithProgress(
      io,
      client,
      works,
      { directory, size: Size.ORIGINAL, concurrency: CONCURRENCY, overwrite, json: false },
      interrupts,
    );
    switch (outcome.kind) {
      case 'complete':
        println(io, `Done: ${stats.summary()}`);
        println(io, `The files are in ${directory}`);
        if (stats.skippedWorks > 0 && !overwrite) println(io, '(run `npm run demo -- --overwrite` to download them again)');
        return ExitCode.OK;
      case 'interrupted':
        eprintln(io, `Interrupted: ${stats.summary()} → ${directory}`);
        return ExitCode.INTERRUPTED;
      case 'failed':
        throw outcome.error;
    }
  } finally {
    await server.close();
  }
}

demo().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const report = describeError(error);
    eprintln(processIo(), `demo: ${report.message}`);
    process.exitCode = report.exitCode;
  },
);
