import { NOVEL_SERIES_BASE, SERIES_BASE, SHOWCASE, ACCOUNT, userIdOf } from './layout';

/** `manga` or `novel`: the two watchlists. */
export type WatchlistKind = 'manga' | 'novel';

/**
 * The series each user watches, newest addition first: seeded (the account watches the
 * showcase user's first manga and novel series), then changed by `watchlist/…/add|delete`.
 */
export class Watchlists {
  private readonly lists = new Map<string, number[]>();

  /** The series ids a user watches, newest addition first. */
  of(userId: number, kind: WatchlistKind): readonly number[] {
    return this.list(userId, kind).slice();
  }

  /** Whether a user watches a series. */
  has(userId: number, kind: WatchlistKind, seriesId: number): boolean {
    return this.list(userId, kind).includes(seriesId);
  }

  /** Adds a series (again: it moves to the front). */
  add(userId: number, kind: WatchlistKind, seriesId: number): void {
    this.remove(userId, kind, seriesId);
    this.list(userId, kind).unshift(seriesId);
  }

  /** Removes a series; `false` when it was not there. */
  remove(userId: number, kind: WatchlistKind, seriesId: number): boolean {
    const list = this.list(userId, kind);
    const at = list.indexOf(seriesId);
    if (at < 0) return false;
    list.splice(at, 1);
    return true;
  }

  private list(userId: number, kind: WatchlistKind): number[] {
    const key = `${kind}|${userId}`;
    let list = this.lists.get(key);
    if (!list) {
      list = userId === userIdOf(ACCOUNT) ? [(kind === 'manga' ? SERIES_BASE : NOVEL_SERIES_BASE) + SHOWCASE * 4] : [];
      this.lists.set(key, list);
    }
    return list;
  }
}
