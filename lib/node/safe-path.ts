import * as path from 'node:path';

/**
 * Checks the base directory of a download: a non-empty path without NUL and without `..`
 * segments (an absolute directory is fine: it is the caller's to choose). Returns it resolved.
 * @throws TypeError
 */
export function resolveSafeDirectory(directory: unknown): string {
  if (typeof directory !== 'string' || directory === '') {
    throw new TypeError(`directory must be a non-empty string, got ${describe(directory)}`);
  }
  if (directory.includes('\0')) throw new TypeError('directory must not contain a NUL character');
  if (directory.split(/[/\\]/).includes('..')) {
    throw new TypeError(`directory must not contain '..' segments, got ${JSON.stringify(directory)}`);
  }
  return path.resolve(directory);
}

/**
 * Checks one path component chosen for us (a `filename`, or the last segment of an image URL): it
 * must name a file inside the directory, so no separators, no `.`/`..`, no NUL, nothing absolute.
 * @throws TypeError
 */
export function assertSafeName(name: unknown, what: string): asserts name is string {
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(`${what} must be a non-empty string, got ${describe(name)}`);
  }
  if (name.includes('\0')) throw new TypeError(`${what} must not contain a NUL character`);
  if (name === '.' || name === '..') throw new TypeError(`${what} must not be ${JSON.stringify(name)}`);
  if (/[/\\]/.test(name) || path.isAbsolute(name)) {
    throw new TypeError(`${what} must be a plain file name without path separators, got ${JSON.stringify(name)}`);
  }
  // `C:name` is relative to drive C's current directory on Windows: it would leave the folder
  if (process.platform === 'win32' && name.includes(':')) {
    throw new TypeError(`${what} must not contain ':' on Windows, got ${JSON.stringify(name)}`);
  }
}

/** `directory/name`, after checking that `name` cannot leave `directory`. */
export function safeJoin(directory: string, name: string, what: string): string {
  assertSafeName(name, what);
  return path.join(directory, name);
}

/**
 * The file name an image URL gives its file: the last segment of its path, decoded
 * (`…/86979680_p0.jpg` → `86979680_p0.jpg`).
 * @throws TypeError when the URL is not an absolute http(s) URL or names no file
 */
export function fileNameOfUrl(url: string): string {
  const pathname = parseImageUrl(url).pathname;
  const segment = pathname.slice(pathname.lastIndexOf('/') + 1);
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    name = segment;
  }
  assertSafeName(name, `the file name of ${url}`);
  return name;
}

/** The extension of the file an image URL names, dot included (`.png`), or `''`. */
export function extensionOfUrl(url: string): string {
  return path.posix.extname(fileNameOfUrl(url));
}

/** @throws TypeError unless `url` is an absolute http(s) URL */
export function parseImageUrl(url: unknown): URL {
  let parsed: URL | undefined;
  if (typeof url === 'string') {
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new TypeError(`Not an http(s) URL: ${describe(url)}`);
  }
  return parsed;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value) : String(value);
}
