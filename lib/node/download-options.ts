import type { Observable } from 'rxjs';
import type { HttpContext } from '../http/context';
import { PIXIV_REFERER } from '../http/headers';
import { Illustration, Size, UgoiraMetadata, isEnumValue } from '../models';
import { assertSafeName, resolveSafeDirectory } from './safe-path';
import { definedOptions } from '../defined-options';

/**
 * What the download functions need of a client. `PixivClient` satisfies it: `http` is its axios
 * instance (so proxies, agents and interceptors apply), retry policy, timeout and `onRetry`.
 */
export interface DownloadClient {
  readonly http: HttpContext;
/** The frames and zip of a ugoira (for the `zip`, `gif`, `webm` and `mp4` modes). */
  ugoiraMetadata$(illustrationId: number): Observable<UgoiraMetadata>;
}

/** How far one file of an illustration has come. */
export interface DownloadProgress {
  readonly illustration: Illustration;
  /** The final path of the file (bytes go to `<path>.part` until it is complete). */
  readonly path: string;
  /** Bytes of the file on disk so far, a resumed `.part` included. */
  readonly received: number;
  /** The file's full size, `null` while the server has not said (no `Content-Length`). */
  readonly total: number | null;
}

/** What a ugoira becomes: see {@link DownloadOptions.ugoira}. */
export type UgoiraMode = 'frame' | 'zip' | 'gif' | 'webm' | 'mp4';

/** Every {@link UgoiraMode}, in the order the documentation gives them. */
export const UGOIRA_MODES: readonly UgoiraMode[] = ['frame', 'zip', 'gif', 'webm', 'mp4'];

/** Names the files of an illustration: `<name><ext>`, or the folder `<name>/` of a multi-page work. */
export type FilenameOption = string | ((illustration: Illustration) => string);

/** Options of {@link downloadIllustrations} and {@link downloadIllustration}. */
export interface DownloadOptions {
  /**
   * The folder the files go to; created when missing. May be absolute, may not contain `..`.
   */
  readonly directory: string;
  /**
   * Which image of each page: `imageUrls[size]` of a single-page work, `metaPages[i][size]` of a
   * multi-page one. For a ugoira in `'zip'`, `'gif'`, `'webm'` or `'mp4'` mode, `ORIGINAL` asks
   * for the 1920x1080 frames and any other size for the 600x600 ones.
   * @default Size.ORIGINAL
   */
  readonly size?: Size;
  /**
   * Most image transfers running at once, the pages of one work included. `downloadIllustrations`
   * also works on at most this many illustrations at once.
   * @default 4
   */
  readonly concurrency?: number;
  /**
   * Download files that exist already (replacing them when the new one is complete). When
   * `false`, an existing file is skipped without a request.
   * @default false
   */
  readonly overwrite?: boolean;
  /**
   * The name of a work's file (without extension; the URL's extension is added) or of a
   * multi-page work's folder. A function is called with each illustration; a string is used as
   * is, so it is refused (`TypeError`) by `downloadIllustrations`, where every work would get the
   * same name. The name must be a plain file name: no `/`, `\`, NUL, `.` or `..` (`TypeError`).
   * @default (illustration) => String(illustration.id)
   */
  readonly filename?: FilenameOption;
  /**
   * Told how each file advances: at most about every 100 ms per file while bytes flow, and once
   * more when the file is complete (then `received === total`). Not called for skipped files.
   * @default no-op
   */
  readonly onProgress?: (progress: DownloadProgress) => void;
  /**
   * `'frame'` downloads a ugoira like a single-page work: the first frame (what the original
   * library did). `'zip'` downloads the zip of all frames to `<name>.zip` and writes the frame
   * delays to `<name>.ugoira.json` beside it. `'gif'` writes `<name>.gif`, looping, with the real
   * frame delays (pure JavaScript, a palette of 256 colours per frame). `'webm'` (VP9) and `'mp4'`
   * (H.264) write `<name>.webm` / `<name>.mp4` through `ffmpeg` (5.1 or later) found on `PATH`:
   * without it, the work fails with a `DownloadError` before any request. The animations are made
   * from the zip chosen as for `'zip'` (see `size`), downloaded beside them and removed once done.
   * @default 'frame'
   */
  readonly ugoira?: UgoiraMode;
  /**
   * The `Referer` of image requests; i.pximg.net answers 403 without a pixiv one.
   * @default 'https://app-api.pixiv.net/'
   */
  readonly referer?: string;
}

