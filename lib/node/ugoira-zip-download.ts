import { Observable, catchError, defer, from, map, mergeMap, of, take, throwError } from 'rxjs';
import { DownloadError, PixivApiError, PixivError } from '../errors';
import { Illustration, Size, UgoiraMetadata } from '../models';
import type { DownloadClient, DownloadResult, ResolvedDownloadOptions } from './download-options';
import { FileContext, sizeOfFile, writeFileAtomically } from './file-system';
import { TransferredFile, fileTransfer$ } from './file-transfer';
import { safeJoin } from './safe-path';
import type { TransferLimiter } from './transfer-limiter';

/** What `<name>.ugoira.json` holds: enough to play the frames of the zip. */
export interface UgoiraFrameFile {
  readonly illustrationId: number;
  /** The zip the frames came from. */
  readonly zipUrl: string;
  /** In play order; `delay` in milliseconds. */
  readonly frames: readonly { readonly file: string; readonly delay: number }[];
}

// The API names only the 600x600 zip (`zip_urls.medium`, 2014–2025); the 1920x1080 one sits at
// the same path with another suffix, and older works may lack it.
const MEDIUM_ZIP = /_ugoira600x600\.zip(?=$|[?#])/;
const LARGE_ZIP = '_ugoira1920x1080.zip';

/**
 * A ugoira as `<name>.zip` (the 1920x1080 frames when `size` is ORIGINAL, falling back to the
 * 600x600 ones on 404; the 600x600 ones otherwise) and `<name>.ugoira.json` with the frame delays,
 * from `client.ugoiraMetadata$`. When both files exist and `overwrite` is off, nothing is sent.
 */
export function ugoiraZipDownload$(
  client: DownloadClient,
  illustration: Illustration,
  name: string,
  options: ResolvedDownloadOptions,
  limiter: TransferLimiter,
): Observable<DownloadResult> {
  const what = `filename of illustration ${illustration.id}`;
  const zipPath = safeJoin(options.directory, `${name}.zip`, what);
  const jsonPath = safeJoin(options.directory, `${name}.ugoira.json`, what);
  const context: FileContext = { url: '', path: zipPath };

  const existing = defer(async () => {
    if (options.overwrite) return undefined;
    const zip = await sizeOfFile(zipPath, context);
    const json = zip === undefined ? undefined : await sizeOfFile(jsonPath, { ...context, path: jsonPath });
    return zip !== undefined && json !== undefined ? zip + json : undefined;
  });

  const transfer = (url: string): Observable<TransferredFile & { readonly url: string }> =>
    fileTransfer$({
      url,
      path: zipPath,
      http: client.http,
      referer: options.referer,
      overwrite: options.overwrite,
      limiter,
      onProgress: (received, total) => options.onProgress({ illustration, path: zipPath, received, total }),
    }).pipe(map((file) => ({ ...file, url })));

  const download = (metadata: UgoiraMetadata): Observable<DownloadResult> => {
    const medium = metadata.zipUrls.medium ?? Object.values(metadata.zipUrls)[0];
    if (!medium) {
      return throwError(() => new DownloadError(`The ugoira metadata of ${illustration.id} names no zip`, context));
    }
    const large = medium.replace(MEDIUM_ZIP, LARGE_ZIP);
    const zip$ =
      options.size === Size.ORIGINAL && large !== medium
        ? transfer(large).pipe(
            catchError((error: unknown) => (isNotFound(error) ? transfer(medium) : throwError(() => error))),
          )
        : transfer(medium);
    return zip$.pipe(
      mergeMap((zip) =>
        from(writeFrames(jsonPath, frameFile(illustration, metadata, zip.url), options.overwrite)).pipe(
          map((json) => ({
            illustration,
            paths: [zip.path, jsonPath],
            bytes: zip.bytes + json.bytes,
            skipped: zip.skipped && json.skipped,
          })),
        ),
      ),
    );
  };

  return existing.pipe(
    mergeMap((bytes) =>
      bytes !== undefined
        ? of({ illustration, paths: [zipPath, jsonPath], bytes, skipped: true })
        : client.ugoiraMetadata$(illustration.id).pipe(
            take(1),
            catchError((error: unknown) => throwError(() => metadataError(error, illustration, zipPath))),
            mergeMap(download),
          ),
    ),
  );
}

function frameFile(illustration: Illustration, metadata: UgoiraMetadata, zipUrl: string): UgoiraFrameFile {
  return {
    illustrationId: illustration.id,
    zipUrl,
    frames: metadata.frames.map((frame) => ({ file: frame.file, delay: frame.delay })),
  };
}

async function writeFrames(
  jsonPath: string,
  content: UgoiraFrameFile,
  overwrite: boolean,
): Promise<{ bytes: number; skipped: boolean }> {
  const context: FileContext = { url: content.zipUrl, path: jsonPath };
  const existing = overwrite ? undefined : await sizeOfFile(jsonPath, context);
  if (existing !== undefined) return { bytes: existing, skipped: true };
  const bytes = await writeFileAtomically(jsonPath, `${JSON.stringify(content, null, 2)}\n`, context);
  return { bytes, skipped: false };
}

function isNotFound(error: unknown): boolean {
  return error instanceof DownloadError && error.cause instanceof PixivApiError && error.cause.status === 404;
}

function metadataError(error: unknown, illustration: Illustration, zipPath: string): unknown {
  if (!(error instanceof PixivError) || error instanceof DownloadError) return error;
  return new DownloadError(`Cannot read the ugoira metadata of illustration ${illustration.id}`, {
    url: error.request?.url ?? '',
    path: zipPath,
    cause: error,
  });
}
