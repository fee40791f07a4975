/**
 * The terminal as the command sees it. pixiv-rx-cli is the only part of pixiv-rx that writes to the
 * terminal, and it does so through this, so tests can hand in their own streams.
 */
export interface OutputStream {
  write(text: string, callback?: (error?: Error | null) => void): boolean;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  /** Milliseconds, for timings. */
  now(): number;
}

/** The process's own terminal. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    platform: process.platform,
    now: () => performance.now(),
  };
}

/** Writes a line to stdout. */
export function println(io: Pick<CliIo, 'stdout'>, line = ''): void {
  io.stdout.write(`${line}\n`);
}

/** Writes a line to stderr. */
export function eprintln(io: Pick<CliIo, 'stderr'>, line = ''): void {
  io.stderr.write(`${line}\n`);
}

/** Resolves once everything written so far to `stream` has been handed to the system. */
export function flush(stream: OutputStream): Promise<void> {
  return new Promise((resolve) => {
    stream.write('', () => resolve());
  });
}
