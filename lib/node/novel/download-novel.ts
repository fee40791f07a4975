import * as fs from 'node:fs';
import * as path from 'node:path';
import { Observable, catchError, defer, forkJoin, from, map, mergeMap, of, take, throwError } from 'rxjs';
import { DownloadError, PixivApiError, PixivError } from '../../errors';
import type { Illustration, Novel, NovelText } from '../../models';
import { NovelImageNode, renderNovel } from '../../render/render-novel';
import { FileContext, fileStep, sizeOfFile, writeFileAtomically } from '../file-system';
import { TransferredFile, fileTransfer$ } from '../file-transfer';
import { extensionOfUrl, fileNameOfUrl, safeJoin } from '../safe-path';
import { TransferLimiter } from '../transfer-limiter';
import {
  DownloadNovelOptions,
  NovelDownloadClient,
  NovelDownloadResult,
  ResolvedNovelOptions,
  resolveNovelOptions,
} from './download-novel-options';

/**
 * Downloads a novel: its text, markup rendered, to `<directory>/<name>.txt` or `<name>.md`, and
 * (with `images`, the default) every uploaded image and the original of every `[pixivimage]` to
 * `<directory>/<name>/`, which the text references relatively (`<name>/123_p0.png`):
 *
 * ```ts
 * client.novel$(12345).pipe(mergeMap((novel) => downloadNovel(client, novel, { directory, format: 'md' })));
 * ```
 *
 * `[pixivimage:ID-N]` is page N of the illustration counted from 1 (`-0` and no `-N` are its first
 * page). An illustration that is gone (404) or restricted is not downloaded: the text links to it
 * on pixiv.net. The images are downloaded first and the text is written last, atomically (to
 * `.part`, then renamed), so a text file on disk means a complete novel; when it exists and
 * `overwrite` is off, nothing is requested. Bad options or names are a `TypeError` before any
 * request; a failure is a `DownloadError`. Unsubscribing aborts every transfer and leaves no text
 * file.
 */
export function downloadNovel(
  client: NovelDownloadClient,
  novel: Novel,
  options: DownloadNovelOptions,
): Observable<NovelDownloadResult> {
  return defer(() => {
    const resolved = resolveNovelOptions(options);
    const name = typeof resolved.filename === 'function' ? resolved.filename(novel) : resolved.filename;
    const what = `filename of novel ${novel.id}`;
    const textPath = safeJoin(resolved.directory, `${name}.${resolved.format}`, what);
    const folder = safeJoin(resolved.directory, name, what);
    const context: FileContext = { url: '', path: textPath };

    const existing = defer(async () => (resolved.overwrite ? undefined : sizeOfFile(textPath, context)));
    return existing.pipe(
      mergeMap((bytes) =>
        bytes !== undefined
          ? of({ novel, paths: [textPath], bytes, skipped: true })
          : client.novelText$(novel.id).pipe(
              take(1),
              catchError((error: unknown) => throwError(() => asDownloadError(error, `Cannot read the text of novel ${novel.id}`, textPath))),
              mergeMap((text) => writeNovel(client, novel, text, { name, textPath, folder }, resolved)),
            ),
      ),
    );
  });
}

interface NovelPaths {
  readonly name: string;
  readonly textPath: string;
  readonly folder: string;
}

/** An image of the text and the file it goes to (relative to the folder). */
interface PlannedImage {
  readonly key: string;
  readonly file: string;
  readonly url: string;
}

function writeNovel(
  client: NovelDownloadClient,
  novel: Novel,
  text: NovelText,
  paths: NovelPaths,
  options: ResolvedNovelOptions,
): Observable<NovelDownloadResult> {
  const images$ = options.images ? planImages(client, text, paths.textPath) : of<PlannedImage[]>([]);
  return images$.pipe(
    mergeMap((planned) => {
      const limiter = new TransferLimiter(options.concurrency);
      const transfers = planned.map((image) =>
        fileTransfer$({
          url: image.url,
          path: path.join(paths.folder, image.file),
          http: client.http,
          referer: options.referer,
          overwrite: options.overwrite,
          limiter,
        }),
      );
      return (transfers.length === 0 ? of<TransferredFile[]>([]) : forkJoin(transfers)).pipe(
        mergeMap((files) => {
          const written = new Map(planned.map((image) => [image.key, `${paths.name}/${image.file}`]));
          const rendered = renderNovel(text, {
            format: options.format,
            imagePath: (node) => written.get(keyOf(node)),
          });
          const context: FileContext = { url: '', path: paths.textPath };
          return from(
            fileStep('create the folder', context, () => fs.promises.mkdir(options.directory, { recursive: true })).then(() =>
              writeFileAtomically(paths.textPath, rendered, context),
            ),
          ).pipe(
            map((textBytes) => ({
              novel,
              paths: [paths.textPath, ...files.map((file) => file.path)],
              bytes: textBytes + files.reduce((sum, file) => sum + file.bytes, 0),
              skipped: false,
            })),
          );
        }),
      );
    }),
  );
}

