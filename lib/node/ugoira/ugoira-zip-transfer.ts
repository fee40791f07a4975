import { Observable, catchError, map, take, throwError } from 'rxjs';
import { DownloadError, PixivApiError, PixivError } from '../../errors';
import { Illustration, Size, UgoiraMetadata } from '../../models';
import type { DownloadClient, ResolvedDownloadOptions } from '../download-options';
import { TransferredFile, fileTransfer$ } from '../file-transfer';
import type { TransferLimiter } from '../transfer-limiter';

// The API names only the 600x600 zip (`zip_urls.medium`, 2014–2025); the 1920x1080 one sits at
// the same path with another suffix, and older works may lack it.
const MEDIUM_ZIP = /_ugoira600x600\.zip(?=$|[?#])/;
const LARGE_ZIP = '_ugoira1920x1080.zip';

/** The zip of a ugoira's frames on disk, and the URL it came from. */
export type UgoiraZipFile = TransferredFile & { readonly url: string };

/**
 * The ugoira's metadata (`client.ugoiraMetadata$`), its failure as a {@link DownloadError} for
 * `path` (the file the work was going to).
 */
export function ugoiraMetadataOf$(
  client: DownloadClient,
  illustration: Illustration,
  path: string,
): Observable<UgoiraMetadata> {
  return client.ugoiraMetadata$(illustration.id).pipe(
    take(1),
    catchError((error: unknown) => throwError(() => metadataError(error, illustration, path))),
  );
}

/**
 * Downloads a ugoira's frames zip to `zipPath`: the 1920x1080 frames when `size` is ORIGINAL,
 * falling back to the 600x600 ones on 404; the 600x600 ones otherwise. Progress is reported for
 * `progressPath`, the file the user asked for.
 */
export function ugoiraZipTransfer$(
  client: DownloadClient,
  illustration: Illustration,
  metadata: UgoiraMetadata,
  zipPath: string,
  progressPath: string,
  options: ResolvedDownloadOptions,
  limiter: TransferLimiter,
): Observable<UgoiraZipFile> {
  const medium = metadata.zipUrls.medium ?? Object.values(metadata.zipUrls)[0];
  if (!medium) {
    return throwError(
      () => new DownloadError(`The ugoira metadata of ${illustration.id} names no zip`, { url: '', path: progressPath }),
    );
  }
  const transfer = (url: string): Observable<UgoiraZipFile> =>
    fileTransfer$({
      url,
      path: zipPath,
      http: client.http,
      referer: options.referer,
      overwrite: options.overwrite,
      limiter,
      onProgress: (received, total) => options.onProgress({ illustration, path: progressPath, received, total }),
    }).pipe(map((file) => ({ ...file, url })));
  const large = medium.replace(MEDIUM_ZIP, LARGE_ZIP);
  if (options.size !== Size.ORIGINAL || large === medium) return transfer(medium);
  return transfer(large).pipe(
    catchError((error: unknown) => (isNotFound(error) ? transfer(medium) : throwError(() => error))),
  );
}

function isNotFound(error: unknown): boolean {
  return error instanceof DownloadError && error.cause instanceof PixivApiError && error.cause.status === 404;
}

function metadataError(error: unknown, illustration: Illustration, path: string): unknown {
  if (!(error instanceof PixivError) || error instanceof DownloadError) return error;
  return new DownloadError(`Cannot read the ugoira metadata of illustration ${illustration.id}`, {
    url: error.request?.url ?? '',
    path,
    cause: error,
  });
}
