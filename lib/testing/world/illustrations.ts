import type { Rng } from '../random';
import { hash, rngFor } from '../random';
import {
  AI_TAG,
  MANGA_TAG,
  ORDINARY_TAGS,
  PROLIFIC_TAG,
  R18G_TAG,
  R18_TAG,
  TAGS,
  TITLE_WORDS,
  TOOLS,
  UGOIRA_TAG,
} from '../vocabulary';
import { replyCountOf, topCommentCountOf } from './comments';
import { ACCOUNT, PLACEHOLDER_HOST, PROLIFIC, SERIES_BASE, SHOWCASE, jstDatePath, jstIso, userIdOf, type SlotLayout } from './layout';
import type { FakeIllustration, PlaceholderKind, WorkType } from './records';

interface Skeleton {
  readonly type: WorkType;
  readonly pageCount: number;
  readonly placeholder: PlaceholderKind | null;
  readonly xRestrict: 0 | 1 | 2;
}

/** What an illustration generator needs to know of the rest of the world. */
export interface IllustrationContext {
  readonly seed: number;
  readonly legacyFieldRate: number;
  /** Origin of `i.pximg.net` URLs in records. */
  readonly imageBaseUrl: string;
  /** Origin of `s.pximg.net` URLs (placeholders). */
  readonly commonBaseUrl: string;
  userName(k: number): string;
}

/** Image sizes of a page. */
export type ImageSize = 'square_medium' | 'medium' | 'large' | 'original';

/**
 * The illustrations, manga and ugoira: generated lazily and in O(1) per work, so a user with
 * 10,000 works costs nothing until it is listed.
 */
export class Illustrations {
  private readonly works = new Map<number, FakeIllustration>();
  private readonly deleted = new Set<number>();
  private readonly typeIndexes = new Map<string, Int32Array>();

  constructor(
    /** The slots of works. */
    readonly layout: SlotLayout,
    private readonly context: IllustrationContext,
  ) {}

  /** The work with this id, or `undefined` when there is none or it was deleted. */
  illustration(id: number): FakeIllustration | undefined {
    if (this.deleted.has(id)) return undefined;
    const at = this.layout.locate(id);
    return at && this.work(at.k, at.r);
  }

  /** Whether a work was deleted. */
  isDeleted(id: number): boolean {
    return this.deleted.has(id);
  }

  /** Marks a work deleted: its detail answers 404 and listings skip it. */
  delete(id: number): void {
    this.deleted.add(id);
  }

  /** The work at a user index and newest-first rank (deleted or not). */
  work(k: number, r: number): FakeIllustration {
    const id = this.layout.idOf(k, r);
    const cached = this.works.get(id);
    if (cached) return cached;
    if (this.works.size > 200_000) this.works.clear();
    const work = this.makeWork(k, r, id);
    this.works.set(id, work);
    return work;
  }

  /** Ids of the works of user index `k`, newest first, optionally of one listing type (`illust` includes ugoira). */
  idsOf(k: number, type?: 'illust' | 'manga'): number[] {
    const ids: number[] = [];
    for (const r of this.typeIndex(k, type)) {
      const id = this.layout.idOf(k, r);
      if (!this.deleted.has(id)) ids.push(id);
    }
    return ids;
  }

  /** The ranks of a user index's works of a listing type, newest first. */
  typeIndex(k: number, type: 'illust' | 'manga' | undefined): Int32Array {
    const key = `${k}|${type ?? ''}`;
    let index = this.typeIndexes.get(key);
    if (!index) {
      const count = this.layout.counts[k];
      const rs: number[] = [];
      for (let r = 0; r < count; r++) {
        if (!type) rs.push(r);
        else {
          const t = this.skeleton(k, r).type;
          if (type === 'manga' ? t === 'manga' : t !== 'manga') rs.push(r);
        }
      }
      index = Int32Array.from(rs);
      this.typeIndexes.set(key, index);
    }
    return index;
  }

  /** The type of a slot's work, without generating the work. */
  typeOf(k: number, r: number): WorkType {
    return this.skeleton(k, r).type;
  }

  /** A random existing work created at a slot no later than `maxSlot`. */
  random(rng: Rng, maxSlot: number): FakeIllustration | undefined {
    const counts = this.layout.counts;
    const k = rng.int(counts.length);
    const count = counts[k];
    if (count === 0) return undefined;
    const r = rng.int(count);
    const id = this.layout.idOf(k, r);
    if (id - this.layout.base > maxSlot || this.deleted.has(id)) return undefined;
    return this.work(k, r);
  }

