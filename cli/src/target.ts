import { usageError } from './cli-error';

/** What `download` and `ls` work on. */
export type Target =
  | { readonly kind: 'illustration'; readonly illustrationId: number }
  | { readonly kind: 'user'; readonly userId: number }
  /** `userId` is `undefined` for the account's own bookmarks. */
  | { readonly kind: 'bookmarks'; readonly userId: number | undefined }
  | { readonly kind: 'ranking' }
  | { readonly kind: 'search'; readonly word: string }
  | { readonly kind: 'following' };

export const TARGET_HELP = [
  'Targets:',
  '  <id> | <url>               one work: 123, https://www.pixiv.net/artworks/123, …/en/artworks/123',
  '  user <id> | <user url>     every work of an artist (illustrations, manga, ugoira)',
  '  bookmarks [<user id>]      public bookmarks of a user (default: your own)',
  '  ranking                    a ranking (--mode, --date)',
  '  search <word…>             works tagged with a word',
  '  following                  new works of the artists you follow',
].join('\n');

const PIXIV_HOSTS = new Set(['pixiv.net', 'www.pixiv.net', 'touch.pixiv.net']);

/**
 * Reads a target from the command's arguments, e.g. `['123']`, `['user', '11']`,
 * `['https://www.pixiv.net/en/artworks/123']`, `['search', 'blue', 'sky']`.
 * @throws CliError (usage) for anything else
 */
export function parseTarget(args: readonly string[]): Target {
  const [first, ...rest] = args.map((arg) => arg.trim()).filter((arg) => arg !== '');
  if (first === undefined) throw usageError(`Missing target: an illustration id or URL, or one of user, bookmarks, ranking, search, following`);
  const noMore = (target: Target): Target => {
    if (rest.length > 0) throw usageError(`Unexpected argument after ${first}: ${rest.join(' ')}`);
    return target;
  };
  switch (first.toLowerCase()) {
    case 'user': {
      const [value, ...extra] = rest;
      if (value === undefined) throw usageError('Missing user id: pixiv-rx download user <id>');
      if (extra.length > 0) throw usageError(`Unexpected argument after the user: ${extra.join(' ')}`);
      return { kind: 'user', userId: userIdOf(value) };
    }
    case 'bookmarks': {
      const [value, ...extra] = rest;
      if (extra.length > 0) throw usageError(`Unexpected argument after the user: ${extra.join(' ')}`);
      if (value === undefined) return { kind: 'bookmarks', userId: undefined };
      const fromUrl = looksLikeUrl(value) ? parseUrl(value) : undefined;
      if (fromUrl && fromUrl.kind !== 'user' && fromUrl.kind !== 'bookmarks') {
        throw usageError(`Not a user: ${value}`);
      }
      return { kind: 'bookmarks', userId: fromUrl && 'userId' in fromUrl ? fromUrl.userId : parseId(value, 'user id') };
    }
    case 'ranking':
      return noMore({ kind: 'ranking' });
    case 'following':
      return noMore({ kind: 'following' });
    case 'search': {
      if (rest.length === 0) throw usageError('Missing search word: pixiv-rx download search <word>');
      return { kind: 'search', word: rest.join(' ') };
    }
    default:
      if (looksLikeUrl(first)) return noMore(parseUrl(first));
      if (/^\d+$/.test(first)) return noMore({ kind: 'illustration', illustrationId: parseId(first, 'illustration id') });
      throw usageError(
        `Unknown target "${first}": give an illustration id or URL, or one of user, bookmarks, ranking, search, following`,
      );
  }
}

/** A short description for messages, e.g. `user 11`, `illustration 123`. */
export function describeTarget(target: Target): string {
  switch (target.kind) {
    case 'illustration':
      return `illustration ${target.illustrationId}`;
    case 'user':
      return `user ${target.userId}`;
    case 'bookmarks':
      return target.userId === undefined ? 'your bookmarks' : `bookmarks of user ${target.userId}`;
    case 'ranking':
      return 'ranking';
    case 'search':
      return `search "${target.word}"`;
    case 'following':
      return 'new works of followed artists';
  }
}

function userIdOf(value: string): number {
  if (!looksLikeUrl(value)) return parseId(value, 'user id');
  const target = parseUrl(value);
  if (target.kind === 'user') return target.userId;
  throw usageError(`Not a user URL: ${value}`);
}

function looksLikeUrl(value: string): boolean {
  return /^(https?:\/\/|(www\.|touch\.)?pixiv\.net\/)/i.test(value);
}

/** A positive safe integer, as Pixiv's ids are. */
function parseId(value: string, what: string): number {
  const id = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw usageError(`Not a valid ${what}: ${value}`);
  return id;
}

/**
 * The pixiv.net page addresses people copy from the browser: `/artworks/123` (with or without a
 * language prefix such as `/en/`), `/i/123`, `/users/11` (and its `/artworks`, `/illustrations`,
 * `/manga` tabs), `/users/11/bookmarks/artworks`, `/tags/<word>/artworks`, and the pre-2019
 * `member_illust.php?illust_id=`, `member.php?id=`, `bookmark.php?id=`.
 */
function parseUrl(value: string): Target {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    throw usageError(`Not a valid URL: ${value}`);
  }
  if (!PIXIV_HOSTS.has(url.hostname.toLowerCase())) throw usageError(`Not a pixiv.net URL: ${value}`);
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeSegment(segment));
  // a language prefix: /en/artworks/123, /zh-tw/users/11
  if (segments.length > 1 && /^[a-z]{2}(-[a-z]{2,4})?$/i.test(segments[0]!)) segments.shift();
  const [head, second, third, fourth] = segments;
  const query = url.searchParams;
  if ((head === 'artworks' || head === 'i') && second !== undefined && third === undefined) {
    return { kind: 'illustration', illustrationId: parseId(second, 'illustration id') };
  }
  if (head === 'users' && second !== undefined) {
    const userId = parseId(second, 'user id');
    if (third === undefined || (['artworks', 'illustrations', 'manga'].includes(third) && fourth === undefined)) {
      return { kind: 'user', userId };
    }
    if (third === 'bookmarks') return { kind: 'bookmarks', userId };
  }
  if (head === 'tags' && second !== undefined && second !== '') return { kind: 'search', word: second };
  if (head === 'member_illust.php' && query.has('illust_id')) {
    return { kind: 'illustration', illustrationId: parseId(query.get('illust_id')!, 'illustration id') };
  }
  if ((head === 'member.php' || head === 'member_illust.php') && query.has('id')) {
    return { kind: 'user', userId: parseId(query.get('id')!, 'user id') };
  }
  if (head === 'bookmark.php' && query.has('id')) return { kind: 'bookmarks', userId: parseId(query.get('id')!, 'user id') };
  throw usageError(`Not a pixiv.net work, user or tag URL: ${value}`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
