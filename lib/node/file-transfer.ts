import * as fs from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Observable, catchError, defer, throwError } from 'rxjs';
import { DownloadError, NetworkError, PixivApiError, PixivError, RequestTarget } from '../errors';
import type { HttpContext } from '../http/context';
import { errorFromResponse, toPixivError } from '../http/map-error';
import { retryWithPolicy } from '../http/retry';
import { FileContext, fileStep, fileSystemError, removeFile, sizeOfFile, whenClosed } from './file-system';
import { ImageResponse, requestImage } from './image-request';
import { lockPath } from './path-lock';
import type { TransferLimiter } from './transfer-limiter';

/** One image to one file. */
export interface FileTransfer {
  readonly url: string;
  /** The final path; bytes go to `<path>.part` until the file is complete. */
  readonly path: string;
  readonly http: HttpContext;
  readonly referer: string;
  readonly overwrite: boolean;
  readonly limiter: TransferLimiter;
  /** Throttled: see {@link PROGRESS_INTERVAL_MS}; called once more when the file is complete. */
  readonly onProgress?: (received: number, total: number | null) => void;
}

/** A file on disk, and whether it was there already. */
export interface TransferredFile {
  readonly path: string;
  readonly bytes: number;
  readonly skipped: boolean;
}

/** Least time between two progress calls for one file. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * Buffer of the file stream. A file that fits in `WHOLE_FILE_BUFFER` is read at the socket's pace
 * while the disk catches up; a larger one (or one of unknown length) streams through
 * `STREAM_BUFFER`, so that `concurrency` big transfers hold little memory and leave little garbage
 * for the collector. 512 KiB: each time the buffer fills, the body is paused and the socket stops
 * reading, and at 256 KiB four 20 MiB transfers took about 10% more CPU (`npm run bench`,
 * downloads); at 1 MiB four 50 MiB ones held 16 MiB more than the raw floor at their peak.
 */
const WHOLE_FILE_BUFFER = 1024 * 1024;
const STREAM_BUFFER = 512 * 1024;

function writeBufferFor(remaining: number | null): number {
  return remaining !== null && remaining <= WHOLE_FILE_BUFFER ? WHOLE_FILE_BUFFER : STREAM_BUFFER;
}

/**
 * One file as a cold Observable: each subscription makes one attempt (skip, resume, stream,
 * verify, rename), failures are retried with the client's policy (each retry resumes from the
 * `.part`), and a failure that remains is a {@link DownloadError} naming the URL and the path,
 * with the last PixivError as `cause`. Unsubscribing aborts the request; the `.part` stays.
 */
export function fileTransfer$(transfer: FileTransfer): Observable<TransferredFile> {
  return defer(() => {
    let attempts = 0;
    return new Observable<TransferredFile>((subscriber) => {
      attempts++;
      const controller = new AbortController();
      let settled = false;
      attempt(transfer, controller.signal).then(
        (file) => {
          settled = true;
          subscriber.next(file);
          subscriber.complete();
        },
        (error: unknown) => {
          settled = true;
          subscriber.error(error);
        },
      );
      return () => {
        if (!settled) controller.abort();
      };
    }).pipe(
      retryWithPolicy(transfer.http.retry, { onRetry: transfer.http.onRetry }),
      catchError((error: unknown) => throwError(() => toDownloadError(error, transfer, attempts))),
    );
  });
}

async function attempt(transfer: FileTransfer, signal: AbortSignal): Promise<TransferredFile> {
  const context: FileContext = { url: transfer.url, path: transfer.path };
  // The slot is asked for first, synchronously at subscription: slots then go out in the order
  // transfers were subscribed (source order, page order), not in the order their file checks end.
  const release = await transfer.limiter.acquire(signal);
  try {
    await fileStep('create the folder', context, () => fs.promises.mkdir(path.dirname(transfer.path), { recursive: true }));
    const unlock = await lockPath(transfer.path);
    try {
      if (!transfer.overwrite) {
        const existing = await sizeOfFile(transfer.path, context);
        if (existing !== undefined) return { path: transfer.path, bytes: existing, skipped: true };
      }
      signal.throwIfAborted();
      return await download(transfer, signal, context);
    } finally {
      unlock();
    }
  } finally {
    release();
  }
}

