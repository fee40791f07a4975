import * as t from 'io-ts';
import { Observable, Subscription, mergeMap } from 'rxjs';
import type { AuthorizedCaller } from './auth/authorized';
import { currentDemand } from './demand';
import { BadApiResponse } from './errors';
import { RequestSpec, withQuery } from './http/request';
import { decode } from './models';

/**
 * One page of a listing: its items, the raw `next_url` (null on the last page), the decoded cursor
 * in `next`, and the endpoint's extra fields.
 */
export type Page<T, Next = number | null, Extra = {}> = {
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
 * goes there), an absurdly long one, or one it has already fetched (a looping server). Nothing is
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
            page = {
              ...(declaration.extras ? declaration.extras(body) : ({} as Extra)),
              items: declaration.items(body),
              nextUrl,
              next: declaration.next(nextUrl),
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
          // send the URL exactly as checked: axios would join a string that does not start with
          // a scheme (" https://…", "\nhttps://…") to the instance's baseURL
          const url = absoluteUrl(nextUrl);
          if (url === null) return fail('next_url is not an absolute URL', nextUrl);
          if (!caller.isApiUrl(url)) return fail('next_url leaves the API origin', url);
          if (fetched.has(url)) return fail('next_url repeats a page already fetched: the listing loops', url);
          fetched.add(url);
          if (demand) cancelWait = demand.whenReady(() => load({ method: 'GET', url }));
          else load({ method: 'GET', url });
        },
      });
    };

    fetched.add(absoluteUrl(withQuery(first.url, first.params)) ?? first.url);
    load(first);
    return () => {
      cancelWait?.();
      inFlight?.unsubscribe();
    };
  });
}

/** The normalised absolute form of `url` (`new URL(url).href`), or null when it is not absolute. */
function absoluteUrl(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

/** Flattens a page stream into its items. */
export function itemsOf<T>(pages: Observable<Page<T, unknown, unknown>>): Observable<T> {
  return pages.pipe(mergeMap((page) => page.items));
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
