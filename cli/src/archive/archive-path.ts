import * as os from 'node:os';
import * as path from 'node:path';

/** The archive's file name in its folder. */
export const ARCHIVE_FILE_NAME = 'archive.sqlite';

/**
 * Where the archive is by default: `$XDG_DATA_HOME/pixiv-rx/archive.sqlite`, or
 * `~/.local/share/pixiv-rx/archive.sqlite` when `XDG_DATA_HOME` is unset, empty or relative (the
 * XDG spec says to ignore a relative one).
 */
export function defaultArchivePath(env: NodeJS.ProcessEnv, homedir: () => string = os.homedir): string {
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(env.HOME || homedir(), '.local', 'share');
  return path.join(base, 'pixiv-rx', ARCHIVE_FILE_NAME);
}
