/** `pixiv-rx/node`: file downloads (the only part of pixiv-rx that touches the filesystem) and the proxy a browser app reaches Pixiv through. */
export { downloadIllustrations } from './download-illustrations';
export { downloadIllustration } from './download-illustration';
export { downloadFile, DOWNLOAD_FILE_DEFAULTS } from './download-file';
export type { DownloadFileOptions, DownloadedFile, FileProgress } from './download-file';
export { DOWNLOAD_DEFAULTS } from './download-options';
export type {
  DownloadClient,
  DownloadOptions,
  DownloadProgress,
  DownloadResult,
  FilenameOption,
  UgoiraMode,
} from './download-options';
export type { UgoiraFrameFile } from './ugoira/ugoira-zip-download';
export { downloadNovel } from './novel/download-novel';
export { DOWNLOAD_NOVEL_DEFAULTS } from './novel/download-novel-options';
export type {
  DownloadNovelOptions,
  NovelDownloadClient,
  NovelDownloadResult,
  NovelFilenameOption,
} from './novel/download-novel-options';
export type { NovelFormat } from '../render/render-novel';
export { createPixivProxy, PIXIV_PROXY_DEFAULTS } from './proxy';
export type { PixivProxy, PixivProxyOptions, PixivUpstreams } from './proxy';
