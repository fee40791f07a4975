import * as t from 'io-ts';
import { Observable, Subscription } from 'rxjs';
import type { AuthorizedCaller } from './auth/authorized';
import { currentDemand, subscribeWithDemand } from './demand';
import type { DateWindows } from './endpoints/endpoint';
import { BadApiResponse, PixivApiError } from './errors';
import { Params, RequestSpec, withQuery } from './http/request';
import { decode } from './models';

/**
 * One page of a listing: its items, the raw `next_url` (null on the last page), the decoded cursor
 * in `next`, and the endpoint's extra fields.
 */
export type Page<T, Next = number | null, Extra = object> = {
  readonly items: readonly T[];
  readonly nextUrl: string | null;
  readonly next: Next;
} & Readonly<Extra>;

/** How one listing endpoint's body becomes a page: what the endpoint declares, nothing more. */
export interface PageDeclaration<Body, Item, Next, Extra> {
  /** Codec of the whole body. */
  readonly body: t.Decoder<unknown, Body>;
  /** The mapped items of a decoded body. */
  readonly items: (body: Body) => readonly Item[];
  /** The cursor that `next_url` carries. */
  readonly next: (nextUrl: string | null) => Next;
  /** The endpoint's extra page fields. */
  readonly extras?: (body: Body) => Extra;
}

/** Real `next_url`s stay far below this (related's `viewed[]` URLs run to a few KB). */
export const MAX_NEXT_URL_LENGTH = 32_768;

interface WithNextUrl {
  readonly next_url?: string | null;
}

/**
 * The one pagination engine. Sends `first`, then follows each page's `next_url` verbatim until it
 * is null; keeps going past empty pages; refuses a `next_url` off the API origin (the token never
 * goes there), an absurdly long one, or one it has already fetched (a looping server). A
 * `next_url` on Pixiv's own origin is followed on `apiBaseUrl` when that is another. Nothing is
 * sent before subscription, and nothing after the subscriber has unsubscribed: a `take(n)` that is
 * satisfied by a page sends no further request.
 */
