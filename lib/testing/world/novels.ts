import { hash, rngFor, type Rng } from '../random';
import {
  AI_NOVEL_TAG,
  NOVEL_SENTENCES,
  NOVEL_TAGS,
  NOVEL_TITLES,
  ORDINARY_TAGS,
  R18G_TAG,
  R18_TAG,
  TAGS,
} from '../vocabulary';
import { topCommentCountOf } from './comments';
import {
  ACCOUNT,
  NOVEL_SERIES_BASE,
  PLACEHOLDER_HOST,
  SHOWCASE,
  hex32,
  jstDatePath,
  jstIso,
  userIdOf,
  type SlotLayout,
} from './layout';
import type { FakeNovel, FakeNovelImage, PlaceholderKind } from './records';

/** What the novel generator needs to know of the rest of the world. */
export interface NovelContext {
  readonly seed: number;
  readonly legacyFieldRate: number;
  readonly imageBaseUrl: string;
  readonly commonBaseUrl: string;
  userName(k: number): string;
  /** Illustrations a text may show: a single-page one and a multi-page one (`[pixivimage:ID-N]`). */
  pixivImages(): { readonly single: number; readonly multi: number; readonly multiPages: number };
}

/** The sizes of an uploaded novel image. */
const UPLOADED_SIZES = {
  '240mw': ['c/240x480_80/novel-cover-master', 'master1200'],
  '480mw': ['c/480x960/novel-cover-master', 'master1200'],
  '1200x1200': ['c/1200x1200/novel-cover-master', 'master1200'],
  '128x128': ['c/128x128/novel-cover-master', 'square1200'],
} as const;

/** The file stem of the `index`-th uploaded image of a novel: `tei` + the novel id + 4 digits. */
export function uploadedImageStem(seed: number, novelId: number, index: number): string {
  return `tei${novelId}${String(index).padStart(4, '0')}_${hex32(seed, 'tei', novelId, index)}`;
}

/** The file stem of a novel's uploaded cover. */
export function coverStem(seed: number, novelId: number): string {
  return `${novelId}_${hex32(seed, 'cover', novelId)}`;
}

/**
 * The novels: chronological ids like the illustrations', generated lazily with their text
 * (markup of every kind) and uploaded images.
 */
export class Novels {
  private readonly cache = new Map<number, FakeNovel>();

  constructor(
    /** The slots of novels. */
    readonly layout: SlotLayout,
    private readonly context: NovelContext,
  ) {}

  /** The novel with this id. */
  novel(id: number): FakeNovel | undefined {
    const at = this.layout.locate(id);
    if (!at) return undefined;
    let novel = this.cache.get(id);
    if (!novel) {
      novel = this.make(at.k, at.r, id);
      this.cache.set(id, novel);
    }
    return novel;
  }

  /** Ids of the novels of user index `k`, newest first. */
  idsOf(k: number): number[] {
    const ids: number[] = [];
    for (let r = 0; r < (this.layout.counts[k] ?? 0); r++) ids.push(this.layout.idOf(k, r));
    return ids;
  }

  /** Every novel id, newest first. */
  all(): number[] {
    const ids: number[] = [];
    this.layout.counts.forEach((count, k) => {
      for (let r = 0; r < count; r++) ids.push(this.layout.idOf(k, r));
    });
    return ids.sort((a, b) => b - a);
  }

  /** The series a slot's novel is in, and its place (0-based, oldest first) is derived by the series. */
  seriesAt(k: number, r: number): { id: number; title: string } | null {
    const count = this.layout.counts[k] ?? 0;
    if (k === SHOWCASE) {
      if (r >= 4) return { id: NOVEL_SERIES_BASE + k * 4, title: '灯台守の記録' };
      if (r >= 1 && count > 1) return { id: NOVEL_SERIES_BASE + k * 4 + 1, title: 'Quiet Harbour' };
      return null;
    }
    const rng = rngFor(this.context.seed, 'novel-series', k, r);
    if (k === ACCOUNT || !rng.chance(0.3)) return null;
    const s = rng.int(2);
    return { id: NOVEL_SERIES_BASE + k * 4 + s, title: `${this.context.userName(k)}の物語${s + 1}` };
  }

