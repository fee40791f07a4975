import type { Visibility } from './records';

/** The fields every bookmark has. */
export interface BookmarkRecord {
  readonly bookmarkId: number;
  readonly restrict: Visibility;
  readonly tags: readonly string[];
}

interface BookState<B> {
  readonly bookmarks: B[];
  readonly byWork: Map<number, B>;
}

/** How one kind of bookmark (illustration or novel) is made. */
export interface BookmarkKind<B extends BookmarkRecord> {
  /** The bookmarked work's id. */
  workIdOf(bookmark: B): number;
  make(bookmarkId: number, workId: number, restrict: Visibility, tags: readonly string[]): B;
  /** A user's initial bookmarks, newest first (generated on first use). */
  initial(userId: number): B[];
}

/**
 * The live bookmarks of every user for one kind of work: seeded on first use, then changed by
 * `bookmark/add` and `bookmark/delete`.
 */
export class Bookmarks<B extends BookmarkRecord> {
  private readonly states = new Map<number, BookState<B>>();

  constructor(
    private readonly kind: BookmarkKind<B>,
    private nextBookmarkId: number,
  ) {}

  /** A user's bookmarks, newest first. */
  of(userId: number, restrict?: Visibility): readonly B[] {
    const state = this.state(userId);
    return restrict ? state.bookmarks.filter((b) => b.restrict === restrict) : state.bookmarks.slice();
  }

  /** A user's bookmark of a work. */
  get(userId: number, workId: number): B | undefined {
    return this.state(userId).byWork.get(workId);
  }

  /** Adds or updates a bookmark (a re-add keeps its place and takes the new visibility and tags). */
  add(userId: number, workId: number, restrict: Visibility, tags: readonly string[]): B {
    const state = this.state(userId);
    const old = state.byWork.get(workId);
    const bookmark = this.kind.make(old?.bookmarkId ?? this.nextBookmarkId++, workId, restrict, [...new Set(tags)]);
    if (old) state.bookmarks[state.bookmarks.indexOf(old)] = bookmark;
    else state.bookmarks.unshift(bookmark);
    state.byWork.set(workId, bookmark);
    return bookmark;
  }

  /** Removes a bookmark; `false` when there was none. */
  delete(userId: number, workId: number): boolean {
    const state = this.state(userId);
    const old = state.byWork.get(workId);
    if (!old) return false;
    state.byWork.delete(workId);
    state.bookmarks.splice(state.bookmarks.indexOf(old), 1);
    return true;
  }

  /** `{name, count}` of the tags a user gave their bookmarks, by name. */
  tagsOf(userId: number, restrict: Visibility): { name: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const bookmark of this.state(userId).bookmarks) {
      if (bookmark.restrict !== restrict) continue;
      for (const tag of bookmark.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
    return [...counts]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, count]) => ({ name, count }));
  }

  private state(userId: number): BookState<B> {
    let state = this.states.get(userId);
    if (!state) {
      const bookmarks = this.kind.initial(userId);
      state = { bookmarks, byWork: new Map(bookmarks.map((b) => [this.kind.workIdOf(b), b])) };
      this.states.set(userId, state);
    }
    return state;
  }
}