/** The defaults of {@link DownloadOptions}, in one place. */
export const DOWNLOAD_DEFAULTS = {
  size: Size.ORIGINAL,
  concurrency: 4,
  overwrite: false,
  /** The work's id. */
  filename: (illustration: Illustration): string => String(illustration.id),
  /** No progress reports. */
  onProgress: (): void => undefined,
  ugoira: 'frame',
  referer: PIXIV_REFERER,
} as const satisfies Required<Omit<DownloadOptions, 'directory'>>;

/** One illustration done. */
export interface DownloadResult {
  readonly illustration: Illustration;
  /**
   * The files of the work (one per page; the zip and its `.ugoira.json` for a ugoira in `'zip'`
   * mode; the animation in `'gif'`, `'webm'` and `'mp4'` modes). Empty for a restricted placeholder (`visible: false`), which is never downloaded.
   */
  readonly paths: string[];
  /** The size of those files on disk. */
  readonly bytes: number;
  /** `true` when nothing was downloaded: every file existed already, or the work is a placeholder. */
  readonly skipped: boolean;
}

/** Options with the defaults filled in and every value checked. */
export interface ResolvedDownloadOptions {
  readonly directory: string;
  readonly size: Size;
  readonly concurrency: number;
  readonly overwrite: boolean;
  readonly filename: FilenameOption;
  readonly onProgress: (progress: DownloadProgress) => void;
  readonly ugoira: UgoiraMode;
  readonly referer: string;
}

/** Fills in the defaults and checks every option. @throws TypeError */
export function resolveDownloadOptions(options: DownloadOptions): ResolvedDownloadOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('Download options must be an object with at least a directory');
  }
  const defined = definedOptions(options);
  const { size, concurrency, overwrite, filename, onProgress, ugoira, referer } = {
    ...DOWNLOAD_DEFAULTS,
    ...defined,
  } as Required<Omit<DownloadOptions, 'directory'>>;
  if (!isEnumValue(Size, size)) throw new TypeError(`size must be one of the Size values, got ${String(size)}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(`concurrency must be an integer ≥ 1, got ${String(concurrency)}`);
  }
  if (typeof overwrite !== 'boolean') throw new TypeError('overwrite must be a boolean');
  if (typeof filename === 'string') assertSafeName(filename, 'filename');
  else if (typeof filename !== 'function') throw new TypeError('filename must be a string or a function');
  if (typeof onProgress !== 'function') throw new TypeError('onProgress must be a function');
  if (!UGOIRA_MODES.includes(ugoira)) {
    throw new TypeError(`ugoira must be one of ${UGOIRA_MODES.map((mode) => `'${mode}'`).join(', ')}, got ${String(ugoira)}`);
  }
  assertReferer(referer);
  const directory = resolveSafeDirectory(options.directory);
  return { directory, size, concurrency, overwrite, filename, onProgress, ugoira, referer };
}

/** @throws TypeError unless `referer` can be sent as a header value */
export function assertReferer(referer: unknown): asserts referer is string {
  if (typeof referer !== 'string' || referer === '' || /[\r\n\0]/.test(referer)) {
    throw new TypeError('referer must be a non-empty string without line breaks');
  }
}

/** The checked name of an illustration's file or folder. @throws TypeError */
export function nameOf(illustration: Illustration, filename: FilenameOption): string {
  const name = typeof filename === 'function' ? filename(illustration) : filename;
  assertSafeName(name, `filename of illustration ${illustration.id}`);
  return name;
}
