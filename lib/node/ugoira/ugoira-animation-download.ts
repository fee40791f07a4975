import * as fs from 'node:fs';
import { Observable, defer, mergeMap, of } from 'rxjs';
import { DownloadError, PixivError } from '../../errors';
import type { Illustration, UgoiraMetadata } from '../../models';
import type { DownloadClient, DownloadResult, ResolvedDownloadOptions } from '../download-options';
import { FileContext, fileStep, removeFile, sizeOfFile } from '../file-system';
import { lockPath } from '../path-lock';
import { safeJoin } from '../safe-path';
import type { TransferLimiter } from '../transfer-limiter';
import { UgoiraZipFile, ugoiraMetadataOf$, ugoiraZipTransfer$ } from './ugoira-zip-transfer';
import { writeGif } from './write-gif';
import { ZipReader } from './zip-reader';

/** The animations a ugoira can become. */
export type AnimationFormat = 'gif' | 'webm' | 'mp4';

/**
 * A ugoira as one animation, `<name>.gif` (pure JavaScript) or `<name>.webm` / `<name>.mp4`
 * (ffmpeg on `PATH`), with the frame delays of `client.ugoiraMetadata$`. The frames zip (chosen as
 * for `ugoira: 'zip'`) is downloaded beside it to `<name>.<format>.frames.zip` (resumable like any
 * download, and removed once the animation is written); the animation is encoded to
 * `<name>.<format>.part` and renamed when complete. When the animation exists and `overwrite` is
 * off, nothing is sent. Without ffmpeg, a video is a {@link DownloadError} before any request.
 */
export function ugoiraAnimationDownload$(
  client: DownloadClient,
  illustration: Illustration,
  name: string,
  format: AnimationFormat,
  options: ResolvedDownloadOptions,
  limiter: TransferLimiter,
): Observable<DownloadResult> {
  const finalPath = safeJoin(options.directory, `${name}.${format}`, `filename of illustration ${illustration.id}`);
  const zipPath = `${finalPath}.frames.zip`;
  const context: FileContext = { url: '', path: finalPath };
  const skipped = (bytes: number): DownloadResult => ({ illustration, paths: [finalPath], bytes, skipped: true });

  const existing = defer(async () => {
    const bytes = options.overwrite ? undefined : await sizeOfFile(finalPath, context);
    if (bytes === undefined && format !== 'gif') await ffmpegOrFail(format, context);
    return bytes;
  });

  const encode = (metadata: UgoiraMetadata, zip: UgoiraZipFile): Observable<DownloadResult> =>
    new Observable<DownloadResult>((subscriber) => {
      const controller = new AbortController();
      encodeAnimation(format, metadata, zip, finalPath, options.overwrite, controller.signal).then(
        (done) => {
          subscriber.next({ illustration, paths: [finalPath], bytes: done.bytes, skipped: done.skipped });
          subscriber.complete();
        },
        (error: unknown) => subscriber.error(animationError(error, illustration, format, zip.url, finalPath)),
      );
      return () => controller.abort();
    });

  return existing.pipe(
    mergeMap((bytes) =>
      bytes !== undefined
        ? of(skipped(bytes))
        : ugoiraMetadataOf$(client, illustration, finalPath).pipe(
            mergeMap((metadata) =>
              ugoiraZipTransfer$(client, illustration, metadata, zipPath, finalPath, options, limiter).pipe(
                mergeMap((zip) => encode(metadata, zip)),
              ),
            ),
          ),
    ),
  );
}

// ffmpeg's writer (node:child_process, node:os) loads with the first video, not with pixiv-rx/node
const videoWriter = (): Promise<typeof import('./write-video')> => import('./write-video');

async function ffmpegOrFail(format: AnimationFormat, context: FileContext): Promise<void> {
  const { FfmpegUnavailable, assertFfmpeg } = await videoWriter();
  try {
    await assertFfmpeg();
  } catch (error) {
    const why = error instanceof FfmpegUnavailable && error.missing ? 'ffmpeg was not found on PATH' : String(error);
    throw new DownloadError(
      `ugoira: '${format}' needs ffmpeg (${why}); install it (e.g. apt-get install ffmpeg) or use ugoira: 'gif'`,
      context,
    );
  }
}

/** Encodes under the path lock (a work listed twice is made once), then removes the zip. */
async function encodeAnimation(
  format: AnimationFormat,
  metadata: UgoiraMetadata,
  zip: UgoiraZipFile,
  finalPath: string,
  overwrite: boolean,
  signal: AbortSignal,
): Promise<{ bytes: number; skipped: boolean }> {
  const context: FileContext = { url: zip.url, path: finalPath };
  const partPath = `${finalPath}.part`;
  const unlock = await lockPath(finalPath);
  try {
    const existing = overwrite ? undefined : await sizeOfFile(finalPath, context);
    if (existing !== undefined) return { bytes: existing, skipped: true };
    const reader = await fileStep('open the frames zip', context, () => ZipReader.open(zip.path));
    try {
      if (format === 'gif') await writeGif(reader, metadata.frames, partPath, signal);
      else await (await videoWriter()).writeVideo(format, reader, metadata.frames, partPath, signal);
    } catch (error) {
      await removeFile(partPath, context);
      throw error;
    } finally {
      await reader.close();
    }
    const bytes = (await sizeOfFile(partPath, context)) ?? 0;
    await fileStep('rename the finished file', context, () => fs.promises.rename(partPath, finalPath));
    await removeFile(zip.path, context);
    return { bytes, skipped: false };
  } finally {
    unlock();
  }
}

function animationError(
  error: unknown,
  illustration: Illustration,
  format: AnimationFormat,
  url: string,
  path: string,
): unknown {
  if (error instanceof PixivError) return error;
  const why = error instanceof Error ? error.message : String(error);
  return new DownloadError(`Cannot make the ${format} of illustration ${illustration.id} (${why})`, { url, path });
}