  /** Up to `size` distinct random works that `accept` takes. */
  pick(rng: Rng, size: number, maxSlot: number, accept: (work: FakeIllustration) => boolean): number[] {
    const ids = new Set<number>();
    for (let attempt = 0; attempt < size * 40 && ids.size < size; attempt++) {
      const w = this.random(rng, maxSlot);
      if (w && accept(w)) ids.add(w.id);
    }
    return [...ids];
  }

  /** `illust_ai_type` of a work: 0 undefined, 1 not AI, 2 AI. */
  aiTypeOf(id: number): 0 | 1 | 2 {
    const roll = hash(this.context.seed, 'ai', id) / 4294967296;
    return roll < 0.3 ? 0 : roll < 0.92 ? 1 : 2;
  }

  /** Indexes into TAGS of a slot's work's tags (cheap: search scans these, not whole works). */
  tagIndexesAt(k: number, r: number): number[] {
    return this.tagIndexesOf(this.layout.idOf(k, r), k, this.skeleton(k, r));
  }

  /** Title and caption of a work (cheap). */
  textOf(id: number): { title: string; caption: string } {
    const rng = rngFor(this.context.seed, 'text', id);
    const title = rng.chance(0.3) ? `${rng.pick(TITLE_WORDS)} ${rng.between(1, 30)}` : rng.pick(TITLE_WORDS);
    const caption = rng.chance(0.4)
      ? ''
      : rng.pick([
          '',
          'はじめての投稿です。<br />よろしくお願いします。',
          'Commission work.',
          '落書きです',
          '新作です！<br /><a href="https://www.pixiv.net/users/1" target="_blank">pixiv</a>',
        ]);
    return { title, caption };
  }

  /** The path of a page's image of a size. */
  imagePath(work: FakeIllustration, page: number, size: ImageSize, webp: boolean): string {
    const base = work.type === 'ugoira' ? `${work.id}` : `${work.id}_p${page}`;
    const img = `img/${work.datePath}`;
    switch (size) {
      case 'square_medium':
        return `/c/${webp ? '360x360_10_webp' : '360x360_70'}/img-master/${img}/${base}_square1200.jpg`;
      case 'medium':
        return `/c/540x540_70/img-master/${img}/${base}_master1200.jpg`;
      case 'large':
        return `/c/${webp ? '600x1200_90_webp' : '600x1200_90'}/img-master/${img}/${base}_master1200.jpg`;
      case 'original':
        return work.type === 'ugoira'
          ? `/img-original/${img}/${work.id}_ugoira0.jpg`
          : `/img-original/${img}/${base}.${work.originalExtension}`;
    }
  }

  /** The path of a placeholder image. */
  placeholderPath(kind: PlaceholderKind): string {
    return `/common/images/limit_${kind}_360.png`;
  }

  private skeleton(k: number, r: number): Skeleton {
    const rng = rngFor(this.context.seed, 'skeleton', k, r);
    if (k === SHOWCASE) {
      if (r % 20 === 7) return { type: 'ugoira', pageCount: 1, placeholder: null, xRestrict: 0 };
      if (r % 10 === 1) return { type: 'manga', pageCount: rng.between(3, 6), placeholder: null, xRestrict: 0 };
      if (r % 10 === 4) return { type: 'illust', pageCount: 2, placeholder: null, xRestrict: 0 };
      return { type: 'illust', pageCount: 1, placeholder: null, xRestrict: 0 };
    }
    if (k === PROLIFIC) {
      if (r % 97 === 50) return { type: 'ugoira', pageCount: 1, placeholder: null, xRestrict: 0 };
      // every work is listed by type=illust (the client's default), so "N works" pages N works
      if (r % 7 === 3) return { type: 'illust', pageCount: 2, placeholder: null, xRestrict: 0 };
      return { type: 'illust', pageCount: 1, placeholder: null, xRestrict: 0 };
    }
    const roll = rng.next();
    const type: WorkType = roll < 0.72 ? 'illust' : roll < 0.92 ? 'manga' : 'ugoira';
    const pageCount =
      type === 'ugoira' ? 1 : type === 'manga' ? rng.between(1, 12) : rng.chance(0.15) ? rng.between(2, 4) : 1;
    const xRoll = rng.next();
    const xRestrict = xRoll < 0.88 ? 0 : xRoll < 0.98 ? 1 : 2;
    let placeholder: PlaceholderKind | null = null;
    if (k === PLACEHOLDER_HOST && r === 1) placeholder = 'sanity_level';
    else if (k !== ACCOUNT && rng.chance(0.04)) {
      placeholder = rng.pick(['sanity_level', 'sanity_level', 'unviewable', 'mypixiv', 'unknown', 'r18'] as const);
    }
    return { type, pageCount, placeholder, xRestrict };
  }