  /** `novel_ai_type` of a slot's novel (without generating it). */
  aiTypeAt(k: number, r: number): 0 | 1 | 2 {
    if (k === SHOWCASE) return r === 2 ? 2 : 1;
    const roll = hash(this.context.seed, 'novel-ai', k, r) / 4294967296;
    return roll < 0.3 ? 0 : roll < 0.9 ? 1 : 2;
  }

  private make(k: number, r: number, id: number): FakeNovel {
    const { seed, imageBaseUrl, commonBaseUrl } = this.context;
    const rng = rngFor(seed, 'novel', id);
    const time = this.layout.timeOf(id);
    const datePath = jstDatePath(time);
    const legacy = k !== SHOWCASE && rng.chance(this.context.legacyFieldRate);
    const aiType = this.aiTypeAt(k, r);
    const xRoll = rng.next();
    const xRestrict: 0 | 1 | 2 = k === SHOWCASE ? (r === 3 ? 1 : 0) : xRoll < 0.85 ? 0 : xRoll < 0.97 ? 1 : 2;
    let placeholder: PlaceholderKind | null = null;
    if (k === PLACEHOLDER_HOST && r === 0) placeholder = 'sanity_level';
    else if (k !== SHOWCASE && k !== ACCOUNT && rng.chance(0.04)) placeholder = rng.pick(['sanity_level', 'unviewable', 'mypixiv'] as const);
    const series = this.seriesAt(k, r);
    const tagIndexes = [
      ...(xRestrict === 1 ? [R18_TAG] : xRestrict === 2 ? [R18G_TAG] : []),
      ...rng.sample(NOVEL_TAGS, rng.between(1, 3)),
      ...rng.sample(ORDINARY_TAGS, rng.between(0, 2)),
      ...(aiType === 2 ? [AI_NOVEL_TAG] : []),
    ];
    const markup = k === SHOWCASE && r === 0;
    const pageCount = markup ? 4 : rng.between(1, 5);
    const { text, images } = this.textOf(id, datePath, pageCount, markup, rng);
    const cover = k === SHOWCASE || rng.chance(0.5);
    const stock = rng.int(11);
    const stem = coverStem(seed, id);
    const coverUrls = cover
      ? {
          square_medium: `${imageBaseUrl}/c/128x128/novel-cover-master/img/${datePath}/${stem}_square1200.jpg`,
          medium: `${imageBaseUrl}/c/176x352/novel-cover-master/img/${datePath}/${stem}_master1200.jpg`,
          large: `${imageBaseUrl}/c/240x480_80/novel-cover-master/img/${datePath}/${stem}_master1200.jpg`,
        }
      : {
          square_medium: `${commonBaseUrl}/common/images/novel_thumb/novel_thumb_${stock}_128x128.jpg`,
          medium: `${commonBaseUrl}/common/images/novel_thumb/novel_thumb_${stock}_176mw.jpg`,
          large: `${commonBaseUrl}/common/images/novel_thumb/novel_thumb_${stock}_240mw.jpg`,
        };
    const totalView = Math.floor(Math.exp(rng.next() * 10)) + 30;
    const pixiv = this.pixivImagesIn(text);
    return {
      id,
      userId: userIdOf(k),
      title: series ? `${series.title} ${this.placeIn(k, r, series.id)}` : `${rng.pick(NOVEL_TITLES)}${rng.chance(0.3) ? ` ${rng.between(2, 9)}` : ''}`,
      caption: rng.pick(['', '短編です。', '感想お待ちしています。<br />続きます。', 'Thank you for reading!', '<strong>注意</strong>：捏造設定があります。']),
      createDate: jstIso(time),
      datePath,
      tags: tagIndexes.map((i) => TAGS[i]),
      isOriginal: rng.chance(0.4),
      pageCount,
      textLength: text.length,
      xRestrict,
      aiType: legacy ? undefined : aiType,
      series,
      totalView,
      totalBookmarks: Math.floor(totalView * (0.02 + rng.next() * 0.15)),
      totalComments: placeholder ? 0 : topCommentCountOf(seed, id, false),
      placeholder,
      coverUrls,
      text,
      images,
      pixivImages: pixiv,
    };
  }

