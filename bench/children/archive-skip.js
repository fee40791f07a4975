// @ts-check
'use strict';
/**
 * The archive's skip against a plain listing: `pixiv-rx download user <id>` when every work of the
 * user is in the archive (each is skipped without an image request) against `pixiv-rx ls user <id>`
 * of the same works, both as whole processes, interleaved (ls, download, ls, …) after two discarded
 * rounds. A first `download` fills the archive (and the folder) and is not measured; the folder is
 * then removed, so every skip comes from the archive alone.
 *
 * The measured command is the one that ships: the package build (cli/scripts/bundle.js, every
 * dependency an import), run inside the bench's application folder, so that `pixiv-rx` is the
 * built library under test. The development bundle (the library from lib/ and rxjs bundled into
 * the command, as the tests run it) is timed in the same rounds, for reference.
 *
 * Job (argv[2]): { root, server: { apiBaseUrl, oauthBaseUrl, refreshToken, prolificUserId }, works, rounds }.
 * Prints { works, lsMs, skipMs, devLsMs, devSkipMs (number[]), seedMs, skipLines, filesWritten }: a
 * work that were not skipped would need its images (its files are gone), so `filesWritten: 0` with
 * one `skipped` line per work (in both builds) says that no image was requested.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const support = require('../support');
const { bundleCli } = require('../../cli/scripts/bundle');

/**
 * Runs the command to its end; resolves with its time and stdout.
 * @param {string} main
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {string} cwd
 * @returns {Promise<{ ms: number, stdout: string }>}
 */
function run(main, args, env, cwd) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [main, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) reject(new Error(`pixiv-rx ${args.join(' ')} exited with ${code}\n${stderr}`));
      else resolve({ ms, stdout });
    });
  });
}

async function main() {
  const { root, server, works, rounds } = support.job();
  const scratch = fs.mkdtempSync(path.join(root, 'archive-skip-'));
  try {
    // both builds inside the application folder, whose node_modules links every dependency
    const shipped = await bundleCli({ outdir: path.join(scratch, 'package'), library: 'package' });
    const development = await bundleCli({ outdir: path.join(scratch, 'development'), library: 'sources' });
    const home = path.join(scratch, 'home');
    fs.mkdirSync(home);
    /** @type {NodeJS.ProcessEnv} */
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      PIXIV_RX_API_BASE_URL: server.apiBaseUrl,
      PIXIV_RX_OAUTH_BASE_URL: server.oauthBaseUrl,
      PIXIV_REFRESH_TOKEN: server.refreshToken,
    };
    const user = ['user', String(server.prolificUserId)];
    const download = ['download', ...user, '--dir', 'downloads'];
    const seed = await run(shipped, download, env, home);
    const downloads = path.join(home, 'downloads');
    fs.rmSync(downloads, { recursive: true, force: true });
    const skips = (/** @type {string} */ stdout) => stdout.split('\n').filter((line) => line.startsWith('skipped ')).length;
    /** @type {Record<'lsMs' | 'skipMs' | 'devLsMs' | 'devSkipMs', number[]>} */
    const times = { lsMs: [], skipMs: [], devLsMs: [], devSkipMs: [] };
    let skipLines = Infinity;
    for (let round = 0; round < rounds + 2; round++) {
      const listed = await run(shipped, ['ls', ...user], env, home);
      const skipped = await run(shipped, download, env, home);
      const devListed = await run(development, ['ls', ...user], env, home);
      const devSkipped = await run(development, download, env, home);
      skipLines = Math.min(skipLines, skips(skipped.stdout), skips(devSkipped.stdout));
      if (round < 2) continue;
      times.lsMs.push(listed.ms);
      times.skipMs.push(skipped.ms);
      times.devLsMs.push(devListed.ms);
      times.devSkipMs.push(devSkipped.ms);
    }
    const filesWritten = fs.existsSync(downloads) ? fs.readdirSync(downloads, { recursive: true }).length : 0;
    support.report({ works, ...times, seedMs: seed.ms, skipLines, filesWritten, cpus: os.availableParallelism() });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