  private tagIndexesOf(id: number, k: number, sk: Skeleton): number[] {
    const rng = rngFor(this.context.seed, 'tags', id);
    const tags: number[] = [];
    if (sk.xRestrict === 1) tags.push(R18_TAG);
    if (sk.xRestrict === 2) tags.push(R18G_TAG);
    if (sk.type === 'ugoira') tags.push(UGOIRA_TAG);
    if (sk.type === 'manga') tags.push(MANGA_TAG);
    if (this.aiTypeOf(id) === 2) tags.push(AI_TAG);
    tags.push(...rng.sample(ORDINARY_TAGS, rng.between(2, 8)));
    if (k === PROLIFIC) tags.push(PROLIFIC_TAG);
    return tags;
  }

  private makeWork(k: number, r: number, id: number): FakeIllustration {
    const { seed, imageBaseUrl, commonBaseUrl } = this.context;
    const sk = this.skeleton(k, r);
    const rng = rngFor(seed, 'work', id);
    const time = this.layout.timeOf(id);
    const datePath = jstDatePath(time);
    const aiType = this.aiTypeOf(id);
    const tagIndexes = this.tagIndexesOf(id, k, sk);
    const legacy = rng.chance(this.context.legacyFieldRate);
    let series: FakeIllustration['series'] = null;
    if (k === SHOWCASE && sk.type === 'manga') {
      const s = r < 50 ? 0 : 1;
      series = { id: SERIES_BASE + k * 4 + s, title: s === 0 ? '白昼夢の記録' : 'Blue Hour Diaries' };
    } else if (k !== SHOWCASE && sk.type === 'manga' && rng.chance(0.3)) {
      const s = rng.int(2);
      series = { id: SERIES_BASE + k * 4 + s, title: `${this.context.userName(k)}の連載${s + 1}` };
    }
    const landscape = rng.chance(0.5);
    const [width, height] =
      sk.type === 'ugoira'
        ? rng.pick([[600, 600], [1280, 720], [1080, 1080]] as const)
        : sk.type === 'manga'
          ? [1200, 1700]
          : [landscape ? rng.between(1400, 3000) : rng.between(800, 1600), landscape ? rng.between(800, 1600) : rng.between(1400, 3000)];
    const totalView = Math.floor(Math.exp(rng.next() * 11.5)) + 50;
    const totalBookmarks = Math.floor(totalView * (0.02 + rng.next() * 0.18));
    const originalExtension = rng.chance(0.6) ? 'png' : 'jpg';
    const { title, caption } = this.textOf(id);
    const tools = rng.pick(TOOLS);
    const restrictionAttributes = !sk.placeholder && rng.chance(0.05) ? ['restricted_mode'] : undefined;
    const bookStyle: 0 | 1 = sk.type === 'manga' && rng.chance(0.3) ? 1 : 0;
    const sanityLevel = sk.xRestrict > 0 ? 6 : rng.chance(0.8) ? 2 : 4;
    const ugoiraFrames =
      sk.type === 'ugoira'
        ? Array.from({ length: rng.between(6, 24) }, (_, i) => ({
            file: `${String(i).padStart(6, '0')}.jpg`,
            delay: rng.pick([40, 50, 60, 70, 80, 100]),
          }))
        : null;
    const partial = {
      id,
      userId: userIdOf(k),
      type: sk.type,
      title,
      caption,
      createDate: jstIso(time),
      datePath,
      width,
      height,
      pageCount: sk.pageCount,
      tags: tagIndexes.map((i) => TAGS[i]),
      tools,
      xRestrict: sk.xRestrict,
      sanityLevel,
      series,
      totalView,
      totalBookmarks,
      totalComments: 0,
      aiType: legacy ? undefined : aiType,
      bookStyle: legacy ? undefined : bookStyle,
      restrictionAttributes,
      placeholder: sk.placeholder,
      originalExtension,
      ugoiraFrames,
      originalUrls: [] as string[],
      zipUrls: null as FakeIllustration['zipUrls'],
    } satisfies FakeIllustration;
    if (sk.placeholder) partial.originalUrls.push(commonBaseUrl + this.placeholderPath(sk.placeholder));
    else {
      for (let page = 0; page < sk.pageCount; page++) {
        partial.originalUrls.push(imageBaseUrl + this.imagePath(partial, page, 'original', false));
      }
    }
    if (sk.type === 'ugoira') {
      const zip = `${imageBaseUrl}/img-zip-ugoira/img/${datePath}/${id}`;
      partial.zipUrls = { medium: `${zip}_ugoira600x600.zip`, large: `${zip}_ugoira1920x1080.zip` };
    }
    const newest = k === SHOWCASE && r === 0;
    const top = sk.placeholder ? 0 : topCommentCountOf(seed, id, newest);
    let replies = 0;
    for (let c = 0; c < top; c++) replies += replyCountOf(seed, id, newest, c);
    partial.totalComments = top + replies;
    return partial;
  }
}
