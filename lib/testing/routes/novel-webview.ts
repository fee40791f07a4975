import { ENVELOPES } from '../envelopes';
import type { Viewer } from '../serialize';
import { pixivJson } from '../serialize';
import type { FakeNovel, FakeUser, FakeWorld } from '../world';
import { refuse } from './kit';

/** The viewer version the app asks for (`viewer_version=20221031_ai`). */
const VIEWER_VERSION = '20221031_ai';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The embedded `novel` object of `/webview/v2/novel`, in the key order of
 * spec/fixtures/webview-v2-novel/ (ids as strings, `images` and `illusts` `[]` when empty).
 */
export function webviewNovel(novel: FakeNovel, world: FakeWorld, viewer: Viewer): Record<string, unknown> {
  const series = novel.series ? world.novelSeries(novel.series.id) : undefined;
  const images = Object.fromEntries(novel.images.map((image) => [image.id, { novelImageId: image.id, sl: image.sl, urls: image.urls }]));
  const illusts: Record<string, unknown> = {};
  for (const [illustId, page] of novel.pixivImages) {
    const work = world.illustration(illustId);
    const key = page === null ? String(illustId) : `${illustId}-${page}`;
    if (!work || work.placeholder) {
      illusts[key] = { visible: false, availableMessage: 'この作品は閲覧できません', illust: null, user: null, id: String(illustId), page };
      continue;
    }
    // *unverified*: whether N counts from 0 or 1; the fake reads it as a 1-based page
    const index = page === null ? 0 : Math.min(Math.max(page - 1, 0), work.pageCount - 1);
    const author = world.user(work.userId) as FakeUser;
    illusts[key] = {
      visible: true,
      availableMessage: null,
      illust: {
        id: String(work.id),
        title: work.title,
        description: work.caption,
        restrict: 0,
        xRestrict: work.xRestrict,
        sl: work.sanityLevel,
        tags: work.tags.map((tag) => ({ tag: tag.name, userId: String(work.userId) })),
        images: {
          small: world.imageBaseUrl + world.imagePath(work, index, 'square_medium', false),
          medium: world.imageBaseUrl + world.imagePath(work, index, 'medium', false),
          original: work.originalUrls[index] ?? work.originalUrls[0],
        },
      },
      user: { id: String(author.id), name: author.name, image: author.profileImageUrl },
      id: String(work.id),
      page,
    };
  }
  let navigation: Record<string, unknown> | null = null;
  if (series) {
    const at = series.workIds.indexOf(novel.id);
    const link = (place: number) => {
      const other = world.novel(series.workIds[place] ?? -1);
      return other
        ? { id: other.id, viewable: true, contentOrder: String(place + 1), title: other.title, coverUrl: other.coverUrls.large, viewableMessage: null }
        : null;
    };
    navigation = { nextNovel: link(at + 1), prevNovel: at > 0 ? link(at - 1) : null };
  }
  return {
    id: String(novel.id),
    title: novel.title,
    seriesId: novel.series ? String(novel.series.id) : null,
    seriesTitle: novel.series?.title ?? null,
    seriesIsWatched: novel.series ? world.watchlists.has(viewer.userId, 'novel', novel.series.id) : null,
    userId: String(novel.userId),
    coverUrl: novel.coverUrls.large,
    tags: novel.tags.map((tag) => tag.name),
    caption: novel.caption,
    cdate: novel.createDate.slice(0, 10),
    rating: { like: Math.floor(novel.totalBookmarks / 2), bookmark: novel.totalBookmarks, view: novel.totalView },
    text: novel.text,
    marker: null,
    illusts: novel.pixivImages.length ? illusts : [],
    images: novel.images.length ? images : [],
    seriesNavigation: navigation,
    glossaryItems: [],
    replaceableItemIds: [],
    aiType: novel.aiType ?? 0,
    isOriginal: novel.isOriginal,
  };
}

/**
 * The HTML page of `/webview/v2/novel`: one script of the shape
 * `Object.defineProperty(window, 'pixiv', { value: { …, novel: {…}, isOwnWork, … } })` whose outer
 * literal has unquoted keys and trailing commas, and whose `novel` value is one line of JSON
 * (PROTOCOL.md "Novel text"; the outer shape is *unverified*, reconstructed from the clients).
 */
export function novelWebviewHtml(novel: FakeNovel, world: FakeWorld, viewer: Viewer): string {
  // *unverified*: what the page says for a hidden novel; the fake answers like the detail's 404
  if (novel.placeholder) refuse(404, ENVELOPES.workNotFound());
  const author = world.user(novel.userId) as FakeUser;
  const cdn = world.commonBaseUrl;
  const authorDetails = {
    isBlocked: false,
    isFollowed: world.isFollowing(viewer.userId, author.id),
    isMypixiv: false,
    id: String(author.id),
    name: author.name,
    profileImg: { url: author.profileImageUrl },
  };
  return `<!DOCTYPE html>
<html lang="ja">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=no">
    <title>${escapeHtml(novel.title)}</title>
    <link rel="stylesheet" href="${cdn}/www/js/build/webview-novel.css">
</head>
<body>
<div id="root"></div>
<script>
    Object.defineProperty(window, 'pixiv', {
        value: {
            viewerVersion: "${VIEWER_VERSION}",
            config: {"cdnHost":"${cdn.replace(/\//g, '\\/')}","isWebView":true},
            userLang: "ja",
            novel: ${pixivJson(webviewNovel(novel, world, viewer))},
            isOwnWork: ${novel.userId === viewer.userId},
            authorDetails: ${pixivJson(authorDetails)},
            userId: "${viewer.userId}",
        },
    });
</script>
<script src="${cdn}/www/js/build/webview-novel.js"></script>
</body>
</html>
`;
}