interface ContentRange {
  readonly start: number;
  readonly total: number | undefined;
}

function parseContentRange(value: string | undefined): ContentRange | undefined {
  const match = value && /^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i.exec(value.trim());
  if (!match) return undefined;
  return { start: Number(match[1]), total: match[3] === '*' ? undefined : Number(match[3]) };
}

function parseLength(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

async function download(transfer: FileTransfer, signal: AbortSignal, context: FileContext): Promise<TransferredFile> {
  const { http, url, referer, path: finalPath } = transfer;
  const partPath = `${finalPath}.part`;
  const target: RequestTarget = { method: 'GET', url };

  let offset = (await sizeOfFile(partPath, context)) ?? 0;
  let response = await requestImage(http, { url, referer, offset, signal });
  let range = response.status === 206 ? parseContentRange(response.header('content-range')) : undefined;
  if (offset > 0 && response.status !== 200 && !(response.status === 206 && range?.start === offset)) {
    // 416: the .part is no prefix the server can continue (e.g. the image changed); a 206 from
    // elsewhere than asked is as useless. Start again from zero.
    if (response.status === 416 || response.status === 206) {
      response.body.destroy();
      await removeFile(partPath, context);
      offset = 0;
      response = await requestImage(http, { url, referer, offset, signal });
      range = undefined;
    }
  }

  const { status } = response;
  const fail = (error: PixivError): never => {
    response.body.destroy();
    throw error;
  };
  if (status >= 300) fail(errorFromResponse(status, undefined, { get: response.header }, target));
  if (status !== 200 && !(status === 206 && offset > 0)) {
    fail(new PixivApiError(`The image host answered HTTP ${status} instead of the image`, { status, request: target }));
  }
  // a 200 to a range request: the server ignored it, the bytes start from zero
  if (status === 200) offset = 0;
  const encoding = response.header('content-encoding');
  if (encoding && encoding.trim().toLowerCase() !== 'identity') {
    fail(new DownloadError(`The server sent the image with Content-Encoding ${encoding}, though asked for none`, context));
  }
  if (/^\s*text\/html\b/i.test(response.header('content-type') ?? '')) {
    fail(new DownloadError('The server answered an HTML page instead of the image', context));
  }
  const length = parseLength(response.header('content-length'));
  if (status === 200 && length === 0) fail(new DownloadError('The server answered an empty body', context));
  const total = status === 206 ? (range?.total ?? (length === undefined ? undefined : offset + length)) : length;

  const { received, written } = await streamToPart(transfer, response, partPath, offset, total ?? null, signal, context);

  // the .part held `offset` bytes (this attempt's stat, under the path lock) and the file stream
  // counted what it wrote after them: no second stat needed
  const onDisk = offset + written;
  if (onDisk === 0) {
    await removeFile(partPath, context);
    throw new DownloadError('The server answered an empty body', context);
  }
  const expected = total ?? offset + received;
  if ((length !== undefined && received !== length) || onDisk !== offset + received || onDisk !== expected) {
    // the .part cannot be trusted as a prefix any more: the next attempt starts from zero
    await removeFile(partPath, context);
    throw new NetworkError(
      `The image has ${onDisk} bytes where the server announced ${expected} (Content-Length ${length ?? 'absent'})`,
      { kind: 'other', reachedServer: true },
    );
  }
  transfer.onProgress?.(onDisk, onDisk);
  await fileStep('rename the finished file', context, () => fs.promises.rename(partPath, finalPath));
  return { path: finalPath, bytes: onDisk, skipped: false };
}

/**
 * Pipes the body into the `.part` (appending after `offset`); resolves with the bytes received
 * from the body and the bytes the file stream wrote.
 */
async function streamToPart(
  transfer: FileTransfer,
  response: ImageResponse,
  partPath: string,
  offset: number,
  total: number | null,
  signal: AbortSignal,
  context: FileContext,
): Promise<{ received: number; written: number }> {
  const { body } = response;
  const { onProgress } = transfer;
  const timeoutMs = transfer.http.timeoutMs;
  const file = fs.createWriteStream(partPath, {
    flags: offset > 0 ? 'a' : 'w',
    highWaterMark: writeBufferFor(total === null ? null : total - offset),
  });
  // pipeline() passes the first error on to every stream: remember which side failed first
  let failedFirst: 'file' | 'body' | undefined;
  // why we stopped the body ourselves (a stall, a throw from onProgress)
  let stoppedFor: { error: unknown } | undefined;
  const stop = (error: unknown): void => {
    stoppedFor ??= { error };
    body.destroy(error as Error);
  };
  file.on('error', () => (failedFirst ??= 'file'));

  let received = 0;
  let lastProgressAt = 0;
  let lastDataAt = Date.now();
  const onData = (chunk: Buffer): void => {
    received += chunk.length;
    if (timeoutMs > 0 || onProgress) {
      const now = Date.now();
      lastDataAt = now;
      if (onProgress && now - lastProgressAt >= PROGRESS_INTERVAL_MS) {
        lastProgressAt = now;
        try {
          onProgress(offset + received, total);
        } catch (error) {
          stop(error);
        }
      }
    }
  };
  // the body may go quiet after its head arrived, which axios' timeout no longer covers
  let stallTimer: NodeJS.Timeout | undefined;
  const watchStall = (delay: number): void => {
    stallTimer = setTimeout(() => {
      const idle = Date.now() - lastDataAt;
      if (idle < timeoutMs) return watchStall(timeoutMs - idle);
      stop(
        new NetworkError(`The image stopped arriving for ${timeoutMs} ms`, {
          kind: 'timeout',
          reachedServer: true,
          request: { method: 'GET', url: transfer.url },
        }),
      );
    }, delay);
  };
  if (timeoutMs > 0) watchStall(timeoutMs);

  try {
    const piped = pipeline(body, file, { signal });
    body.on('error', () => (failedFirst ??= 'body'));
    body.on('data', onData);
    await piped;
    await whenClosed(file);
  } catch (error) {
    await whenClosed(file);
    if (stoppedFor) throw stoppedFor.error;
    if (failedFirst === 'file') throw fileSystemError(error, 'write the file', context);
    throw toPixivError(error, { method: 'GET', url: transfer.url });
  } finally {
    clearTimeout(stallTimer);
    body.off('data', onData);
  }
  return { received, written: file.bytesWritten };
}

const NETWORK_KINDS = {
  reset: 'connection reset',
  timeout: 'timed out',
  refused: 'connection refused',
  dns: 'host not found',
  other: 'network failure',
} as const;

/** Why a download failed, in a few words (the full story is in `cause`). */
function summary(error: PixivError): string {
  if (error instanceof PixivApiError) return `HTTP ${error.status}`;
  if (error instanceof NetworkError) return error.request ? NETWORK_KINDS[error.kind] : error.message;
  return error.name;
}

/**
 * Failures we understand become a DownloadError; anything else (a throw from the caller's own
 * `onProgress`) goes through untouched.
 */
function toDownloadError(error: unknown, transfer: FileTransfer, attempts: number): unknown {
  if (error instanceof DownloadError || !(error instanceof PixivError)) return error;
  const tries = attempts === 1 ? '' : ` after ${attempts} attempts`;
  return new DownloadError(`Download failed${tries} (${summary(error)})`, {
    url: transfer.url,
    path: transfer.path,
    cause: error,
  });
}
