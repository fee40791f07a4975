import axios, { AxiosInstance } from 'axios';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Observable, of } from 'rxjs';
import { RetryEvent, resolveRetryPolicy } from '../../lib/http/retry';
import { ContentType, Illustration, Size, UgoiraMetadata } from '../../lib/models';
import type { DownloadClient } from '../../lib/node';

/** A stand-in for PixivClient: a plain axios instance, fast retries. */
export function makeClient(
  options: {
    axios?: AxiosInstance;
    maxRetries?: number;
    timeoutMs?: number;
    ugoira?: (id: number) => Observable<UgoiraMetadata>;
  } = {},
): DownloadClient & { retries: RetryEvent[]; metadataCalls: number[] } {
  const retries: RetryEvent[] = [];
  const metadataCalls: number[] = [];
  return {
    retries,
    metadataCalls,
    http: {
      axios: options.axios ?? axios.create(),
      userAxios: options.axios !== undefined,
      retry: resolveRetryPolicy({ baseDelayMs: 1, maxDelayMs: 5, maxRetries: options.maxRetries ?? 3 }),
      timeoutMs: options.timeoutMs ?? 0,
      onRetry: (event) => retries.push(event),
    },
    ugoiraMetadata$: (id) => {
      metadataCalls.push(id);
      return options.ugoira ? options.ugoira(id) : of({ zipUrls: {}, frames: [] });
    },
  };
}

/** A single-page work whose images are `<origin>/img/<id>_p0.png` and friends. */
export function singlePage(origin: string, id: number, overrides: Partial<Illustration> = {}): Illustration {
  return illustration(id, {
    pageCount: 1,
    imageUrls: {
      [Size.SQUARE_MEDIUM]: `${origin}/c/360x360/${id}_p0_square1200.jpg`,
      [Size.MEDIUM]: `${origin}/c/540x540/${id}_p0_master1200.jpg`,
      [Size.LARGE]: `${origin}/c/600x1200/${id}_p0_master1200.jpg`,
      [Size.ORIGINAL]: `${origin}/img-original/${id}_p0.png`,
    },
    metaPages: [],
    ...overrides,
  });
}

/** A work of `pages` pages, originals at `<origin>/img-original/<id>_p<i>.jpg`. */
export function multiPage(origin: string, id: number, pages: number): Illustration {
  const metaPages = Array.from({ length: pages }, (_, i) => ({
    [Size.SQUARE_MEDIUM]: `${origin}/c/360x360/${id}_p${i}_square1200.jpg`,
    [Size.MEDIUM]: `${origin}/c/540x540/${id}_p${i}_master1200.jpg`,
    [Size.LARGE]: `${origin}/c/600x1200/${id}_p${i}_master1200.jpg`,
    [Size.ORIGINAL]: `${origin}/img-original/${id}_p${i}.jpg`,
  }));
  return illustration(id, {
    type: ContentType.MANGA,
    pageCount: pages,
    imageUrls: { ...metaPages[0], [Size.ORIGINAL]: null },
    metaPages,
  });
}

function illustration(id: number, overrides: Partial<Illustration>): Illustration {
  return {
    id,
    title: `work ${id}`,
    type: ContentType.ILLUSTRATION,
    caption: '',
    createDate: new Date('2021-01-11T15:54:04+09:00'),
    width: 1000,
    height: 1000,
    pageCount: 1,
    imageUrls: { square_medium: null, medium: null, large: null, original: null },
    metaPages: [],
    tags: [],
    tools: [],
    user: { id: 1, account: 'artist', name: 'Artist', profileImageUrls: {}, isFollowed: false },
    series: null,
    totalBookmarks: 0,
    totalView: 0,
    isBookmarked: false,
    isMuted: false,
    visible: true,
    restrict: 0,
    sanityLevel: 2,
    xRestrict: 0,
    ...overrides,
  } as Illustration;
}

/** A fresh temporary directory and its removal. */
export async function makeTempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'pixiv-rx-download-'));
}

export async function removeDir(directory: string | undefined): Promise<void> {
  if (directory) await fs.rm(directory, { recursive: true, force: true });
}

export async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** The files under `directory`, relative, sorted. */
export async function listFiles(directory: string): Promise<string[]> {
  const entries = await fs.readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

/** The error `promise` rejects with; fails the test if it resolves. */
export function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the download to fail');
    },
    (error: unknown) => error,
  );
}

/** The variables a proxy is read from (axios, through proxy-from-env), `NO_PROXY` included, in either case. */
export const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy'] as const;

/**
 * Runs `script` in a fresh Node process on the repository's sources (ts-node, from the repository
 * root), with no proxy in its environment and `env` added; resolves with what it printed.
 */
export async function runInFreshNode(script: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  for (const name of PROXY_VARIABLES) delete environment[name];
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...environment, ...env },
  });
  return stdout;
}
