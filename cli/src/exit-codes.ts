/** The exit status of every outcome of the command, listed in `pixiv-rx --help`. */
export const ExitCode = {
  OK: 0,
  /** Network failures, unexpected answers, failed downloads: anything not listed below. */
  GENERAL: 1,
  /** A bad command line: unknown command or option, bad target, bad value. */
  USAGE: 2,
  /** Not logged in, or the refresh token was refused (expired, revoked). */
  AUTH: 3,
  /** The illustration, user, series or novel does not exist (Pixiv answered 404). */
  NOT_FOUND: 4,
  /** Pixiv rate-limited the account and retries did not help. */
  RATE_LIMITED: 5,
  /** The download directory or a file in it cannot be written. */
  CANNOT_WRITE: 6,
  /** Stopped by Ctrl-C (SIGINT): 128 + 2, as shells report it. */
  INTERRUPTED: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit codes as the `--help` epilog shows them. */
export const EXIT_CODES_HELP = [
  'Exit codes:',
  '  0    success',
  '  1    general failure (network, unexpected answer, failed download)',
  '  2    usage error (unknown command or option, bad target or value)',
  '  3    not logged in, or the refresh token was refused (run `pixiv-rx login`)',
  '  4    not found (no such illustration, user, series or novel)',
  '  5    rate limited by Pixiv',
  '  6    cannot write the download directory',
  '  130  interrupted (Ctrl-C)',
].join('\n');
