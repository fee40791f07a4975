import { usageError } from './cli-error';

/** What `download` and `ls` work on. */
export type Target =
  | { readonly kind: 'illustration'; readonly illustrationId: number }
  | { readonly kind: 'user'; readonly userId: number }
  /** `userId` is `undefined` for the account's own bookmarks. */
  | { readonly kind: 'bookmarks'; readonly userId: number | undefined }
  | { readonly kind: 'ranking' }
  | { readonly kind: 'search'; readonly word: string }
  | { readonly kind: 'following' }
  /** An illustration or manga series: `/user/<uid>/series/<id>` on pixiv.net. */
  | { readonly kind: 'series'; readonly seriesId: number }
  | { readonly kind: 'novel'; readonly novelId: number }
  /** Every novel of a user. */
  | { readonly kind: 'novels'; readonly userId: number }
  | { readonly kind: 'novel-series'; readonly seriesId: number };

/** The targets whose works are novels (the others list illustrations, manga and ugoira). */
export type NovelTarget = Extract<Target, { readonly kind: 'novel' | 'novels' | 'novel-series' }>;

/** Whether `target` lists novels. */
export function isNovelTarget(target: Target): target is NovelTarget {
  return target.kind === 'novel' || target.kind === 'novels' || target.kind === 'novel-series';
}

const TARGET_WORDS = 'user, bookmarks, ranking, search, following, series, novel, novels, novel-series';

export const TARGET_HELP = [
  'Targets:',
  '  <id> | <url>               one work: 123, https://www.pixiv.net/artworks/123, …/en/artworks/123',
  '  user <id> | <user url>     every work of an artist (illustrations, manga, ugoira)',
  '  bookmarks [<user id>]      public bookmarks of a user (default: your own)',
  '  ranking                    a ranking (--mode, --date)',
  '  search <word…>             works tagged with a word',
  '  following                  new works of the artists you follow',
  '  series <id> | <series url> an illustration or manga series (…/user/11/series/22)',
  '  novel <id> | <novel url>   one novel (…/novel/show.php?id=123)',
  '  novels <user id>           every novel of a user (…/users/11/novels)',
  '  novel-series <id> | <url>  a novel series (…/novel/series/22)',
].join('\n');

const PIXIV_HOSTS = new Set(['pixiv.net', 'www.pixiv.net', 'touch.pixiv.net']);

/**
 * Reads a target from the command's arguments, e.g. `['123']`, `['user', '11']`,
 * `['https://www.pixiv.net/en/artworks/123']`, `['search', 'blue', 'sky']`.
 * @throws CliError (usage) for anything else
 */
export function parseTarget(args: readonly string[]): Target {
  const [first, ...rest] = args.map((arg) => arg.trim()).filter((arg) => arg !== '');
  if (first === undefined) throw usageError(`Missing target: an illustration id or URL, or one of ${TARGET_WORDS}`);
  const noMore = (target: Target, extra: readonly string[] = rest): Target => {
    if (extra.length > 0) throw usageError(`Unexpected argument after ${first}: ${extra.join(' ')}`);
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
    case 'following':
      if (rest.length > 0) throw usageError(`Unexpected argument after ${first}: ${rest.join(' ')}`);
      return { kind: first.toLowerCase() as 'ranking' | 'following' };
    case 'search': {
      if (rest.length === 0) throw usageError('Missing search word: pixiv-rx download search <word>');
      return { kind: 'search', word: rest.join(' ') };
    }
    case 'series':
      return noMore(idTarget(first, rest[0], 'series', 'seriesId', 'series id'), rest.slice(1));
    case 'novel':
      return noMore(idTarget(first, rest[0], 'novel', 'novelId', 'novel id'), rest.slice(1));
    case 'novel-series':
      return noMore(idTarget(first, rest[0], 'novel-series', 'seriesId', 'novel series id'), rest.slice(1));
    case 'novels': {
      const value = rest[0];
      if (value === undefined) throw usageError('Missing user id: pixiv-rx download novels <user id>');
      if (!looksLikeUrl(value)) return noMore({ kind: 'novels', userId: parseId(value, 'user id') }, rest.slice(1));
      const target = parseUrl(value);
      if (target.kind !== 'user' && target.kind !== 'novels') throw usageError(`Not a user URL: ${value}`);
      return noMore({ kind: 'novels', userId: target.userId }, rest.slice(1));
    }
    default:
      if (looksLikeUrl(first)) return noMore(parseUrl(first));
      if (/^\d+$/.test(first)) return noMore({ kind: 'illustration', illustrationId: parseId(first, 'illustration id') });
      throw usageError(`Unknown target "${first}": give an illustration id or URL, or one of ${TARGET_WORDS}`);
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
    case 'series':
      return `series ${target.seriesId}`;
    case 'novel':
      return `novel ${target.novelId}`;
    case 'novels':
      return `novels of user ${target.userId}`;
    case 'novel-series':
      return `novel series ${target.seriesId}`;
  }
}

/**
 * `series <id|url>`, `novel <id|url>`, `novel-series <id|url>`: an id, or a pixiv.net URL of
 * that kind of target.
 */
function idTarget<K extends 'series' | 'novel' | 'novel-series'>(
  word: string,
  value: string | undefined,
  kind: K,
  key: keyof Extract<Target, { readonly kind: K }>,
  what: string,
): Target {
  if (value === undefined) throw usageError(`Missing ${what}: pixiv-rx download ${kind} <id>`);
  if (!looksLikeUrl(value)) return { kind, [key]: parseId(value, what) } as Target;
  const target = parseUrl(value);
  if (target.kind !== kind) throw usageError(`Not a ${what.replace(/ id$/, '')} URL: ${value} (after ${word})`);
  return target;
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
 * `/manga` tabs), `/users/11/bookmarks/artworks`, `/tags/<word>/artworks`, an illustration series
 * `/user/11/series/22`, `/novel/show.php?id=123`, `/novel/series/22`, `/users/11/novels`, and the
 * pre-2019 `member_illust.php?illust_id=`, `member.php?id=`, `bookmark.php?id=`.
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
  if (segments.length > 1 && /^[a-z]{2}(-[a-z]{2,4})?$/i.test(segments[0])) segments.shift();
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
    if (third === 'novels' && fourth === undefined) return { kind: 'novels', userId };
  }
  if (head === 'user' && second !== undefined && third === 'series' && fourth !== undefined && segments.length === 4) {
    parseId(second, 'user id');
    return { kind: 'series', seriesId: parseId(fourth, 'series id') };
  }
  if (head === 'novel') {
    if (second === 'show.php' && third === undefined && query.has('id')) {
      return { kind: 'novel', novelId: parseId(query.get('id')!, 'novel id') };
    }
    if (second === 'series' && third !== undefined && fourth === undefined) {
      return { kind: 'novel-series', seriesId: parseId(third, 'novel series id') };
    }
  }
  if (head === 'tags' && second !== undefined && second !== '') return { kind: 'search', word: second };
  if (head === 'member_illust.php' && query.has('illust_id')) {
    return { kind: 'illustration', illustrationId: parseId(query.get('illust_id')!, 'illustration id') };
  }
  if ((head === 'member.php' || head === 'member_illust.php') && query.has('id')) {
    return { kind: 'user', userId: parseId(query.get('id')!, 'user id') };
  }
  if (head === 'bookmark.php' && query.has('id')) return { kind: 'bookmarks', userId: parseId(query.get('id')!, 'user id') };
  throw usageError(`Not a pixiv.net work, user, series, novel or tag URL: ${value}`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
