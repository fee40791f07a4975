// @ts-check
'use strict';
/**
 * The archive's skip against a plain listing: `pixiv-rx download user <id>` when every work of the
 * user is in the archive (each is skipped without an image request) against `pixiv-rx ls user <id>`
 * of the same works, both as whole processes of the bundled command, interleaved (ls, download,
 * ls, …) after two discarded rounds. A first `download` fills the archive (and the folder) and is
 * not measured; the folder is then removed, so every skip comes from the archive alone.
 *
 * Job (argv[2]): { server: { apiBaseUrl, oauthBaseUrl, refreshToken, prolificUserId }, works, rounds }.
 * Prints { works, lsMs: number[], skipMs: number[], seedMs, skipLines, filesWritten }: a work that
 * were not skipped would need its images (its files are gone), so `filesWritten: 0` with one
 * `skipped` line per work says that no image was requested.
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
  const { server, works, rounds } = support.job();
  const root = path.resolve(__dirname, '..', '..');
  const cache = path.join(root, 'node_modules', '.cache', 'pixiv-rx-bench');
  fs.mkdirSync(cache, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(cache, 'archive-skip-'));
  try {
    // the command as the tests run it: bundled, the library from lib/, native packages from node_modules
    const main = await bundleCli({ outdir: path.join(scratch, 'dist'), library: 'sources' });
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
    const seed = await run(main, ['download', ...user, '--dir', 'downloads'], env, home);
    fs.rmSync(path.join(home, 'downloads'), { recursive: true, force: true });
    /** @type {number[]} */
    const lsMs = [];
    /** @type {number[]} */
    const skipMs = [];
    let skipLines = 0;
    for (let round = 0; round < rounds + 2; round++) {
      const listed = await run(main, ['ls', ...user], env, home);
      const skipped = await run(main, ['download', ...user, '--dir', 'downloads'], env, home);
      skipLines = skipped.stdout.split('\n').filter((line) => line.startsWith('skipped ')).length;
      if (round < 2) continue;
      lsMs.push(listed.ms);
      skipMs.push(skipped.ms);
    }
    const downloads = path.join(home, 'downloads');
    const filesWritten = fs.existsSync(downloads) ? fs.readdirSync(downloads, { recursive: true }).length : 0;
    support.report({ works, lsMs, skipMs, seedMs: seed.ms, skipLines, filesWritten, cpus: os.availableParallelism() });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
