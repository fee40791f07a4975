import * as path from 'node:path';
import { Observable, defer, forkJoin, map, of } from 'rxjs';
import { DownloadError } from '../errors';
import { ContentType, Illustration } from '../models';
import {
  DownloadClient,
  DownloadOptions,
  DownloadResult,
  ResolvedDownloadOptions,
  nameOf,
  resolveDownloadOptions,
} from './download-options';
import { fileTransfer$ } from './file-transfer';
import { extensionOfUrl, fileNameOfUrl, safeJoin } from './safe-path';
import { TransferLimiter } from './transfer-limiter';
import { ugoiraAnimationDownload$ } from './ugoira/ugoira-animation-download';
import { ugoiraZipDownload$ } from './ugoira/ugoira-zip-download';

/**
 * Downloads one work (the original `Illustration.download`): a single-page work to
 * `<directory>/<filename><ext>`, a multi-page work to `<directory>/<filename>/`, one file per page
 * named as its URL names it (`123_p0.png`), at most `concurrency` pages at once. A ugoira is its
 * first frame, or with `ugoira: 'zip'` the zip of its frames and a `.ugoira.json` of their delays,
 * or with `'gif'`, `'webm'`, `'mp4'` one animation `<filename>.<format>` with the real delays.
 * A restricted placeholder (`visible: false`) is not downloaded: `{ paths: [], skipped: true }`.
 *
 * Emits one {@link DownloadResult}, `paths` in page order. Bad options or names are a `TypeError`
 * before any request; a page that fails for good is a `DownloadError` (the other pages are then
 * aborted). Unsubscribing aborts every transfer and leaves no incomplete final file.
 */
export function downloadIllustration(
  client: DownloadClient,
  illustration: Illustration,
  options: DownloadOptions,
): Observable<DownloadResult> {
  return defer(() => {
    const resolved = resolveDownloadOptions(options);
    return illustrationDownload$(client, illustration, resolved, new TransferLimiter(resolved.concurrency));
  });
}

/** One work, its transfers bounded by a limiter shared with the caller's other works. */
export function illustrationDownload$(
  client: DownloadClient,
  illustration: Illustration,
  options: ResolvedDownloadOptions,
  limiter: TransferLimiter,
): Observable<DownloadResult> {
  return defer(() => {
    const name = nameOf(illustration, options.filename);
    if (isPlaceholder(illustration)) return of({ illustration, paths: [], bytes: 0, skipped: true });
    if (illustration.type === ContentType.UGOIRA && options.ugoira !== 'frame') {
      return options.ugoira === 'zip'
        ? ugoiraZipDownload$(client, illustration, name, options, limiter)
        : ugoiraAnimationDownload$(client, illustration, name, options.ugoira, options, limiter);
    }
    const files = plan(illustration, name, options);
    return forkJoin(
      files.map(({ url, path: filePath }) =>
        fileTransfer$({
          url,
          path: filePath,
          http: client.http,
          referer: options.referer,
          overwrite: options.overwrite,
          limiter,
          onProgress: (received, total) => options.onProgress({ illustration, path: filePath, received, total }),
        }),
      ),
    ).pipe(
      map((done) => ({
        illustration,
        paths: done.map((file) => file.path),
        bytes: done.reduce((sum, file) => sum + file.bytes, 0),
        skipped: done.every((file) => file.skipped),
      })),
    );
  });
}

interface PlannedFile {
  readonly url: string;
  readonly path: string;
}

/** Which URL goes to which path. @throws TypeError for an unsafe name, DownloadError for a missing URL */
function plan(illustration: Illustration, name: string, options: ResolvedDownloadOptions): PlannedFile[] {
  const { directory, size } = options;
  const pages = illustration.metaPages;
  const multiPage = pages.length > 1 || (illustration.pageCount > 1 && pages.length > 0);
  if (!multiPage) {
    const url = illustration.imageUrls[size] ?? pages[0]?.[size];
    if (!url) {
      throw new DownloadError(`Illustration ${illustration.id} has no ${size} image`, {
        url: '',
        path: path.join(directory, name),
      });
    }
    return [{ url, path: safeJoin(directory, `${name}${extensionOfUrl(url)}`, `filename of illustration ${illustration.id}`) }];
  }
  const folder = safeJoin(directory, name, `filename of illustration ${illustration.id}`);
  return pages.map((page, index) => {
    const url = page[size];
    if (!url) {
      throw new DownloadError(`Page ${index} of illustration ${illustration.id} has no ${size} image`, {
        url: '',
        path: folder,
      });
    }
    return { url, path: path.join(folder, fileNameOfUrl(url)) };
  });
}

/** Restricted or hidden works come with `limit_*_360.png` stand-ins for every image. */
function isPlaceholder(illustration: Illustration): boolean {
  if (illustration.visible === false) return true;
  const url = illustration.imageUrls.original ?? illustration.metaPages[0]?.original ?? '';
  return /\/common\/images\/limit_[^/]*$/.test(url);
}
