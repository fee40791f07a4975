import * as path from 'node:path';
import { Observable, defer } from 'rxjs';
import { PIXIV_REFERER } from '../http/headers';
import type { DownloadClient } from './download-options';
import { assertReferer } from './download-options';
import { TransferredFile, fileTransfer$ } from './file-transfer';
import { parseImageUrl } from './safe-path';
import { TransferLimiter } from './transfer-limiter';
import { definedOptions } from '../defined-options';

/** How far a file has come. */
export interface FileProgress {
  readonly path: string;
  /** Bytes on disk so far, a resumed `.part` included. */
  readonly received: number;
  /** The full size, `null` while the server has not said. */
  readonly total: number | null;
}

/** Options of {@link downloadFile}. */
export interface DownloadFileOptions {
  /**
   * The `Referer` of the request; i.pximg.net answers 403 without a pixiv one.
   * @default 'https://app-api.pixiv.net/'
   */
  readonly referer?: string;
  /**
   * Download even when `destination` exists (replacing it once the new file is complete). When
   * `false`, an existing file is not requested and the result says `skipped: true`.
   * @default false
   */
  readonly overwrite?: boolean;
  /**
   * Told how the file advances: at most about every 100 ms, and once more when it is complete.
   * @default no-op
   */
  readonly onProgress?: (progress: FileProgress) => void;
}

/** The defaults of {@link DownloadFileOptions}, in one place. */
export const DOWNLOAD_FILE_DEFAULTS = {
  referer: PIXIV_REFERER,
  overwrite: false,
  /** No progress reports. */
  onProgress: (): void => undefined,
} as const satisfies Required<DownloadFileOptions>;

/** A file on disk: its path, its size, and whether it existed already. */
export type DownloadedFile = TransferredFile;

/**
 * Downloads one image to `destination` (the original `Client.download`): streamed to
 * `<destination>.part`, renamed when complete and as long as the server said; an existing
 * `.part` is resumed. The parent folder is created. Failures are retried with the client's retry
 * policy; one that remains is a `DownloadError` naming `url` and `destination`. Unsubscribing
 * aborts the request and leaves no incomplete `destination`.
 *
 * `destination` is the caller's own choice of path and may be anywhere (only NUL is refused);
 * the `..` checks of {@link downloadIllustration} protect its names, which come from data.
 * A `url` that is not http(s) or a bad option is a `TypeError`, emitted before anything is sent.
 */
export function downloadFile(
  client: Pick<DownloadClient, 'http'>,
  url: string,
  destination: string,
  options: DownloadFileOptions = {},
): Observable<DownloadedFile> {
  return defer(() => {
    parseImageUrl(url);
    if (typeof destination !== 'string' || destination === '' || destination.includes('\0')) {
      throw new TypeError('destination must be a non-empty path without NUL characters');
    }
    const defined = definedOptions(options ?? {});
    const { referer, overwrite, onProgress } = { ...DOWNLOAD_FILE_DEFAULTS, ...defined } as Required<DownloadFileOptions>;
    assertReferer(referer);
    if (typeof overwrite !== 'boolean') throw new TypeError('overwrite must be a boolean');
    if (typeof onProgress !== 'function') throw new TypeError('onProgress must be a function');
    const target = path.resolve(destination);
    return fileTransfer$({
      url,
      path: target,
      http: client.http,
      referer,
      overwrite,
      limiter: new TransferLimiter(1),
      onProgress: (received, total) => onProgress({ path: target, received, total }),
    });
  });
}