  /** `第N話`: the place of a slot's novel in its series (1-based, oldest first). */
  private placeIn(k: number, r: number, seriesId: number): string {
    let place = 1;
    for (let older = r + 1; older < (this.layout.counts[k] ?? 0); older++) {
      if (this.seriesAt(k, older)?.id === seriesId) place++;
    }
    return `第${place}話`;
  }

  private pixivImagesIn(text: string): [number, number | null][] {
    const out: [number, number | null][] = [];
    for (const m of text.matchAll(/\[pixivimage:(\d+)(?:-(\d+))?\]/g)) {
      out.push([Number(m[1]), m[2] === undefined ? null : Number(m[2])]);
    }
    return out;
  }

  /** The text: pages split by `[newpage]`, with chapters, ruby, links, jumps and images. */
  private textOf(id: number, datePath: string, pageCount: number, everyKind: boolean, rng: Rng): { text: string; images: FakeNovelImage[] } {
    const { seed, imageBaseUrl } = this.context;
    const images: FakeNovelImage[] = [];
    const upload = (): string => {
      const index = images.length;
      const stem = uploadedImageStem(seed, id, index);
      const urls = Object.fromEntries(
        Object.entries(UPLOADED_SIZES).map(([size, [prefix, suffix]]) => [size, `${imageBaseUrl}/${prefix}/img/${datePath}/${stem}_${suffix}.jpg`]),
      ) as Record<keyof typeof UPLOADED_SIZES, string>;
      const image: FakeNovelImage = {
        id: String(10_000_000 + (id % 1_000_000) * 10 + index),
        sl: rng.pick(['2', '2', '4', '6']),
        urls: { ...urls, original: `${imageBaseUrl}/novel-cover-original/img/${datePath}/${stem}.jpg` },
      };
      images.push(image);
      return `[uploadedimage:${image.id}]`;
    };
    const pixiv = this.context.pixivImages();
    const paragraph = () =>
      Array.from({ length: rng.between(1, 4) }, () => rng.pick(NOVEL_SENTENCES)).join('');
    const pages: string[] = [];
    for (let page = 0; page < pageCount; page++) {
      const lines: string[] = [];
      if (everyKind || rng.chance(0.5)) lines.push(`[chapter:第${page + 1}章\u3000${rng.pick(NOVEL_TITLES)}]`, '');
      const paragraphs = rng.between(3, 8);
      for (let p = 0; p < paragraphs; p++) {
        lines.push(paragraph());
        if (p % 2 === 1) lines.push('');
      }
      const extras: string[] = [];
      if (everyKind || rng.chance(0.3)) extras.push(`[[rb:${rng.pick(['久世彩葉 > くぜ いろは', '灯台 > とうだい', '黄昏 > たそがれ', '硝子>ガラス'])}]]は振り返った。`);
      if (everyKind || rng.chance(0.1)) extras.push(`[[jumpuri:${rng.pick(['公式サイト', 'pixiv', 'Author page'])} > https://www.pixiv.net/users/${userIdOf(SHOWCASE)}]]`);
      if (everyKind || (pageCount > 1 && rng.chance(0.1))) extras.push(`続きは[jump:${page + 2 <= pageCount ? page + 2 : 1}]へ。`);
      if (everyKind && page === 0 && pixiv.single > 0) extras.push(`[pixivimage:${pixiv.single}]`);
      if (everyKind && page === 1 && pixiv.multi > 0) extras.push(`[pixivimage:${pixiv.multi}-${Math.min(2, pixiv.multiPages)}]`);
      if ((everyKind && page === 2) || rng.chance(0.15)) extras.push(upload());
      if (everyKind && page === 3) extras.push(`${upload()}${upload()}`);
      for (const extra of extras) lines.splice(1 + rng.int(lines.length), 0, extra);
      pages.push(lines.join('\n'));
    }
    return { text: pages.join('\n[newpage]\n'), images };
  }
}
