import {
  AuthenticationRequired,
  BadApiResponse,
  DownloadError,
  LoginError,
  NetworkError,
  PixivApiError,
  RateLimitError,
} from 'pixiv-rx';
import { CliError, HOW_TO_LOG_IN } from './cli-error';
import { ExitCode } from './exit-codes';

/** What the command prints (one line, no stack) and how it exits. */
export interface ErrorReport {
  readonly message: string;
  readonly exitCode: ExitCode;
}

// the Node error codes a file operation fails with when the place cannot be written
const CANNOT_WRITE = /\((EACCES|EPERM|EROFS|ENOSPC|EDQUOT|ENOTDIR|EEXIST|EISDIR)\)/;

/** Turns any error into one line for a person and an exit code. */
export function describeError(error: unknown): ErrorReport {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof AuthenticationRequired) {
    return { message: `Not logged in: ${HOW_TO_LOG_IN}.`, exitCode: ExitCode.AUTH };
  }
  if (error instanceof LoginError) {
    if (error.status === undefined) {
      return { message: `Could not reach Pixiv's login server: ${error.message}`, exitCode: ExitCode.GENERAL };
    }
    const why = error.serverMessage ?? error.oauthError ?? `HTTP ${error.status}`;
    return {
      message: `Pixiv refused the refresh token (${why}): it has expired or was revoked; log in again with \`pixiv-rx login\`.`,
      exitCode: ExitCode.AUTH,
    };
  }
  if (error instanceof RateLimitError) {
    const wait =
      error.retryAfterMs === undefined
        ? 'wait a while and try again'
        : `try again in ${Math.ceil(error.retryAfterMs / 1000)} s`;
    return { message: `Rate limited by Pixiv: ${wait}.`, exitCode: ExitCode.RATE_LIMITED };
  }
  if (error instanceof PixivApiError) {
    const said = error.userMessage || error.apiMessage || `HTTP ${error.status}`;
    if (error.status === 404) return { message: `Not found: ${said}`, exitCode: ExitCode.NOT_FOUND };
    return { message: `Pixiv answered HTTP ${error.status}: ${said}`, exitCode: ExitCode.GENERAL };
  }
  if (error instanceof DownloadError) {
    const exitCode = CANNOT_WRITE.test(error.message) ? ExitCode.CANNOT_WRITE : ExitCode.GENERAL;
    return { message: error.message, exitCode };
  }
  if (error instanceof NetworkError) return { message: `Network error: ${error.message}`, exitCode: ExitCode.GENERAL };
  if (error instanceof BadApiResponse) {
    return { message: `Unexpected answer from Pixiv: ${error.message}`, exitCode: ExitCode.GENERAL };
  }
  // the library raises TypeError for bad arguments (a date that is not YYYY-MM-DD, …) before sending
  if (error instanceof TypeError) return { message: error.message, exitCode: ExitCode.USAGE };
  const message = error instanceof Error ? error.message : String(error);
  return { message: `Unexpected error: ${firstLine(message)}`, exitCode: ExitCode.GENERAL };
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.trim() || 'no message';
}
