// The `pixiv-rx` command in its process: wires the small modules next to this file to the
// arguments, the terminal, SIGINT and the exit code.
import { ConfigStore } from './config-store';
import { ExitCode } from './exit-codes';
import { Interrupts } from './interrupts';
import { eprintln, flush, processIo } from './io';
import { runProgram } from './program';

/** Runs the command line of this process and exits with its code. */
export async function runProcess(version: string): Promise<never> {
  const io = processIo();
  const interrupts = new Interrupts(() => {
    eprintln(io, '\nInterrupted.');
    void exit(ExitCode.INTERRUPTED);
  });
  process.on('SIGINT', () => interrupts.trigger());
  // `pixiv-rx ls … | head`: once the reader is gone, stop quietly, as other tools do
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(ExitCode.OK);
      throw error;
    });
  }
  let code: ExitCode;
  try {
    code = await runProgram(process.argv, { io, store: new ConfigStore(io.env), interrupts }, version);
  } catch (error) {
    const { describeError } = await import('./describe-error');
    const report = describeError(error);
    eprintln(io, `pixiv-rx: ${report.message.replace(/\s*\n\s*/g, ' ')}`);
    if (io.env.PIXIV_RX_DEBUG && error instanceof Error && error.stack) eprintln(io, error.stack);
    code = report.exitCode;
  }
  return exit(code);
}

/** Exits once the terminal has everything written so far (pipes may be asynchronous). */
async function exit(code: ExitCode): Promise<never> {
  process.exitCode = code;
  await Promise.all([flush(process.stdout), flush(process.stderr)]);
  process.exit(code);
}

