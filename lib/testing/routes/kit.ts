import { ENVELOPES } from '../envelopes';
import { buildQuery, first, type ParsedParams } from '../params';
import { json, type FakeRequest, type Reply } from '../reply';
import type { Serializer, Viewer } from '../serialize';
import type { FakeIllustration, FakeNovel, FakeUser, FakeWorld, Visibility } from '../world';

/** Every list page holds at most this many items. */
export const PAGE_SIZE = 30;
/** Search refuses offsets past this: 400 `{"offset":["offset must be no more than 5000"]}`. */
export const MAX_SEARCH_OFFSET = 5000;

/** An endpoint: what it answers, given the request and the authenticated viewer. */
export type Handler = (request: FakeRequest, viewer: Viewer) => Reply;

/** Endpoints by `METHOD /path`. */
export type RouteTable = Record<string, Handler>;

/** A failed validation, answered as Pixiv does. */
export class Refusal extends Error {
  constructor(readonly reply: Reply) {
    super(`refused with ${reply.status}`);
  }
}

/** Stops the handler with this answer. */
export function refuse(status: number, body: unknown): never {
  throw new Refusal(json(status, body));
}

/** Stops the handler with Pixiv's 400 for an invalid parameter. */
export function invalid(field: string, message: string): never {
  refuse(400, ENVELOPES.invalidParams({ [field]: [message] }));
}

/** A required positive integer parameter. */
export function id(params: ParsedParams, name: string): number {
  const value = first(params, name);
  if (value === undefined || value === '') invalid(name, `${name} is required`);
  if (!/^\d{1,15}$/.test(value) || Number(value) <= 0) invalid(name, `${name} must be a positive integer`);
  return Number(value);
}

/** An optional non-negative integer parameter (`offset`, `last_order`). */
export function offset(params: ParsedParams, name = 'offset'): number {
  const value = first(params, name);
  if (value === undefined || value === '') return 0;
  if (!/^\d{1,9}$/.test(value)) invalid(name, name === 'offset' ? 'Offset must be an integer' : `${name} must be an integer`);
  return Number(value);
}

/** An optional id cursor (`max_bookmark_id`, `max_illust_id`…): `Infinity` when absent. */
export function maxCursor(params: ParsedParams, name: string): number {
  const value = first(params, name);
  if (value === undefined || value === '') return Infinity;
  if (!/^\d+$/.test(value)) invalid(name, 'is invalid');
  return Number(value);
}

/** A parameter that takes one of a few values. */
export function oneOf<T extends string>(params: ParsedParams, name: string, values: readonly T[], fallback?: T): T {
  const value = first(params, name) ?? fallback;
  if (value === undefined) invalid(name, `${name} is required`);
  if (!values.includes(value as T)) invalid(name, `${name} is invalid`);
  return value as T;
}

/** An optional `YYYY-MM-DD` date that must exist. */
export function date(params: ParsedParams, name: string): string | undefined {
  const value = first(params, name);
  if (value === undefined || value === '') return undefined;
  const parsed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const valid =
    parsed !== null &&
    new Date(Date.UTC(Number(parsed[1]), Number(parsed[2]) - 1, Number(parsed[3]))).toISOString().slice(0, 10) === value;
  if (!valid) invalid(name, `${name} is invalid`);
  return value;
}

/** `restrict` of bookmarks and follows. */
export const VISIBILITIES = ['public', 'private'] as const satisfies readonly Visibility[];

/** What every family of routes shares: the world, the serializer and the helpers over them. */
export class RouteContext {
  constructor(
    /** The world. */
    readonly world: FakeWorld,
    /** Records to JSON. */
    readonly serializer: Serializer,
    /** The origin `next_url`s are built on. */
    readonly apiBaseUrl: string,
  ) {}

  /** An absolute `next_url` with the parameters in order (undefined ones left out). */
  nextUrl(path: string, pairs: readonly (readonly [string, string | number | boolean | undefined])[]): string {
    return `${this.apiBaseUrl}${path}?${buildQuery(pairs)}`;
  }

  /** `offset` paging: the slice of a page and the next offset, or `null` at the end. */
  page<T>(list: readonly T[], start: number, size = PAGE_SIZE): { items: readonly T[]; next: number | null } {
    const next = start + size;
    return { items: list.slice(start, next), next: next < list.length ? next : null };
  }

  /** The illustration a parameter names (404 when there is none). */
  work(params: ParsedParams, name = 'illust_id'): FakeIllustration {
    const work = this.world.illustration(id(params, name));
    if (!work) refuse(404, ENVELOPES.workNotFound());
    return work;
  }

  /** The novel a parameter names (404 when there is none). */
  novel(params: ParsedParams, name = 'novel_id'): FakeNovel {
    const novel = this.world.novel(id(params, name));
    if (!novel) refuse(404, ENVELOPES.workNotFound());
    return novel;
  }

  /** The user a parameter names (404; 403 for the restricted user's detail). */
  user(params: ParsedParams, detail = false, name = 'user_id'): FakeUser {
    const user = this.world.user(id(params, name));
    if (!user) refuse(404, ENVELOPES.userNotFound());
    if (detail && user.role === 'restricted') refuse(403, ENVELOPES.accessRestricted());
    return user;
  }

  /** List items of illustration ids (deleted ones left out). */
  illusts(ids: readonly number[], viewer: Viewer): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const illustId of ids) {
      const work = this.world.illustration(illustId);
      if (work) out.push(this.serializer.illust(work, viewer, 'list'));
    }
    return out;
  }

  /** List items of novel ids. */
  novels(ids: readonly number[], viewer: Viewer): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const novelId of ids) {
      const novel = this.world.novel(novelId);
      if (novel) out.push(this.serializer.novel(novel, viewer, 'list'));
    }
    return out;
  }

  /** `user_previews` items: the user with up to 3 illustrations and 3 novels. */
  previews(userIds: readonly number[], viewer: Viewer): Record<string, unknown>[] {
    return userIds.map((userId) => {
      const user = this.world.user(userId) as FakeUser;
      const works: number[] = [];
      for (let position = 0; works.length < 3 && position < 10; position++) {
        const work = this.world.userWorkAt(userId, undefined, position);
        if (!work) break;
        if (!work.placeholder) works.push(work.id);
      }
      const novels = this.world.novelIdsOf(userId).filter((novelId) => !this.world.novel(novelId)?.placeholder).slice(0, 3);
      return {
        user: this.serializer.userRef(user, viewer),
        illusts: this.illusts(works, viewer),
        novels: this.novels(novels, viewer),
        is_muted: false,
      };
    });
  }

  /** Whether a viewer sees AI works in listings (`search_ai_type` overrides it in searches). */
  showsAi(viewer: Viewer): boolean {
    return this.world.settings.showAi(viewer.userId);
  }
}

/** The filter parameter as the request sent it (echoed into `next_url`s). */
export function filterOf(request: FakeRequest): string | undefined {
  return first(request.query, 'filter');
}
