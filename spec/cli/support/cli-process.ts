import { ChildProcess, spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../../..');
const SOURCE_MAIN = path.join(ROOT, 'lib', 'cli', 'main.ts');
const TS_NODE = require.resolve('ts-node/register/transpile-only');

/** How to start the command: from the sources through ts-node, or from a compiled copy. */
export type CliEntry = { readonly kind: 'ts-node' } | { readonly kind: 'compiled'; readonly main: string };

export const TS_NODE_ENTRY: CliEntry = { kind: 'ts-node' };

/**
 * Transpiles lib/ to CommonJS under `outDir` (as `npm run build` does for dist/cjs, without the
 * type check) and copies package.json's name and version beside it, so a run starts in a fraction
 * of ts-node's time (which transpiles lib/ again in every process). Modules resolve from the
 * repository's node_modules through NODE_PATH.
 */
export function compileCli(outDir: string): CliEntry {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  const compilerOptions: ts.CompilerOptions = {
    ...config!.options,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    noEmit: false,
    declaration: false,
    sourceMap: false,
  };
  const lib = path.join(ROOT, 'lib');
  for (const entry of fs.readdirSync(lib, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
    const source = path.join(entry.parentPath, entry.name);
    const { outputText } = ts.transpileModule(fs.readFileSync(source, 'utf8'), { compilerOptions, fileName: source });
    const target = path.join(outDir, 'lib', path.relative(lib, source)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, string>;
  fs.writeFileSync(path.join(outDir, 'package.json'), JSON.stringify({ name, version, private: true }));
  return { kind: 'compiled', main: path.join(outDir, 'lib', 'cli', 'main.js') };
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
  /** @default TS_NODE_ENTRY */
  readonly entry?: CliEntry;
  /** Variables added to the clean environment. */
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Written to stdin, which is then closed. */
  readonly input?: string;
}

/**
 * The environment of a test run: the parent's minus anything that would reach a real account, a
 * real config folder or a browser, plus what ts-node needs to run lib/cli/main.ts as CommonJS.
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

/**
 * Starts `node -r ts-node/register/transpile-only lib/cli/main.ts ...args`, or
 * `node <compiled>/lib/cli/main.js ...args`.
 */
export function startCli(args: readonly string[], options: CliOptions = {}): CliChild {
  const entry = options.entry ?? TS_NODE_ENTRY;
  const node = entry.kind === 'ts-node' ? ['-r', TS_NODE, SOURCE_MAIN] : [entry.main];
  const child = spawn(process.execPath, [...node, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cleanEnv({ NODE_PATH: path.join(ROOT, 'node_modules'), ...options.env }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  if (options.input !== undefined) child.stdin!.end(options.input);
  const exited = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Runs the command to its end. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
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
