import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  Observable,
  type OperatorFunction,
  concat,
  concatMap,
  defer,
  filter,
  first,
  from,
  map,
  mergeMap,
  of,
  timer,
  toArray,
} from 'rxjs';
import { ContentType, type Illustration, Restriction, Size } from 'pixiv-rx';
import {
  type DownloadClient,
  type DownloadOptions,
  type DownloadProgress,
  type DownloadResult,
  type UgoiraMode,
  downloadFile,
  downloadIllustration,
  downloadIllustrations,
} from 'pixiv-rx/node';
import { writeWorkMetadata } from '../metadata/work-metadata';
import type { FileTemplate } from '../template/file-template';
import { type ArchivedFile, type DownloadArchive, sizeChoiceOf } from './archive';

/** What the command adds to the library's download options. */
export interface SyncOptions {
  /**
   * Skip works it holds (without an image request), record every work once its files are
   * complete, and share the work with other runs on the same archive.
   * @default no archive
   */
  readonly archive?: DownloadArchive;
  /** Where each file goes, relative to `directory`. @default the library's layout (`<id>.<ext>`, `<id>/<id>_p<n>.<ext>`) */
  readonly template?: FileTemplate;
  /** Write `<name>.json` beside each work's file or folder. @default false */
  readonly writeMetadata?: boolean;
  /** How often to look again at a work that another run is downloading. @default 250 */
  readonly pollMs?: number;
}

/** The download options `syncDownloads` takes. */
export type SyncDownloadOptions = DownloadOptions & SyncOptions & { readonly directory: string };

/**
 * Downloads a listing's works as `downloadIllustrations` does, in sync with the archive:
 * - a work the archive holds in this size choice is emitted at once as skipped (`paths: []`),
 *   without a request, wherever its files went since (unless `overwrite`);
 * - a work another live run is downloading is put off to the end, then skipped once that run has
 *   recorded it (or downloaded here if that run died or failed);
 * - once all of a work's files are complete on disk, its metadata sidecar is written (with
 *   `writeMetadata`) and then its files (path, bytes, SHA-256) are recorded in one transaction.
 *
 * Works arrive from the listing through synchronous steps only, so the library's demand still
 * keeps the listing from paging ahead of the downloads (except with a template, whose works go
 * through one work at a time per transfer slot).
 */
export function syncDownloads(client: DownloadClient, options: SyncDownloadOptions): OperatorFunction<Illustration, DownloadResult> {
  const { archive, template, writeMetadata = false, pollMs = 250, ...download } = options;
  const size = download.size ?? Size.ORIGINAL;
  const ugoira: UgoiraMode = download.ugoira ?? 'frame';
  const overwrite = download.overwrite ?? false;
  const directory = path.resolve(download.directory);
  const choiceOf = (work: Illustration): string => sizeChoiceOf(work, size, ugoira);
  const skippedResult = (work: Illustration): DownloadResult => ({ illustration: work, paths: [], bytes: 0, skipped: true });

  const templateOptions: TemplateDownloadOptions = { ...download, directory, size, ugoira };
  const downloadAll: OperatorFunction<Illustration, DownloadResult> = template
    ? mergeMap((work) => templateDownload$(client, work, template, templateOptions), download.concurrency ?? 4)
    : downloadIllustrations(client, download);

  const finish = async (result: DownloadResult): Promise<DownloadResult> => {
    const work = result.illustration;
    if (result.paths.length === 0) {
      archive?.release(work, choiceOf(work));
      return result;
    }
    if (writeMetadata) await writeWorkMetadata(sidecarPath(work, result, directory, template), work);
    if (archive) {
      const files: ArchivedFile[] = [];
      for (const [page, file] of result.paths.entries()) files.push({ page, path: file, ...(await hashFile(file)) });
      archive.record(work, choiceOf(work), files);
    }
    return result;
  };

  return (works) =>
    new Observable<DownloadResult>((subscriber) => {
      const putOff: Illustration[] = [];
      // synchronous, so that the listing still sees the downloads' demand
      const admit = (work: Illustration): boolean => {
        if (!archive) return true;
        const outcome = archive.claim(work, choiceOf(work), { overwrite });
        if (outcome === 'claimed') return true;
        if (outcome === 'archived') subscriber.next(skippedResult(work));
        else putOff.push(work);
        return false;
      };
      const later = defer(() => from(putOff.splice(0))).pipe(
        concatMap((work) =>
          timer(pollMs, pollMs).pipe(
            map(() => archive!.claim(work, choiceOf(work), { overwrite })),
            first((outcome) => outcome !== 'busy'),
            filter((outcome) => {
              if (outcome === 'archived') subscriber.next(skippedResult(work));
              return outcome === 'claimed';
            }),
            map(() => work),
          ),
        ),
      );
      return concat(works.pipe(filter(admit)), later)
        .pipe(
          downloadAll,
          concatMap((result) => from(finish(result))),
        )
        .subscribe(subscriber);
    });
}

