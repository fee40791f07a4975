import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';

/**
 * The absolute download folder, created when missing, after checking that files can be written
 * in it, so that a bad `--dir` fails at once with one line rather than after the first listing.
 * @throws CliError (exit code 6) when it cannot be written
 */
export function prepareDownloadDirectory(directory: string): string {
  const absolute = path.resolve(directory);
  try {
    fs.mkdirSync(absolute, { recursive: true });
    if (!fs.statSync(absolute).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    // access(W_OK) says yes to root on a read-only mount, and to anyone on some network shares:
    // try the real thing
    const probe = path.join(absolute, `.pixiv-rx-write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliError(
      `Cannot write to the download directory ${absolute} (${typeof code === 'string' ? code : 'error'})`,
      ExitCode.CANNOT_WRITE,
    );
  }
  return absolute;
}
