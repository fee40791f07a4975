import * as t from 'io-ts';
import type { Params } from '../http/request';
import type { PageDeclaration } from '../pagination';

/**
 * A listing endpoint, declared: its path, how its arguments become the query (validating them,
 * throwing TypeError), and how its body becomes pages. The pagination engine does the rest.
 */
export interface ListEndpoint<Args extends readonly unknown[], Body, Item, Next, Extra>
  extends PageDeclaration<Body, Item, Next, Extra> {
  /** The path, or the path for the arguments (`/v1/watchlist/manga` or `…/novel`). */
  readonly path: string | ((...args: Args) => string);
  readonly query: (...args: Args) => Params;
  /** Sent first in the query with the authenticated account's id (for "my followers"). */
  readonly accountParam?: string;
  /**
   * How a search walks past Pixiv's offset cap in date windows, for these arguments; `undefined`
   * when the caller did not ask for it (see `walkDateWindows`).
   */
  readonly dateWindows?: (...args: Args) => DateWindows<Item> | undefined;
}

/**
 * A search listing continued past Pixiv's offset cap: when the cap's 400 ends a window, the next
 * window moves `bound` to the Tokyo day of the last work emitted, and works already emitted are
 * skipped.
 */
export interface DateWindows<Item> {
  /** `end_date` for a newest-first search, `start_date` for an oldest-first one. */
  readonly bound: string;
  /** The query parameter of the cursor, dropped from each new window. */
  readonly offsetParam: string;
  readonly idOf: (item: Item) => number;
  readonly dateOf: (item: Item) => Date;
}

/** A single-request endpoint, declared. */
export interface CallEndpoint<Args extends readonly unknown[], Body, Result> {
  readonly method: 'GET' | 'POST';
  /** The path, or the path for the arguments (`/v1/watchlist/manga/add` or `…/novel/add`). */
  readonly path: string | ((...args: Args) => string);
  /** Query (GET) or form (POST) from the arguments; throws TypeError on bad arguments. */
  readonly params: (...args: Args) => Params;
  readonly body: t.Decoder<unknown, Body>;
  readonly result: (body: Body) => Result;
  /** `'text'` for an answer that is not JSON (an HTML page): `body` then decodes the text. @default 'json' */
  readonly responseType?: 'json' | 'text';
}

/** The path of an endpoint for these arguments (throws TypeError on bad arguments). */
export function pathOf<Args extends readonly unknown[]>(path: string | ((...args: Args) => string), args: Args): string {
  return typeof path === 'string' ? path : path(...args);
}

/** Declares a listing endpoint (an identity that lets TypeScript infer the types). */
export function listEndpoint<Args extends readonly unknown[], Body, Item, Next, Extra = object>(
  declaration: ListEndpoint<Args, Body, Item, Next, Extra>,
): ListEndpoint<Args, Body, Item, Next, Extra> {
  return declaration;
}

/** Declares a single-request endpoint. */
export function callEndpoint<Args extends readonly unknown[], Body, Result>(
  declaration: CallEndpoint<Args, Body, Result>,
): CallEndpoint<Args, Body, Result> {
  return declaration;
}

/**
 * The `resumeFrom` of a list endpoint's arguments: the options object, which comes last.
 * @throws TypeError when it is given and not a string
 */
export function resumeFromOf(args: readonly unknown[]): string | undefined {
  const options = args[args.length - 1];
  if (typeof options !== 'object' || options === null || !('resumeFrom' in options)) return undefined;
  const { resumeFrom } = options as ResumeOptions;
  if (resumeFrom === undefined) return undefined;
  if (typeof resumeFrom !== 'string') throw new TypeError(`resumeFrom must be a next_url string, got ${typeof resumeFrom}`);
  return resumeFrom;
}

/** Options every list endpoint takes. */
export interface ResumeOptions {
  /**
   * A `nextUrl` from an earlier page of the same endpoint called with the same arguments: the
   * listing starts there (long syncs that stop and resume). It must be on the API origin and
   * have the endpoint's path, else the stream errors with a TypeError before anything is sent.
   */
  readonly resumeFrom?: string;
}

/** Most list endpoints take `filter=for_ios`, as Pixiv's apps send it. */
export const FOR_IOS = 'for_ios';

/** Bodies of POSTs that answer with nothing of interest (`{}`). */
export const NoContent = t.unknown;