/** The size and SHA-256 of a file, read as a stream. */
async function hashFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(fs.createReadStream(file), async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      hash.update(chunk);
    }
  });
  return { bytes, sha256: hash.digest('hex') };
}

/** `<dir>/<name>.json` beside the work's file or folder. */
function sidecarPath(work: Illustration, result: DownloadResult, directory: string, template: FileTemplate | undefined): string {
  if (!template) return path.join(directory, `${work.id}.json`);
  return path.join(directory, ...template.sidecar(work, extensionOf(result.paths[0])));
}

function extensionOf(fileOrUrl: string): string {
  const name = /^https?:/i.test(fileOrUrl) ? new URL(fileOrUrl).pathname : fileOrUrl;
  return path.posix.extname(name.replace(/\\/g, '/')).slice(1);
}

/** Restricted or hidden works come with `limit_*` stand-ins for every image: nothing to download. */
function isPlaceholder(work: Illustration): boolean {
  return !work.visible || work.restriction === Restriction.HIDDEN;
}

type TemplateDownloadOptions = Omit<DownloadOptions, 'size' | 'ugoira'> & {
  readonly directory: string;
  readonly size: Size;
  readonly ugoira: UgoiraMode;
};

/**
 * One work at the template's paths. A work of one file (a single page, or a ugoira saved as one
 * animation or zip) goes through the library's `downloadIllustration` with the template's folder
 * and name; the pages of a multi-page work through `downloadFile`, one after the other, so the
 * work holds one transfer slot.
 */
function templateDownload$(
  client: DownloadClient,
  work: Illustration,
  template: FileTemplate,
  options: TemplateDownloadOptions,
): Observable<DownloadResult> {
  return defer(() => {
    if (isPlaceholder(work)) return of<DownloadResult>({ illustration: work, paths: [], bytes: 0, skipped: true });
    const { directory, size, ugoira, overwrite = false, onProgress } = options;
    const pages = work.metaPages;
    const multiPage = pages.length > 1 || (work.pageCount > 1 && pages.length > 0);
    const animation = work.type === ContentType.UGOIRA && ugoira !== 'frame';
    const inside = (segments: readonly string[]): string => {
      const file = path.resolve(directory, ...segments);
      // the template's segments are safe names: this holds by construction, and is checked anyway
      if (!file.startsWith(`${directory}${path.sep}`)) throw new TypeError(`The template would leave ${directory}: ${file}`);
      return file;
    };
    if (animation || !multiPage) {
      const url = work.imageUrls[size] ?? pages[0]?.[size] ?? '';
      const ext = animation ? ugoira : extensionOf(url) || 'jpg';
      const file = inside(template.render(work, { page: 0, ext }));
      const name = path.basename(file);
      return downloadIllustration(client, work, {
        ...options,
        concurrency: 1,
        directory: path.dirname(file),
        filename: name.slice(0, name.length - ext.length - 1),
      });
    }
    const files = pages.map((page, index) => {
      const url = page[size];
      return { url, path: inside(template.render(work, { page: index, ext: extensionOf(url) || 'jpg' })) };
    });
    return from(files).pipe(
      concatMap((file) =>
        downloadFile(client, file.url, file.path, {
          referer: options.referer,
          overwrite,
          onProgress: onProgress && ((progress) => onProgress({ illustration: work, ...progress } satisfies DownloadProgress)),
        }),
      ),
      toArray(),
      map((done) => ({
        illustration: work,
        paths: done.map((file) => file.path),
        bytes: done.reduce((sum, file) => sum + file.bytes, 0),
        skipped: done.every((file) => file.skipped),
      })),
    );
  });
}
