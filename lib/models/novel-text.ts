import * as t from 'io-ts';
import { NullableString, NumericId } from './codecs';
import { EmptyArray } from './novel';
import { NovelNode, parseNovelMarkup } from './novel-markup';

/** An image uploaded with a novel: `images[id]` of the webview novel (`urls` has more sizes). */
const RawNovelImage = t.type({ urls: t.type({ original: t.string }, 'NovelImageUrls') }, 'NovelImage');

/**
 * An illustration shown with `[pixivimage:…]`: `illusts[key]`. Its shape comes from client models
 * only (no recorded page has one), so nothing in it is required; the original is read when present.
 */
const RawNovelIllustration = t.partial(
  { illust: t.partial({ images: t.partial({ original: NullableString }, 'NovelIllustrationImages') }, 'NovelIllustrationDetail') },
  'NovelIllustration',
);

/** The previous or next novel of a series, in `seriesNavigation`. */
const RawNovelNavigationItem = t.type({ id: NumericId, title: t.string }, 'NovelNavigationItem');

const RawNovelNavigation = t.partial(
  {
    prevNovel: t.union([RawNovelNavigationItem, t.null], 'NovelNavigationItem | null'),
    nextNovel: t.union([RawNovelNavigationItem, t.null], 'NovelNavigationItem | null'),
  },
  'NovelNavigation',
);

/**
 * The novel object embedded in the `/webview/v2/novel` page (PROTOCOL.md, "Novel text"):
 * camelCase, the id as a string. `images` and `illusts` are `[]` when empty and an id-keyed
 * object otherwise.
 */
export const RawNovelText = t.intersection(
  [
    t.type({ id: NumericId, title: t.string, text: t.string }, 'NovelTextFields'),
    t.partial(
      {
        coverUrl: NullableString,
        // the record first: a bad image is then reported where it is, not as "not []"
        images: t.union([t.record(t.string, RawNovelImage), EmptyArray], 'Record<string, NovelImage> | []'),
        illusts: t.union([t.record(t.string, RawNovelIllustration), EmptyArray], 'Record<string, NovelIllustration> | []'),
        seriesNavigation: t.union([RawNovelNavigation, t.null], 'NovelNavigation | null'),
      },
      'OptionalNovelTextFields',
    ),
  ],
  'NovelText',
);
export type RawNovelText = t.TypeOf<typeof RawNovelText>;

/** A novel of the same series, as the text page links it. */
export interface NovelNavigationItem {
  readonly id: number;
  readonly title: string;
}

/** The novel's text, as `novelText$` reads it from Pixiv's novel viewer. */
export interface NovelText {
  readonly novelId: number;
  readonly title: string;
  /** The raw markup, exactly as Pixiv sent it. */
  readonly text: string;
  /** The parsed markup, one array per page (split at `[newpage]`, which is left out). */
  readonly pages: NovelNode[][];
  /** Uploaded image id (`[uploadedimage:ID]`) → the image's original URL. */
  readonly images: Readonly<Record<string, string>>;
  /**
   * Illustrations of `[pixivimage:…]` whose original the page gives, keyed as the page keys them
   * (the illustration id, or `ID-N` for a page of it).
   */
  readonly illustrations: Readonly<Record<string, string>>;
  /** The neighbours in the novel's series, `null` for a novel in no series. */
  readonly seriesNavigation: { readonly previous: NovelNavigationItem | null; readonly next: NovelNavigationItem | null } | null;
  readonly coverUrl: string | null;
}

/** Splits parsed markup into pages at each `newpage` node. */
export function toPages(nodes: readonly NovelNode[]): NovelNode[][] {
  const pages: NovelNode[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'newpage') pages.push([]);
    else pages[pages.length - 1].push(node);
  }
  return pages;
}

/** Maps a decoded webview novel to the {@link NovelText} model (parsing its markup). */
export function toNovelText(raw: RawNovelText): NovelText {
  const images: Record<string, string> = {};
  if (raw.images !== undefined && !Array.isArray(raw.images)) {
    const uploaded = raw.images as Record<string, t.TypeOf<typeof RawNovelImage>>;
    for (const key of Object.keys(uploaded)) setOwn(images, key, uploaded[key].urls.original);
  }
  const illustrations: Record<string, string> = {};
  if (raw.illusts !== undefined && !Array.isArray(raw.illusts)) {
    const illusts = raw.illusts as Record<string, t.TypeOf<typeof RawNovelIllustration>>;
    for (const key of Object.keys(illusts)) {
      const original = illusts[key].illust?.images?.original;
      if (typeof original === 'string') setOwn(illustrations, key, original);
    }
  }
  const navigation = raw.seriesNavigation;
  return {
    novelId: Number(raw.id),
    title: raw.title,
    text: raw.text,
    pages: toPages(parseNovelMarkup(raw.text)),
    images,
    illustrations,
    seriesNavigation:
      navigation == null
        ? null
        : { previous: toNavigationItem(navigation.prevNovel), next: toNavigationItem(navigation.nextNovel) },
    coverUrl: raw.coverUrl ?? null,
  };
}

function toNavigationItem(raw: t.TypeOf<typeof RawNovelNavigationItem> | null | undefined): NovelNavigationItem | null {
  return raw == null ? null : { id: Number(raw.id), title: raw.title };
}

/** Sets a key as data (a body's `__proto__` key stays a key, never a prototype). */
function setOwn(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
