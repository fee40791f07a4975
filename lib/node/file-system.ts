import * as fs from 'node:fs';
import { DownloadError } from '../errors';

/** Where a file operation belongs: the image it is for and the final path. */
export interface FileContext {
  readonly url: string;
  readonly path: string;
}

/**
 * A failed file operation as a {@link DownloadError} (not retried). The Node error itself is not
 * kept (the family holds PixivErrors only); its code is in the message, e.g.
 * `Cannot create the file (ENAMETOOLONG)`.
 */
export function fileSystemError(error: unknown, action: string, context: FileContext): DownloadError {
  const code = (error as { code?: unknown } | null)?.code;
  const why = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  return new DownloadError(`Cannot ${action} (${why})`, context);
}

/** Runs a file operation, turning its failure into a {@link DownloadError}. */
export async function fileStep<T>(action: string, context: FileContext, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw fileSystemError(error, action, context);
  }
}

/** The size of the regular file at `path`, or `undefined` when there is none. */
export async function sizeOfFile(path: string, context: FileContext): Promise<number | undefined> {
  let stats: fs.Stats;
  try {
    stats = await fs.promises.stat(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw fileSystemError(error, 'look for an existing file', context);
  }
  if (!stats.isFile()) throw new DownloadError(`${path} exists and is not a file`, context);
  return stats.size;
}

/** Removes `path` if it exists. */
export async function removeFile(path: string, context: FileContext): Promise<void> {
  await fileStep('remove an unusable partial file', context, () => fs.promises.rm(path, { force: true }));
}

/** Writes a small file whole: to `<path>.part` first, renamed into place when written. */
export async function writeFileAtomically(path: string, data: string, context: FileContext): Promise<number> {
  const part = `${path}.part`;
  const bytes = Buffer.from(data, 'utf8');
  await fileStep('write the file', context, () => fs.promises.writeFile(part, bytes));
  await fileStep('rename the finished file', context, () => fs.promises.rename(part, path));
  return bytes.length;
}

/** Resolves once `stream` has closed its file descriptor (at once if it has). */
export function whenClosed(stream: fs.WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => stream.once('close', () => resolve()));
}