/** The key an image node is known by: `u<ID>` for an uploaded image, `p<ID>-<page>` for an illustration's page. */
function keyOf(node: NovelImageNode): string {
  return node.type === 'uploadedImage' ? `u${node.imageId}` : `p${node.illustrationId}-${pageIndex(node.page)}`;
}

/** `[pixivimage:ID-N]` shows page N counted from 1; without `-N` (or with `-0`), the first page. */
function pageIndex(page: number | null): number {
  return page === null || page < 1 ? 0 : page - 1;
}

/**
 * Which images the text shows and where they come from, in the order it shows them, each once.
 * Uploaded images come with their URL; an illustration's original is the text page's own when it
 * gives one, else `illustration$`'s.
 */
function planImages(client: NovelDownloadClient, text: NovelText, textPath: string): Observable<PlannedImage[]> {
  const nodes = new Map<string, NovelImageNode>();
  for (const page of text.pages) {
    for (const node of page) {
      if (node.type === 'uploadedImage' || node.type === 'pixivImage') {
        const key = keyOf(node);
        if (!nodes.has(key)) nodes.set(key, node);
      }
    }
  }
  const resolve = (key: string, node: NovelImageNode): Observable<PlannedImage | undefined> => {
    if (node.type === 'uploadedImage') {
      const url = Object.hasOwn(text.images, node.imageId) ? text.images[node.imageId] : undefined;
      return of(url === undefined ? undefined : { key, url, file: `uploaded_${node.imageId}${extensionOf(url)}` });
    }
    const index = pageIndex(node.page);
    const given = givenOriginal(text, node.illustrationId, node.page);
    const url$ = given !== undefined ? of(given) : originalOf$(client, node.illustrationId, index, textPath);
    return url$.pipe(map((url) => (url === undefined ? undefined : { key, url, file: imageFileName(url, node.illustrationId, index) })));
  };
  const entries = [...nodes.entries()];
  if (entries.length === 0) return of([]);
  return forkJoin(entries.map(([key, node]) => resolve(key, node))).pipe(
    map((images) => {
      const seen = new Set<string>();
      return images.filter((image): image is PlannedImage => {
        if (image === undefined || seen.has(image.file)) return false;
        seen.add(image.file);
        return true;
      });
    }),
  );
}

/** The original the text page names for `[pixivimage:ID]` / `[pixivimage:ID-N]`, if it does. */
function givenOriginal(text: NovelText, illustrationId: number, page: number | null): string | undefined {
  const key = page === null ? String(illustrationId) : `${illustrationId}-${page}`;
  return Object.hasOwn(text.illustrations, key) ? text.illustrations[key] : undefined;
}

/** The original of one page of an illustration, `undefined` when it is gone or restricted. */
function originalOf$(
  client: NovelDownloadClient,
  illustrationId: number,
  index: number,
  textPath: string,
): Observable<string | undefined> {
  return client.illustration$(illustrationId).pipe(
    take(1),
    map((illustration) => pageOriginal(illustration, index)),
    catchError((error: unknown) =>
      error instanceof PixivApiError && error.status === 404
        ? of(undefined)
        : throwError(() => asDownloadError(error, `Cannot read illustration ${illustrationId} shown in the novel`, textPath)),
    ),
  );
}

function pageOriginal(illustration: Illustration, index: number): string | undefined {
  if (illustration.visible === false) return undefined;
  const url =
    illustration.metaPages[index]?.original ?? (index === 0 ? (illustration.imageUrls.original ?? undefined) : undefined);
  if (!url || /\/common\/images\/limit_[^/]*$/.test(url)) return undefined;
  return url;
}

/** The URL's own file name (`123_p0.png`), or `<id>_p<index><ext>` when it names none usable. */
function imageFileName(url: string, illustrationId: number, index: number): string {
  try {
    return fileNameOfUrl(url);
  } catch {
    return `${illustrationId}_p${index}${extensionOf(url)}`;
  }
}

function extensionOf(url: string): string {
  try {
    const extension = extensionOfUrl(url);
    return /^\.[A-Za-z0-9]{1,5}$/.test(extension) ? extension : '';
  } catch {
    return '';
  }
}

function asDownloadError(error: unknown, message: string, textPath: string): unknown {
  if (!(error instanceof PixivError) || error instanceof DownloadError) return error;
  return new DownloadError(message, { url: error.request?.url ?? '', path: textPath, cause: error });
}
