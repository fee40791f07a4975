import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliRun, ROOT, cleanEnv, lines, listFiles } from './support/cli-process';

// `npm run demo` is `ts-node --transpile-only examples/demo.ts`; ts-node finds examples/tsconfig.json
// (CommonJS) next to the script. The examples run the same way, from a scratch folder (so the
// demo's ./downloads lands there), with no PIXIV_* variable set.
jest.setTimeout(90_000);

function runExample(script: string, cwd: string, args: string[] = []): Promise<CliRun> {
  const tsNode = require.resolve('ts-node/dist/bin.js');
  const child = spawn(process.execPath, [tsNode, '--transpile-only', path.join(ROOT, 'examples', script), ...args], {
    cwd,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('examples', () => {
  let cwd: string;

  beforeAll(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'pixiv-rx-demo-'));
  });

  afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('npm run demo syncs an artist and a novel twice: the second pass skips everything without an image request', async () => {
    // the demo never calls process.exit: it ends only if the fake server was closed
    const run = await runExample('demo.ts', cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/A fake Pixiv is listening on http:\/\/127\.0\.0\.1:\d+/);
    const downloads = path.join(cwd, 'downloads');
    expect(run.stdout).toContain(`$ pixiv-rx download user `);
    expect(run.stdout).toContain(`--archive ${path.join(downloads, 'archive.sqlite')}`);
    expect(run.stdout).toMatch(/\$ pixiv-rx download novel \d+ --novel-format md/);
    const done = [...run.stdout.matchAll(/Done: (\d+) works?(?:, (\d+) already there)?, (\d+) files?, [\d.]+ (?:B|KiB|MiB) in [\d.]+s/g)].map(
      (m) => ({ works: Number(m[1]), skipped: Number(m[2] ?? 0), files: Number(m[3]) }),
    );
    // per pass: the artist's works, then the novel
    expect(done).toHaveLength(4);
    const [works, novel, worksAgain, novelAgain] = done as [(typeof done)[0], (typeof done)[0], (typeof done)[0], (typeof done)[0]];
    expect(works.works).toBeGreaterThanOrEqual(90);
    expect(works.skipped).toBe(0);
    expect(works.files).toBeGreaterThan(works.works); // multi-page works included
    expect(novel).toEqual({ works: 1, skipped: 0, files: expect.any(Number) });
    expect(novel.files).toBeGreaterThan(1); // the text and its images
    expect(worksAgain).toEqual(expect.objectContaining({ works: works.works, skipped: works.works }));
    expect(novelAgain).toEqual(expect.objectContaining({ works: 1, skipped: 1 }));
    const images = [...run.stdout.matchAll(/\((\d+) image requests? reached the fake in this pass\)/g)].map((m) => Number(m[1]));
    expect(images).toHaveLength(2);
    expect(images[0]).toBeGreaterThanOrEqual(works.works);
    expect(images[1]).toBe(0);
    expect(run.stdout).toContain(`The files are in ${downloads}`);
    const written = listFiles(downloads).filter((file) => !file.startsWith(path.join(downloads, 'archive.sqlite')));
    expect(written).toHaveLength(works.files + novel.files);
    expect(written.filter((file) => file.endsWith('.part'))).toEqual([]);
    expect(written.filter((file) => file.endsWith('.md'))).toEqual([expect.stringContaining(path.join(downloads, 'novels'))]);
    // the artist's ugoira are GIF animations: real ones, several frames each
    const gifs = written.filter((file) => file.endsWith('.gif'));
    expect(gifs.length).toBeGreaterThan(0);
    for (const gif of gifs) {
      const bytes = fs.readFileSync(gif);
      expect(bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
      // one Graphic Control Extension (21 F9) per frame
      expect(bytes.toString('latin1').split('\x21\xf9\x04').length - 1).toBeGreaterThan(1);
    }
    expect(run.stdout).toContain('npm run demo -- --overwrite');
  });

  it('the quickstart runs against the embedded fake when PIXIV_REFRESH_TOKEN is unset', async () => {
    const run = await runExample('quickstart.ts', cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = lines(run.stdout);
    expect(output.slice(0, 5).every((line) => /^\d+ .+ \d+ http:\/\/127\.0\.0\.1:\d+\/img-original\//.test(line))).toBe(true);
    expect(run.stdout).toMatch(/… \d+ works/);
    expect(output.slice(-2)).toEqual([expect.stringMatching(/^30 30 \d+$/), expect.stringMatching(/^\d+ (\d+|null) \d+$/)]);
  });

  it('the download examples fetch one illustration and a whole artist against the embedded fake', async () => {
    const target = path.join(cwd, 'images');
    const run = await runExample('downloads.ts', cwd, [target]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const one = /illustration (\d+): (\d+) file\(s\), (\d+) bytes/.exec(run.stdout);
    const all = /artist (\d+): (\d+) works, (\d+) files, (\d+) bytes/.exec(run.stdout);
    expect(one).not.toBeNull();
    expect(all).not.toBeNull();
    expect(Number(one![2])).toBeGreaterThan(1); // the multi-page sample: a folder of pages
    expect(listFiles(path.join(target, one![1]))).toHaveLength(Number(one![2]));
    const artistFiles = listFiles(path.join(target, all![1]));
    expect(artistFiles).toHaveLength(Number(all![3]));
    expect(Number(all![2])).toBeGreaterThanOrEqual(90);
    expect(artistFiles.filter((file) => file.endsWith('.part'))).toEqual([]);
  });
});
