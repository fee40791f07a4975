import * as t from 'io-ts';
import type { Params } from '../http/request';
import type { PageDeclaration } from '../pagination';

/**
 * A listing endpoint, declared: its path, how its arguments become the query (validating them,
 * throwing TypeError), and how its body becomes pages. The pagination engine does the rest.
 */
export interface ListEndpoint<Args extends readonly unknown[], Body, Item, Next, Extra>
  extends PageDeclaration<Body, Item, Next, Extra> {
  readonly path: string;
  readonly query: (...args: Args) => Params;
  /** Sent first in the query with the authenticated account's id (for "my followers"). */
  readonly accountParam?: string;
}

/** A single-request endpoint, declared. */
export interface CallEndpoint<Args extends readonly unknown[], Body, Result> {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** Query (GET) or form (POST) from the arguments; throws TypeError on bad arguments. */
  readonly params: (...args: Args) => Params;
  readonly body: t.Decoder<unknown, Body>;
  readonly result: (body: Body) => Result;
}

/** Declares a listing endpoint (an identity that lets TypeScript infer the types). */
export function listEndpoint<Args extends readonly unknown[], Body, Item, Next, Extra = {}>(
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
