import { rngFor } from '../random';
import { TAGS } from '../vocabulary';
import type { Follows } from './follows';
import { userIndexOf } from './layout';
import type { ListCache } from './list-cache';
import type { Novels } from './novels';
import type { FakeNovel, NovelRankingMode, NovelSearchTarget, SearchSort, Visibility } from './records';
import { matchingTags, searchTerms, searchWindow, type SearchFilters } from './search';

const RANKING_SIZE = 100;
const RECOMMENDED_SIZE = 120;

/** The novel listings: rankings, recommended, follow feed, new novels and search. */
export class NovelFeeds {
  constructor(
    private readonly seed: number,
    private readonly novels: Novels,
    private readonly follows: Follows,
    private readonly cache: ListCache,
    private readonly now: number,
  ) {}

  /** The novel ranking of a mode on a date (`YYYY-MM-DD`). */
  ranking(mode: NovelRankingMode, date: string): readonly number[] {
    return this.cache.get(`novel-ranking|${mode}|${date}`, () => {
      const end = Date.parse(`${date}T23:59:59+09:00`);
      const xRestrict = mode.endsWith('r18g') ? 2 : mode.includes('r18') ? 1 : 0;
      const ai = mode.endsWith('_ai');
      const eligible = this.novels.all().filter((id) => {
        const novel = this.novels.novel(id) as FakeNovel;
        if (novel.placeholder || novel.xRestrict !== xRestrict || Date.parse(novel.createDate) > end) return false;
        return !ai || this.isAi(novel);
      });
      return rngFor(this.seed, 'novel-ranking', mode, date).sample(eligible, RANKING_SIZE);
    });
  }

  /** Recommended novels of a viewer. */
  recommended(viewerId: number): readonly number[] {
    return this.cache.get(`novel-recommended|${viewerId}`, () => {
      const eligible = this.novels.all().filter((id) => {
        const novel = this.novels.novel(id) as FakeNovel;
        return novel.userId !== viewerId && !novel.placeholder && novel.xRestrict === 0;
      });
      return rngFor(this.seed, 'novel-recommended', viewerId).sample(eligible, RECOMMENDED_SIZE);
    });
  }

  /** Novels of the users `viewerId` follows (`all`: either visibility), newest first. */
  following(viewerId: number, restrict: Visibility | 'all'): readonly number[] {
    return this.cache.get(`novel-follow|${viewerId}|${restrict}|${this.follows.version}`, () => {
      const ids: number[] = [];
      for (const follow of this.follows.followingOf(viewerId, restrict === 'all' ? undefined : restrict)) {
        const k = userIndexOf(follow.userId, this.novels.layout.counts.length);
        if (k !== undefined) ids.push(...this.novels.idsOf(k));
      }
      return ids.sort((a, b) => b - a);
    });
  }

  /** Every novel, newest first (`/v1/novel/new`). */
  newest(): readonly number[] {
    return this.cache.get('novel-new', () => this.novels.all());
  }

  /** `/v1/search/novel`. */
  search(word: string, target: NovelSearchTarget, sort: SearchSort, filters: SearchFilters = {}): readonly number[] {
    const terms = searchTerms(word);
    const all = this.cache.get(`novel-search|${target}|${terms.join(' ')}`, () => {
      const tagSets = matchingTags(terms, target === 'exact_match_for_tags');
      return this.novels.all().filter((id) => {
        const novel = this.novels.novel(id) as FakeNovel;
        const byTags = () => tagSets.every((set) => novel.tags.some((tag) => set.has(TAGS.indexOf(tag))));
        if (target === 'text') return terms.every((term) => novel.text.toLowerCase().includes(term));
        if (target === 'keyword') {
          const text = `${novel.title}\n${novel.caption}\n${novel.tags.map((t) => t.name).join('\n')}`.toLowerCase();
          return terms.every((term) => text.includes(term)) || byTags();
        }
        return byTags();
      });
    });
    const [from, to] = searchWindow(filters, this.now);
    const ids = all.filter((id) => {
      const novel = this.novels.novel(id) as FakeNovel;
      if (filters.hideAi && this.isAi(novel)) return false;
      const time = Date.parse(novel.createDate);
      return time >= from && time < to;
    });
    if (sort === 'date_asc') return ids.reverse();
    if (sort === 'popular_desc') {
      const score = (id: number) => {
        const novel = this.novels.novel(id) as FakeNovel;
        return novel.placeholder ? 0 : novel.totalBookmarks;
      };
      return ids.sort((a, b) => score(b) - score(a) || b - a);
    }
    return ids;
  }

  /** Whether a novel is AI-generated (also when its body predates `novel_ai_type`). */
  isAi(novel: FakeNovel): boolean {
    const at = this.novels.layout.locate(novel.id);
    return at !== undefined && this.novels.aiTypeAt(at.k, at.r) === 2;
  }
}
