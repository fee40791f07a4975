import type { Illustrations } from './illustrations';
import { NOVEL_SERIES_BASE, SERIES_BASE, userIdOf } from './layout';
import type { Novels } from './novels';
import type { FakeSeries } from './records';

const CAPTIONS = ['', '不定期更新です。', '完結しました。ありがとうございました。', 'A slow story, updated monthly.'];

/** Manga series (`/v1/illust/series`) and novel series (`/v2/novel/series`). */
export class SeriesCatalog {
  private readonly cache = new Map<number, FakeSeries | null>();

  constructor(
    private readonly works: Illustrations,
    private readonly novels: Novels,
  ) {}

  /** A manga series. */
  manga(seriesId: number): FakeSeries | undefined {
    return this.find(seriesId, SERIES_BASE, 'manga');
  }

  /** A novel series. */
  novel(seriesId: number): FakeSeries | undefined {
    return this.find(seriesId, NOVEL_SERIES_BASE, 'novel');
  }

  /** The series of a kind that user index `k` has. */
  ofUser(k: number, kind: 'manga' | 'novel'): FakeSeries[] {
    const base = kind === 'manga' ? SERIES_BASE : NOVEL_SERIES_BASE;
    const out: FakeSeries[] = [];
    for (let s = 0; s < 4; s++) {
      const series = this.find(base + k * 4 + s, base, kind);
      if (series) out.push(series);
    }
    return out;
  }

  private find(seriesId: number, base: number, kind: 'manga' | 'novel'): FakeSeries | undefined {
    if (!Number.isSafeInteger(seriesId) || seriesId < base) return undefined;
    const key = kind === 'manga' ? seriesId : -seriesId;
    if (!this.cache.has(key)) this.cache.set(key, this.build(seriesId, base, kind));
    return this.cache.get(key) ?? undefined;
  }

  private build(seriesId: number, base: number, kind: 'manga' | 'novel'): FakeSeries | null {
    const k = Math.floor((seriesId - base) / 4);
    const counts = kind === 'manga' ? this.works.layout.counts : this.novels.layout.counts;
    if (k >= counts.length) return null;
    const ids: number[] = [];
    let title = '';
    if (kind === 'manga') {
      for (const id of this.works.idsOf(k, 'manga')) {
        const series = this.works.illustration(id)?.series;
        if (series?.id === seriesId) {
          ids.push(id);
          title = series.title;
        }
      }
    } else {
      for (let r = 0; r < (counts[k]); r++) {
        const series = this.novels.seriesAt(k, r);
        if (series?.id === seriesId) {
          ids.push(this.novels.layout.idOf(k, r));
          title = series.title;
        }
      }
    }
    if (ids.length === 0) return null;
    return { id: seriesId, kind, userId: userIdOf(k), title, caption: CAPTIONS[seriesId % CAPTIONS.length], workIds: ids.reverse() };
  }
}
