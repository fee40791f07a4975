/**
 * `npm run demo`: the `pixiv-rx` command on a fresh clone, with no account and no network.
 *
 * Starts the embedded FakePixivServer (a real HTTP server on 127.0.0.1 that speaks Pixiv's
 * protocol), points the command at it the way a user tests a cron script offline (the fake's
 * refresh token in PIXIV_REFRESH_TOKEN, its hosts in PIXIV_RX_API_BASE_URL and
 * PIXIV_RX_OAUTH_BASE_URL), and runs the same sync twice, as a daily cron job would:
 *
 *   pixiv-rx download user <artist> --ugoira gif --dir ./downloads --archive ./downloads/archive.sqlite
 *   pixiv-rx download novel <one of the artist's novels> --novel-format md --dir ./downloads/novels
 *
 * The first pass downloads the artist's works (about 100, multi-page ones included, ugoira made
 * into GIFs), 4 transfers at once, with live progress, and a novel as Markdown with its images; the second finds every
 * work in the archive and the novel on disk, and skips them all without one image request, which
 * the demo counts on the fake's side. `npm run demo -- --overwrite` downloads everything again in
 * the first pass. Ctrl-C stops the command cleanly (exit code 130).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakePixivServer } from '../lib/testing/index';
import { bundleCli } from '../cli/scripts/bundle';

const ROOT = path.resolve(__dirname, '..');

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Runs `node <main> ...args` with the terminal of the demo; resolves with its exit code. */
function pixivRx(main: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, [main, ...args], { env, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 130 : 1)));
  });
}

async function demo(): Promise<number> {
  const overwrite = process.argv.includes('--overwrite');
  const directory = path.resolve('downloads');
  // Ctrl-C reaches the command too, which stops cleanly and exits with 130: wait for it
  process.on('SIGINT', () => undefined);

  // the command, bundled as `npm run build` bundles it, with the library from lib/
  const cache = path.join(ROOT, 'node_modules', '.cache', 'pixiv-rx-cli');
  fs.mkdirSync(cache, { recursive: true });
  const bundle = fs.mkdtempSync(path.join(cache, 'demo-'));
  const main = await bundleCli({ outdir: path.join(bundle, 'dist'), library: 'sources' });
  fs.copyFileSync(path.join(ROOT, 'cli', 'package.json'), path.join(bundle, 'package.json'));

  const server = await FakePixivServer.start();
  try {
    // What a slow link looks like, so the progress bars have something to show: each image
    // arrives 8 KiB every 25 ms (the fake's trickle fault).
    server.trickle({ origin: 'image' }, 8 * 1024, 25);
    say(`A fake Pixiv is listening on ${server.apiBaseUrl} (API), ${server.imageBaseUrl} (images).`);
    say("The command gets its refresh token from PIXIV_REFRESH_TOKEN and the fake's hosts from");
    say('PIXIV_RX_API_BASE_URL and PIXIV_RX_OAUTH_BASE_URL, as a cron script would be tested offline.');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PIXIV_REFRESH_TOKEN: server.refreshToken,
      PIXIV_RX_API_BASE_URL: server.apiBaseUrl,
      PIXIV_RX_OAUTH_BASE_URL: server.oauthBaseUrl,
    };
    const archive = path.join(directory, 'archive.sqlite');
    const sync: readonly (readonly string[])[] = [
      ['download', 'user', String(server.world.showcaseUserId), '--ugoira', 'gif', '--dir', directory, '--archive', archive],
      ['download', 'novel', String(server.world.samples.markupNovelId), '--novel-format', 'md', '--dir', path.join(directory, 'novels')],
    ];

    const passes = [
      { title: 'First pass', commands: overwrite ? sync.map((args) => [...args, '--overwrite']) : sync },
      { title: 'Second pass, as the next cron run would', commands: sync },
    ];
    for (const { title, commands } of passes) {
      say(`\n${title}:`);
      const before = server.requests({ origin: 'image' }).length;
      for (const args of commands) {
        say(`$ pixiv-rx ${args.join(' ')}`);
        const code = await pixivRx(main, args, env);
        if (code !== 0) return code;
      }
      const images = server.requests({ origin: 'image' }).length - before;
      say(`(${images} image request${images === 1 ? '' : 's'} reached the fake in this pass)`);
    }
    say(`\nThe files are in ${directory}`);
    say('(run `npm run demo -- --overwrite` to download them again)');
    return 0;
  } finally {
    await server.close();
    fs.rmSync(bundle, { recursive: true, force: true });
  }
}

demo().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
