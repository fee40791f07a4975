import { rngFor } from '../random';
import { ORDINARY_TAGS, TAGS } from '../vocabulary';
import type { Follows } from './follows';
import type { Illustrations } from './illustrations';
import { DAY_MS, jstIso, userIndexOf } from './layout';
import type { ListCache } from './list-cache';
import type { FakeTag, RankingMode, Visibility } from './records';

const RANKING_SIZE = 150;
const RELATED_SIZE = 150;
const RECOMMENDED_SIZE = 300;

/** The illustration listings that are not a user's own: rankings, related, recommended, feeds. */
export class IllustrationFeeds {
  constructor(
    private readonly seed: number,
    private readonly works: Illustrations,
    private readonly follows: Follows,
    private readonly cache: ListCache,
    /** The world's "now". */
    private readonly now: number,
  ) {}

  /** The ranking of a mode on a date (`YYYY-MM-DD`), up to 150 ids. */
  ranking(mode: RankingMode, date: string): readonly number[] {
    return this.cache.get(`ranking|${mode}|${date}`, () => {
      const end = Date.parse(`${date}T23:59:59+09:00`);
      const maxSlot = this.works.layout.slotBefore(end);
      if (maxSlot < 0) return [];
      const manga = mode.includes('manga');
      const xRestrict = mode.endsWith('r18g') ? 2 : mode.includes('r18') ? 1 : 0;
      return this.works.pick(rngFor(this.seed, 'ranking', mode, date), RANKING_SIZE, maxSlot, (w) => {
        if (w.placeholder || w.xRestrict !== xRestrict) return false;
        return manga ? w.type === 'manga' : true;
      });
    });
  }

  /** The date of the newest ranking (the day before the world's "now"). */
  get latestRankingDate(): string {
    return jstIso(this.now - DAY_MS).slice(0, 10);
  }

  /** Works related to a work, in the order `/v2/illust/related` serves them. */
  related(illustId: number): readonly number[] {
    return this.cache.get(`related|${illustId}`, () =>
      this.works.pick(rngFor(this.seed, 'related', illustId), RELATED_SIZE, Infinity, (w) =>
        w.id !== illustId && !w.placeholder && w.xRestrict === 0,
      ),
    );
  }

  /** The recommendation stream of a viewer for a content type. */
  recommended(viewerId: number, contentType: 'illust' | 'manga'): readonly number[] {
    return this.cache.get(`recommended|${viewerId}|${contentType}`, () =>
      this.works.pick(rngFor(this.seed, 'recommended', viewerId, contentType), RECOMMENDED_SIZE, Infinity, (w) => {
        if (w.userId === viewerId || w.placeholder || w.xRestrict !== 0) return false;
        return contentType === 'manga' ? w.type === 'manga' : w.type !== 'manga';
      }),
    );
  }

  /** The following feed: works of the users `viewerId` follows with `restrict`, newest first. */
  followingFeed(viewerId: number, restrict: Visibility): readonly number[] {
    return this.cache
      .get(`follow|${viewerId}|${restrict}|${this.follows.version}`, () => {
        const ids: number[] = [];
        for (const follow of this.follows.followingOf(viewerId, restrict)) {
          const k = userIndexOf(follow.userId, this.works.layout.counts.length);
          if (k !== undefined) ids.push(...this.works.idsOf(k));
        }
        return ids.sort((a, b) => b - a);
      })
      .filter((id) => !this.works.isDeleted(id));
  }

  /** Every work of a listing type, newest first (`/v1/illust/new`). */
  newest(type: 'illust' | 'manga'): readonly number[] {
    return this.cache
      .get(`new|${type}`, () => {
        const ids: number[] = [];
        const counts = this.works.layout.counts;
        for (let k = 0; k < counts.length; k++) {
          for (const r of this.works.typeIndex(k, type)) ids.push(this.works.layout.idOf(k, r));
        }
        return ids.sort((a, b) => b - a);
      })
      .filter((id) => !this.works.isDeleted(id));
  }

  /** Trending tags: `{tag, illustId}` pairs, each work carrying its tag (`salt` makes another list). */
  trendingTags(salt = 'trending'): readonly { tag: FakeTag; illustId: number }[] {
    const ids = this.cache.get(salt, () => {
      const rng = rngFor(this.seed, salt);
      const seen = new Set<string>();
      const out: number[] = [];
      for (let attempt = 0; attempt < 400 && out.length < 40; attempt++) {
        const w = this.works.random(rng, Infinity);
        if (!w || w.placeholder || w.xRestrict !== 0) continue;
        const tag = w.tags.find((t) => !seen.has(t.name) && ORDINARY_TAGS.includes(TAGS.indexOf(t)));
        if (!tag) continue;
        seen.add(tag.name);
        out.push(w.id, TAGS.indexOf(tag));
      }
      return out;
    });
    const result: { tag: FakeTag; illustId: number }[] = [];
    for (let i = 0; i < ids.length; i += 2) {
      result.push({ illustId: ids[i], tag: TAGS[ids[i + 1]] });
    }
    return result;
  }
}
