import { TAGS } from '../vocabulary';
import type { Illustrations } from './illustrations';
import { DAY_MS, tokyoDayStart } from './layout';
import type { ListCache } from './list-cache';
import type { SearchDuration, SearchSort, SearchTarget } from './records';

/** Filters every search takes besides the word. */
export interface SearchFilters {
  readonly duration?: SearchDuration;
  /** First Tokyo day (`YYYY-MM-DD`) of the window, inclusive. */
  readonly startDate?: string;
  /** Last Tokyo day of the window, inclusive. */
  readonly endDate?: string;
  /** Leave AI-generated works out (`search_ai_type=1`, or the account's AI setting). */
  readonly hideAi?: boolean;
}

/** The search words split as Pixiv splits them (spaces, ideographic spaces), lower case. */
export function searchTerms(word: string): string[] {
  return word
    .toLowerCase()
    .split(/[\s\u3000]+/)
    .filter(Boolean);
}

/** Per term, the indexes of the vocabulary tags it matches. */
export function matchingTags(terms: readonly string[], exact: boolean): Set<number>[] {
  return terms.map(
    (term) =>
      new Set(
        TAGS.flatMap((tag, i) => {
          const name = tag.name.toLowerCase();
          const hit = exact ? name === term : name.includes(term) || !!tag.en?.toLowerCase().includes(term);
          return hit ? [i] : [];
        }),
      ),
  );
}

/** The `[from, to)` instants of a date window and a duration, relative to the world's "now". */
export function searchWindow(filters: SearchFilters, now: number): [number, number] {
  let from = -Infinity;
  let to = Infinity;
  if (filters.duration) {
    const days = filters.duration === 'within_last_day' ? 1 : filters.duration === 'within_last_week' ? 7 : 30;
    from = now - days * DAY_MS;
  }
  if (filters.startDate) from = Math.max(from, tokyoDayStart(filters.startDate));
  if (filters.endDate) to = tokyoDayStart(filters.endDate) + DAY_MS;
  return [from, to];
}

/** `/v1/search/illust` over the world. */
export class IllustrationSearch {
  constructor(
    private readonly works: Illustrations,
    private readonly cache: ListCache,
    private readonly now: number,
  ) {}

  /**
   * Search results, in `sort` order. The first search for a word scans the world once (O(works));
   * its result is cached.
   */
  search(word: string, target: SearchTarget, sort: SearchSort, filters: SearchFilters = {}): readonly number[] {
    const terms = searchTerms(word);
    const { layout } = this.works;
    const all = this.cache.get(`search|${target}|${terms.join(' ')}`, () => {
      // per term, the vocabulary tags it matches; then a scan of tag indexes, not of whole works
      const tagSets = matchingTags(terms, target === 'exact_match_for_tags');
      const ids: number[] = [];
      for (let k = 0; k < layout.counts.length; k++) {
        for (let r = 0; r < (layout.counts[k]); r++) {
          const id = layout.idOf(k, r);
          if (target === 'title_and_caption') {
            const { title, caption } = this.works.textOf(id);
            const text = `${title}\n${caption}`.toLowerCase();
            if (terms.every((term) => text.includes(term))) ids.push(id);
          } else {
            const tags = this.works.tagIndexesAt(k, r);
            if (tagSets.every((set) => tags.some((i) => set.has(i)))) ids.push(id);
          }
        }
      }
      return ids.sort((a, b) => b - a);
    });
    const [from, to] = searchWindow(filters, this.now);
    const windowed = from !== -Infinity || to !== Infinity;
    const ids = all.filter((id) => {
      if (this.works.isDeleted(id)) return false;
      if (filters.hideAi && this.works.aiTypeOf(id) === 2) return false;
      if (!windowed) return true;
      const time = layout.timeOf(id);
      return time >= from && time < to;
    });
    if (sort === 'date_asc') return ids.reverse();
    if (sort === 'popular_desc') {
      // a placeholder shows total_bookmarks 0, so it sorts last
      const popularity = new Map(
        ids.map((id) => {
          const work = this.works.illustration(id);
          return [id, work && !work.placeholder ? work.totalBookmarks : 0];
        }),
      );
      return ids.sort((a, b) => (popularity.get(b) as number) - (popularity.get(a) as number) || b - a);
    }
    return ids;
  }
}