export function paginate<Body extends WithNextUrl, Item, Next, Extra>(
  caller: AuthorizedCaller,
  first: RequestSpec,
  declaration: PageDeclaration<Body, Item, Next, Extra>,
): Observable<Page<Item, Next, Extra>> {
  return new Observable<Page<Item, Next, Extra>>((subscriber) => {
    const fetched = new Set<string>();
    let inFlight: Subscription | undefined;
    // a slow consumer downstream (downloads) holds the next page back until it has caught up
    const demand = currentDemand();
    let cancelWait: (() => void) | undefined;

    const fail = (message: string, url: string): void =>
      subscriber.error(new BadApiResponse(message, { path: 'next_url', request: { method: 'GET', url } }));

    const load = (spec: RequestSpec): void => {
      const requestUrl = withQuery(spec.url, spec.params);
      let page: Page<Item, Next, Extra> | undefined;
      inFlight = caller.call(spec).subscribe({
        next: (raw) => {
          try {
            const body = decode(declaration.body, raw, { request: { method: spec.method, url: requestUrl } });
            const nextUrl = body.next_url ?? null;
            // the extras last: a literal that starts with a spread makes objects that outlive the
            // young generation in V8 (see `withHeaders`); their keys are never these three
            page = {
              items: declaration.items(body),
              nextUrl,
              next: declaration.next(nextUrl),
              ...declaration.extras?.(body),
            } as Page<Item, Next, Extra>;
          } catch (error) {
            subscriber.error(error);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          if (!page) return;
          const { nextUrl } = page;
          subscriber.next(page);
          if (subscriber.closed) return;
          if (nextUrl === null) return subscriber.complete();
          if (nextUrl.length > MAX_NEXT_URL_LENGTH) {
            return fail(`next_url is ${nextUrl.length} characters long`, nextUrl.slice(0, 200));
          }
          // send the URL exactly as checked (one on the API origin written as the URL parser
          // writes it, as Pixiv's are, needs no parse): axios would join a string that does not
          // start with a scheme (" https://…", "\nhttps://…") to the instance's baseURL
          let url = nextUrl;
          if (!caller.isCanonicalApiUrl(nextUrl)) {
            const absolute = parseUrl(nextUrl);
            if (absolute === null) return fail('next_url is not an absolute URL', nextUrl);
            const rebased = caller.toApiUrl(absolute);
            if (rebased === null) return fail('next_url leaves the API origin', absolute.href);
            url = rebased;
          }
          if (fetched.has(url)) return fail('next_url repeats a page already fetched: the listing loops', url);
          fetched.add(url);
          if (demand) cancelWait = demand.whenReady(() => load({ method: 'GET', url }));
          else load({ method: 'GET', url });
        },
      });
    };

    const firstUrl = withQuery(first.url, first.params);
    fetched.add(parseUrl(firstUrl)?.href ?? firstUrl);
    load(first);
    return () => {
      cancelWait?.();
      inFlight?.unsubscribe();
    };
  });
}

/**
 * The first request of a listing resumed from an earlier page's `nextUrl`: checked like a
 * `next_url` (on the API origin, or on Pixiv's own and rebased) and with the endpoint's path, then
 * sent as given, since the URL carries the arguments.
 * @throws TypeError when `resumeFrom` is not such a URL
 */
export function resumeRequest(caller: AuthorizedCaller, resumeFrom: string, endpointUrl: string): RequestSpec {
  const absolute = parseUrl(resumeFrom);
  const url = absolute === null ? null : caller.toApiUrl(absolute);
  if (url === null) {
    throw new TypeError(`resumeFrom must be a nextUrl on the API origin, got ${JSON.stringify(resumeFrom.slice(0, 200))}`);
  }
  if (new URL(url).pathname !== new URL(endpointUrl).pathname) {
    throw new TypeError(`resumeFrom must be a nextUrl of ${new URL(endpointUrl).pathname}, got ${JSON.stringify(resumeFrom.slice(0, 200))}`);
  }
  return { method: 'GET', url };
}

/**
 * A search that goes on past Pixiv's offset cap: pages `first` with {@link paginate}; when the
 * cap's 400 ends it, pages again with `windows.bound` moved to the Tokyo day of the last work
 * emitted (and no offset), skipping works already emitted. Every window narrows the search or the
 * walk ends: a window that brings nothing new ends it (with the cap's error when the cap ended
 * that window too), and so does a window that could not move because one day alone holds more
 * than the cap (with the cap's error, after every work it could emit).
 */
export function walkDateWindows<Body extends WithNextUrl, Item, Next, Extra>(
  caller: AuthorizedCaller,
  first: RequestSpec,
  declaration: PageDeclaration<Body, Item, Next, Extra>,
  windows: DateWindows<Item>,
): Observable<Page<Item, Next, Extra>> {
  return new Observable<Page<Item, Next, Extra>>((subscriber) => {
    const emitted = new Set<number>();
    let current: Subscription | undefined;
    let last: Item | undefined;
    // the consumer's demand holds the next window back as it holds the next page
    const demand = currentDemand();
    let cancelWait: (() => void) | undefined;
    const base = first.url.split('?')[0];
    let params: Params = Object.assign(queryOf(first.url), first.params);

    const run = (spec: RequestSpec): void => {
      let fresh = 0;
      current = paginate(caller, spec, declaration).subscribe({
        next: (page) => {
          const items = page.items.filter((item) => {
            const id = windows.idOf(item);
            if (emitted.has(id)) return false;
            emitted.add(id);
            return true;
          });
          fresh += items.length;
          if (items.length > 0) last = items[items.length - 1];
          subscriber.next(Object.assign({}, page, { items }));
        },
        error: (error: unknown) => {
          if (!isOffsetCap(error) || fresh === 0 || last === undefined) return subscriber.error(error);
          const day = tokyoDay(windows.dateOf(last));
          // the last work is on the window's own bound: that day alone holds more than the cap
          if (params[windows.bound] === day) return subscriber.error(error);
          params = Object.assign({}, params, { [windows.bound]: day, [windows.offsetParam]: undefined });
          const next: RequestSpec = { method: 'GET', url: base, params };
          if (demand) cancelWait = demand.whenReady(() => subscribeWithDemand(demand, () => run(next)));
          else run(next);
        },
        complete: () => subscriber.complete(),
      });
    };

    run(first);
    return () => {
      cancelWait?.();
      current?.unsubscribe();
    };
  });
}

/** Pixiv's answer to an offset past 5000: 400 with `{"offset":["Offset must be no more than 5000"]}`. */
function isOffsetCap(error: unknown): error is PixivApiError {
  return error instanceof PixivApiError && error.status === 400 && /offset/i.test(error.apiMessage);
}

/** The calendar day of `date` in Asia/Tokyo (UTC+9, no daylight saving), as `YYYY-MM-DD`. */
export function tokyoDay(date: Date): string {
  return new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** The query of a URL as params (for a resumed search whose arguments are in its URL). */
function queryOf(url: string): Record<string, string> {
  const start = url.indexOf('?');
  if (start < 0) return {};
  return Object.fromEntries(new URLSearchParams(url.slice(start + 1)).entries());
}

/** `url` parsed, or null when it is not an absolute URL. */
function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Flattens a page stream into its items, in order. A loop over each page's items rather than a
 * `mergeMap`, which would make a stream of its own for every page; it stops in the middle of a
 * page when the subscriber is done (`take`).
 */
export function itemsOf<T>(pages: Observable<Page<T, unknown, unknown>>): Observable<T> {
  return new Observable<T>((subscriber) =>
    pages.subscribe({
      next: (page) => {
        for (const item of page.items) {
          if (subscriber.closed) return;
          subscriber.next(item);
        }
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    }),
  );
}

/** A cursor that reads one numeric query parameter of `next_url` (`offset`, `max_bookmark_id`). */
export function queryNumber(name: string): (nextUrl: string | null) => number | null {
  return (nextUrl) => {
    if (nextUrl === null) return null;
    const value = queryParam(nextUrl, name);
    if (value === null || value === '') return null;
    const number = Number(value);
    return Number.isFinite(number) ? number : null;
  };
}

/** Reads a query parameter of a URL string without a full URL parse. */
export function queryParam(url: string, name: string): string | null {
  const start = url.indexOf('?');
  if (start < 0) return null;
  for (const pair of url.slice(start + 1).split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (key === name) return decodeURIComponent(eq < 0 ? '' : pair.slice(eq + 1).replace(/\+/g, ' '));
  }
  return null;
}
