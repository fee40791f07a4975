import { Observable, defer, from, map, mergeMap, of } from 'rxjs';
import type { Illustration, UgoiraMetadata } from '../../models';
import type { DownloadClient, DownloadResult, ResolvedDownloadOptions } from '../download-options';
import { FileContext, sizeOfFile, writeFileAtomically } from '../file-system';
import { safeJoin } from '../safe-path';
import type { TransferLimiter } from '../transfer-limiter';
import { ugoiraMetadataOf$, ugoiraZipTransfer$ } from './ugoira-zip-transfer';

/** What `<name>.ugoira.json` holds: enough to play the frames of the zip. */
export interface UgoiraFrameFile {
  readonly illustrationId: number;
  /** The zip the frames came from. */
  readonly zipUrl: string;
  /** In play order; `delay` in milliseconds. */
  readonly frames: readonly { readonly file: string; readonly delay: number }[];
}

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

  const download = (metadata: UgoiraMetadata): Observable<DownloadResult> =>
    ugoiraZipTransfer$(client, illustration, metadata, zipPath, zipPath, options, limiter).pipe(
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

  return existing.pipe(
    mergeMap((bytes) =>
      bytes !== undefined
        ? of({ illustration, paths: [zipPath, jsonPath], bytes, skipped: true })
        : ugoiraMetadataOf$(client, illustration, zipPath).pipe(mergeMap(download)),
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
