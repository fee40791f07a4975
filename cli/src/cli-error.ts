import { ExitCode } from './exit-codes';

/** A failure the command explains in one line and ends with `exitCode`. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

/** A bad command line (exit code 2). */
export function usageError(message: string): CliError {
  return new CliError(message, ExitCode.USAGE);
}

export const HOW_TO_LOG_IN = 'run `pixiv-rx login` (or set PIXIV_REFRESH_TOKEN)';
