import { rngFor } from '../random';
import { ACCOUNT, RESTRICTED, SHOWCASE, userIdOf, userIndexOf } from './layout';
import type { FakeFollow, Visibility } from './records';

/**
 * Who follows whom: seeded on first use, then changed by `follow/add` and `follow/delete`.
 * `version` grows with every change, so listings built from follows know when to rebuild.
 */
export class Follows {
  private readonly lists = new Map<number, FakeFollow[]>();
  private followerIndex: Map<number, number[]> | undefined;
  private readonly sets = new Map<number, Set<number>>();
  private changes = 0;

  constructor(
    private readonly seed: number,
    private readonly userCount: number,
  ) {}

  /** Grows with every follow or unfollow. */
  get version(): number {
    return this.changes;
  }

  /** Users `userId` follows, newest follow first. Other users' private follows are included. */
  followingOf(userId: number, restrict?: Visibility): readonly FakeFollow[] {
    const all = this.listOf(userId);
    return restrict ? all.filter((follow) => follow.restrict === restrict) : all.slice();
  }

  /** Users following `userId` (publicly), in a stable order. */
  followersOf(userId: number): readonly number[] {
    if (!this.followerIndex) {
      const index = new Map<number, number[]>();
      for (let k = 0; k < this.userCount; k++) {
        const id = userIdOf(k);
        for (const follow of this.listOf(id)) {
          if (follow.restrict !== 'public') continue;
          let list = index.get(follow.userId);
          if (!list) index.set(follow.userId, (list = []));
          list.push(id);
        }
      }
      this.followerIndex = index;
    }
    return this.followerIndex.get(userId) ?? [];
  }

  /** Whether `viewerId` follows `userId` (publicly or privately). */
  isFollowing(viewerId: number, userId: number): boolean {
    let set = this.sets.get(viewerId);
    if (!set) {
      set = new Set(this.listOf(viewerId).map((follow) => follow.userId));
      this.sets.set(viewerId, set);
    }
    return set.has(userId);
  }

  /** The follow of `userId` by `viewerId`, if any. */
  followOf(viewerId: number, userId: number): FakeFollow | undefined {
    return this.listOf(viewerId).find((follow) => follow.userId === userId);
  }

  /** Follows (or changes the visibility of a follow): the newest follow comes first. */
  follow(viewerId: number, userId: number, restrict: Visibility): void {
    const list = this.listOf(viewerId);
    const at = list.findIndex((follow) => follow.userId === userId);
    if (at >= 0) list.splice(at, 1);
    list.unshift({ userId, restrict });
    this.changed(viewerId);
  }

  /** Unfollows; `false` when there was no follow. */
  unfollow(viewerId: number, userId: number): boolean {
    const list = this.listOf(viewerId);
    const at = list.findIndex((follow) => follow.userId === userId);
    if (at < 0) return false;
    list.splice(at, 1);
    this.changed(viewerId);
    return true;
  }

  private changed(viewerId: number): void {
    this.changes++;
    this.followerIndex = undefined;
    this.sets.delete(viewerId);
  }

  private listOf(userId: number): FakeFollow[] {
    const k = userIndexOf(userId, this.userCount);
    if (k === undefined) return [];
    let list = this.lists.get(k);
    if (!list) {
      const rng = rngFor(this.seed, 'follows', k);
      const out: FakeFollow[] = [];
      if (k === ACCOUNT) {
        out.push({ userId: userIdOf(SHOWCASE), restrict: 'public' });
        for (let m = 4; m < this.userCount; m++) {
          const roll = rng.next();
          if (roll < 0.6) out.push({ userId: userIdOf(m), restrict: 'public' });
          else if (roll < 0.67) out.push({ userId: userIdOf(m), restrict: 'private' });
        }
      } else if (k !== RESTRICTED) {
        if (k >= 4 && rng.chance(0.7)) out.push({ userId: userIdOf(ACCOUNT), restrict: 'public' });
        const wanted = rng.int(16);
        const seen = new Set([k, ACCOUNT, RESTRICTED]);
        for (let i = 0; i < wanted * 3 && out.length < wanted; i++) {
          const m = rng.int(this.userCount);
          if (seen.has(m)) continue;
          seen.add(m);
          out.push({ userId: userIdOf(m), restrict: rng.chance(0.9) ? 'public' : 'private' });
        }
      }
      list = rng.sample(out, out.length);
      this.lists.set(k, list);
    }
    return list;
  }
}
