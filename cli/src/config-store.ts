import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliError, HOW_TO_LOG_IN } from './cli-error';
import { ExitCode } from './exit-codes';

/** What `pixiv-rx login` keeps between runs. */
export interface StoredCredentials {
  readonly refreshToken: string;
  /** The account the token belongs to, as it was when stored (for `whoami` without a request). */
  readonly userId?: number;
  readonly account?: string;
  readonly name?: string;
  /** ISO 8601 time of the last write. */
  readonly savedAt?: string;
}

/** Where a refresh token came from. */
export type TokenSource = 'environment' | 'config';

export interface ResolvedToken {
  readonly refreshToken: string;
  readonly source: TokenSource;
}

/** The environment variable that wins over the stored token. */
export const REFRESH_TOKEN_ENV = 'PIXIV_REFRESH_TOKEN';

const CREDENTIALS_FILE = 'credentials.json';

/**
 * The folder of pixiv-rx's configuration: `$XDG_CONFIG_HOME/pixiv-rx`, or `~/.config/pixiv-rx`
 * when `XDG_CONFIG_HOME` is unset, empty or relative (the XDG spec says to ignore a relative one).
 */
export function configDirectory(env: NodeJS.ProcessEnv, homedir: () => string = os.homedir): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(env.HOME || homedir(), '.config');
  return path.join(base, 'pixiv-rx');
}

/**
 * The stored refresh token: a JSON file readable by its owner only (0600, in a 0700 folder),
 * replaced atomically (a temporary file renamed over it), so that a crash or a concurrent run never
 * leaves a half-written token.
 */
export class ConfigStore {
  readonly directory: string;
  readonly credentialsPath: string;

  constructor(env: NodeJS.ProcessEnv = process.env, homedir: () => string = os.homedir) {
    this.directory = configDirectory(env, homedir);
    this.credentialsPath = path.join(this.directory, CREDENTIALS_FILE);
  }

  /** The stored credentials, `undefined` when there are none. @throws CliError when unreadable */
  read(): StoredCredentials | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.credentialsPath, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw new CliError(`Cannot read ${this.credentialsPath} (${errorCode(error) ?? 'error'})`, ExitCode.GENERAL);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const token = (parsed as { refreshToken?: unknown } | undefined)?.refreshToken;
    if (typeof token !== 'string' || token === '') {
      throw new CliError(
        `${this.credentialsPath} holds no refresh token: ${HOW_TO_LOG_IN} again, or delete the file.`,
        ExitCode.AUTH,
      );
    }
    return parsed as StoredCredentials;
  }

  /** Stores `credentials` atomically, mode 0600, in a folder of mode 0700. */
  write(credentials: StoredCredentials): void {
    fs.mkdirSync(this.directory, { recursive: true, mode: 0o700 });
    // mkdir leaves an existing folder alone, and its mode is subject to the umask: make sure
    fs.chmodSync(this.directory, 0o700);
    const data = `${JSON.stringify({ ...credentials, savedAt: new Date().toISOString() }, null, 2)}\n`;
    const temporary = path.join(this.directory, `.${CREDENTIALS_FILE}.${process.pid}.${randomHex(6)}.tmp`);
    let fd: number | undefined;
    try {
      // 'wx': never follow or reuse a file someone else put there
      fd = fs.openSync(temporary, 'wx', 0o600);
      fs.fchmodSync(fd, 0o600);
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fd = undefined;
      fs.renameSync(temporary, this.credentialsPath);
    } catch (error) {
      if (fd !== undefined) fs.closeSync(fd);
      fs.rmSync(temporary, { force: true });
      throw new CliError(`Cannot write ${this.credentialsPath} (${errorCode(error) ?? 'error'})`, ExitCode.GENERAL);
    }
  }

  /** Deletes the stored credentials; `false` when there were none. */
  remove(): boolean {
    try {
      fs.unlinkSync(this.credentialsPath);
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw new CliError(`Cannot remove ${this.credentialsPath} (${errorCode(error) ?? 'error'})`, ExitCode.GENERAL);
    }
  }
}

/** The refresh token to use: `PIXIV_REFRESH_TOKEN` wins over the stored one. */
export function resolveRefreshToken(env: NodeJS.ProcessEnv, store: ConfigStore): ResolvedToken | undefined {
  const fromEnv = env[REFRESH_TOKEN_ENV]?.trim();
  if (fromEnv) return { refreshToken: fromEnv, source: 'environment' };
  const stored = store.read();
  return stored && { refreshToken: stored.refreshToken, source: 'config' };
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * `bytes` random bytes as hex, from the global Web Crypto: node:crypto would be loaded by every
 * start of the command (`--help` included) for a file name that only `login` writes.
 */
function randomHex(bytes: number): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');
}
