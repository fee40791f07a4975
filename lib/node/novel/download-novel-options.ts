import type { Observable } from 'rxjs';
import type { HttpContext } from '../../http/context';
import { PIXIV_REFERER } from '../../http/headers';
import type { Illustration, Novel, NovelText } from '../../models';
import type { NovelFormat } from '../../render/render-novel';
import { assertReferer } from '../download-options';
import { assertSafeName, resolveSafeDirectory } from '../safe-path';
import { definedOptions } from '../../defined-options';

/**
 * What {@link downloadNovel} needs of a client. `PixivClient` satisfies it: the text comes from
 * `novelText$`, the original of a `[pixivimage]` that the text page does not name from
 * `illustration$`, and images go the way of every download (`http`).
 */
export interface NovelDownloadClient {
  readonly http: HttpContext;
/** The novel's text and images. */
  novelText$(novelId: number): Observable<NovelText>;
/** An illustration a `[pixivimage]` embeds. */
  illustration$(illustrationId: number): Observable<Illustration>;
}

/** Names a novel's text file (and its image folder): a string, or a function of the novel. */
export type NovelFilenameOption = string | ((novel: Novel) => string);

/** Options of {@link downloadNovel}. */
export interface DownloadNovelOptions {
  /** The folder the text goes to; created when missing. May be absolute, may not contain `..`. */
  readonly directory: string;
  /**
   * `'txt'` writes `<name>.txt`, plain text; `'md'` writes `<name>.md`, Markdown (see
   * `renderNovel` for how each markup tag is written).
   * @default 'txt'
   */
  readonly format?: NovelFormat;
  /**
   * Download the images of the text, each uploaded image and the original of each
   * `[pixivimage]`, to the folder `<directory>/<name>/`, which the text then references
   * relatively. Without it the text gives their addresses on Pixiv.
   * @default true
   */
  readonly images?: boolean;
  /**
   * The name of the text file (without extension) and of its image folder. A plain file name: no
   * `/`, `\`, NUL, `.` or `..` (`TypeError`).
   * @default (novel) => String(novel.id)
   */
  readonly filename?: NovelFilenameOption;
  /**
   * Write the novel again when its text file exists. When `false`, an existing text file is
   * skipped without a request (the text is written last, so its images are there too).
   * @default false
   */
  readonly overwrite?: boolean;
  /**
   * Most image transfers running at once.
   * @default 4
   */
  readonly concurrency?: number;
  /**
   * The `Referer` of image requests; i.pximg.net answers 403 without a pixiv one.
   * @default 'https://app-api.pixiv.net/'
   */
  readonly referer?: string;
}

/** The defaults of {@link DownloadNovelOptions}, in one place. */
export const DOWNLOAD_NOVEL_DEFAULTS = {
  format: 'txt',
  images: true,
  /** The novel's id. */
  filename: (novel: Novel): string => String(novel.id),
  overwrite: false,
  concurrency: 4,
  referer: PIXIV_REFERER,
} as const satisfies Required<Omit<DownloadNovelOptions, 'directory'>>;

/** One novel written. */
export interface NovelDownloadResult {
  readonly novel: Novel;
  /** The text file first, then the images written beside it (in the order the text shows them). */
  readonly paths: string[];
  /** The size of those files on disk. */
  readonly bytes: number;
  /** `true` when the text file existed already and nothing was requested. */
  readonly skipped: boolean;
}

/** Options with the defaults filled in and every value checked. */
export interface ResolvedNovelOptions {
  readonly directory: string;
  readonly format: NovelFormat;
  readonly images: boolean;
  readonly filename: NovelFilenameOption;
  readonly overwrite: boolean;
  readonly concurrency: number;
  readonly referer: string;
}

/** Fills in the defaults and checks every option. @throws TypeError */
export function resolveNovelOptions(options: DownloadNovelOptions): ResolvedNovelOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('Novel download options must be an object with at least a directory');
  }
  const defined = definedOptions(options);
  const { format, images, filename, overwrite, concurrency, referer } = {
    ...DOWNLOAD_NOVEL_DEFAULTS,
    ...defined,
  } as Required<Omit<DownloadNovelOptions, 'directory'>>;
  if (format !== 'txt' && format !== 'md') throw new TypeError(`format must be 'txt' or 'md', got ${String(format)}`);
  if (typeof images !== 'boolean') throw new TypeError('images must be a boolean');
  if (typeof filename === 'string') assertSafeName(filename, 'filename');
  else if (typeof filename !== 'function') throw new TypeError('filename must be a string or a function');
  if (typeof overwrite !== 'boolean') throw new TypeError('overwrite must be a boolean');
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(`concurrency must be an integer ≥ 1, got ${String(concurrency)}`);
  }
  assertReferer(referer);
  const directory = resolveSafeDirectory(options.directory);
  return { directory, format, images, filename, overwrite, concurrency, referer };
}
