import { hash } from '../random';

/**
 * Where things are in the world: user ids, and for works and novels the slot scheme that makes
 * ids chronological like Pixiv's.
 *
 * Slot `s = (J - 1 - r) * U + k` holds the `r`-th newest item of user index `k` (U users, J the
 * largest item count), id `base + s`, and the creation time grows with the slot. So every user's
 * newest item is recent, and listing a user's items newest first is `r = 0, 1, 2…`, with no index
 * to build.
 */

/** User ids: `USER_BASE + k * USER_STRIDE`. */
export const USER_BASE = 20_000_041;
export const USER_STRIDE = 1_237;
/** Illustration ids start here. */
export const WORK_BASE = 100_000_000;
/** Novel ids start here (Pixiv's novel ids are a separate, smaller sequence). */
export const NOVEL_BASE = 20_000_000;
/** Bookmark ids of illustrations start here. */
export const BOOKMARK_BASE = 20_000_000_000;
/** Bookmark ids of novels start here. */
export const NOVEL_BOOKMARK_BASE = 9_000_000_000;
/** Manga series ids: `SERIES_BASE + k * 4 + s`. */
export const SERIES_BASE = 100_000;
/** Novel series ids: `NOVEL_SERIES_BASE + k * 4 + s`. */
export const NOVEL_SERIES_BASE = 10_000_000;
/** The newest work is created shortly before this instant (2025-02-01T12:00:00+09:00). */
export const WORLD_END = Date.UTC(2025, 1, 1, 3, 0, 0);
export const DAY_MS = 24 * 3600_000;

/** User indexes with a role. */
export const ACCOUNT = 0;
export const SHOWCASE = 1;
export const PROLIFIC = 2;
export const RESTRICTED = 3;
export const PLACEHOLDER_HOST = 4;

/** Formats an epoch-ms instant as Pixiv does: `2025-02-01T12:00:00+09:00`. */
export function jstIso(ms: number): string {
  const d = new Date(ms + 9 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+09:00`
  );
}

/** The `YYYY/MM/DD/hh/mm/ss` (Tokyo time) of image paths. */
export function jstDatePath(ms: number): string {
  return jstIso(ms).slice(0, 19).replace(/[-T:]/g, '/');
}

/** The first instant of a Tokyo day (`YYYY-MM-DD`). */
export function tokyoDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+09:00`);
}

/** 32 hex digits, like the hashes in pximg file names. */
export function hex32(...parts: readonly (number | string)[]): string {
  return [0, 1, 2, 3].map((i) => hash(...parts, i).toString(16).padStart(8, '0')).join('');
}

/** The id of the user with index `k`. */
export function userIdOf(k: number): number {
  return USER_BASE + k * USER_STRIDE;
}

/** Index of a user id (`undefined` for ids no user has). */
export function userIndexOf(id: number, userCount: number): number | undefined {
  if (!Number.isSafeInteger(id)) return undefined;
  const offset = id - USER_BASE;
  if (offset < 0 || offset % USER_STRIDE !== 0) return undefined;
  const k = offset / USER_STRIDE;
  return k < userCount ? k : undefined;
}

/** The chronological slots of one kind of item (illustrations or novels). */
export class SlotLayout {
  /** The largest item count of a user. */
  readonly maxCount: number;
  /** Time between two slots. */
  readonly stepMs: number;
  /** Number of slots. */
  readonly total: number;

  constructor(
    /** Items per user index. */
    readonly counts: readonly number[],
    /** Id of slot 0. */
    readonly base: number,
    spanMs: number,
    private readonly seed: number,
    private readonly salt: string,
  ) {
    this.maxCount = Math.max(1, ...counts);
    this.total = this.maxCount * counts.length;
    const step = spanMs / this.total;
    // whole seconds when the world is roomy (the times of the default world); finer when crowded
    this.stepMs = step >= 1000 ? Math.floor(step / 1000) * 1000 : step;
  }

  /** The id of the `r`-th newest item of user index `k`. */
  idOf(k: number, r: number): number {
    return this.base + (this.maxCount - 1 - r) * this.counts.length + k;
  }

  /** Where an id is, or `undefined` when no item has it. */
  locate(id: number): { k: number; r: number } | undefined {
    if (!Number.isSafeInteger(id)) return undefined;
    const slot = id - this.base;
    if (slot < 0) return undefined;
    const k = slot % this.counts.length;
    const r = this.maxCount - 1 - Math.floor(slot / this.counts.length);
    return r >= 0 && r < (this.counts[k]) ? { k, r } : undefined;
  }

  /** Creation time of a slot (whole seconds, never decreasing with the slot). */
  timeOfSlot(slot: number): number {
    const h = hash(this.seed, this.salt, slot);
    const start = WORLD_END - (this.total - slot) * this.stepMs;
    if (Number.isInteger(this.stepMs)) return start + Math.floor((h % this.stepMs) / 1000) * 1000;
    return Math.floor((start + (h / 4294967296) * this.stepMs) / 1000) * 1000;
  }

  /** Creation time of an item. */
  timeOf(id: number): number {
    return this.timeOfSlot(id - this.base);
  }

  /** The largest slot created no later than `ms` (-1 when none). */
  slotBefore(ms: number): number {
    const slot = this.total - Math.ceil((WORLD_END - ms) / this.stepMs) - 1;
    return Math.min(slot, this.total - 1);
  }
}
