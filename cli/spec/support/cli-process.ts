import { ChildProcess, spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleCli } from '../../scripts/bundle';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../../..');
/** The command's package. */
export const CLI_ROOT = path.join(ROOT, 'cli');

/** How to start the command: the entry of a bundle. */
export interface CliEntry {
  readonly main: string;
}

/**
 * Bundles the command as `npm run build` does, but with pixiv-rx from the sources in lib/, into a
 * fresh folder under node_modules/.cache (so that the packages it leaves unbundled resolve from
 * the repository), with pixiv-rx-cli's package.json beside it for `--version`. Resolves with the
 * entry and the folder, which the caller removes.
 */
export async function bundleForTests(): Promise<CliEntry & { readonly directory: string }> {
  const cache = path.join(ROOT, 'node_modules', '.cache', 'pixiv-rx-cli');
  fs.mkdirSync(cache, { recursive: true });
  const directory = fs.mkdtempSync(path.join(cache, 'bundle-'));
  const main = await bundleCli({ outdir: path.join(directory, 'dist'), library: 'sources' });
  const { name, version } = JSON.parse(fs.readFileSync(path.join(CLI_ROOT, 'package.json'), 'utf8')) as Record<string, string>;
  fs.writeFileSync(path.join(directory, 'package.json'), JSON.stringify({ name, version, private: true }));
  return { main, directory };
}

/** How a run of the command ended. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running `pixiv-rx`, with what it has printed so far. */
export interface CliChild {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  readonly exited: Promise<CliRun>;
}

export interface CliOptions {
  readonly entry: CliEntry;
  /** Variables added to the clean environment. */
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Written to stdin, which is then closed. */
  readonly input?: string;
}

/**
 * The environment of a test run: the parent's minus anything that would reach a real account, a
 * real config folder or a browser, plus what ts-node needs to run a script as CommonJS.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(PIXIV_|XDG_|TS_NODE_)/.test(key) || key === 'DISPLAY' || key === 'WAYLAND_DISPLAY') delete env[key];
  }
  return {
    ...env,
    TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'),
    TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: 'commonjs' }),
    ...extra,
  };
}

/** Starts `node <bundle>/main.mjs ...args`. */
export function startCli(args: readonly string[], options: CliOptions): CliChild {
  const child = spawn(process.execPath, [options.entry.main, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cleanEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  if (options.input !== undefined) child.stdin.end(options.input);
  const exited = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Runs the command to its end. */
export function runCli(args: readonly string[], options: CliOptions): Promise<CliRun> {
  return startCli(args, { input: '', ...options }).exited;
}

/** Resolves once `condition()` holds, checking every 25 ms; rejects after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Every file under `directory`, as absolute paths. */
export function listFiles(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The lines of a stream's output, without the empty last one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}
