import { all, first } from '../params';
import { json, type FakeRequest, type Reply } from '../reply';
import type { Viewer } from '../serialize';
import type { Visibility } from '../world';
import { PAGE_SIZE, VISIBILITIES, filterOf, invalid, maxCursor, offset, oneOf, type RouteContext, type RouteTable } from './kit';

/** The `tags[]` of a bookmark form, split at spaces as Pixiv does; at most 10. */
function formTags(request: FakeRequest): string[] {
  const tags = all(request.form, 'tags').flatMap((tag) => tag.split(/[\s\u3000]+/)).filter(Boolean);
  if (tags.length > 10) invalid('tags', 'Too many tags');
  return tags;
}

/** `bookmark_detail`: the work's tags and the viewer's, with the bookmark's visibility. */
function detail(workTags: readonly string[], bookmark: { restrict: Visibility; tags: readonly string[] } | undefined): Record<string, unknown> {
  const registered = new Set(bookmark?.tags ?? []);
  const names = [...new Set([...workTags, ...registered])];
  return {
    bookmark_detail: {
      is_bookmarked: bookmark !== undefined,
      tags: names.map((name) => ({ name, is_registered: registered.has(name) })),
      restrict: bookmark?.restrict ?? 'public',
    },
  };
}

/** Bookmarks of illustrations and novels: details, add, delete, a user's bookmarks and their tags. */
export function bookmarkRoutes(ctx: RouteContext): RouteTable {
  const { world } = ctx;

  /** Another user's private bookmarks are not shown. */
  const hidden = (userId: number, restrict: Visibility, viewer: Viewer) => restrict === 'private' && userId !== viewer.userId;

  const userBookmarks = (kind: 'illust' | 'novel') => (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    const user = ctx.user(q);
    const restrict = oneOf<Visibility>(q, 'restrict', VISIBILITIES, 'public');
    const tag = first(q, 'tag');
    const max = maxCursor(q, 'max_bookmark_id');
    const marks = hidden(user.id, restrict, viewer)
      ? []
      : kind === 'illust'
        ? world.bookmarksOf(user.id, restrict).map((b) => ({ ...b, workId: b.illustId, exists: !!world.illustration(b.illustId) }))
        : world.novelBookmarksOf(user.id, restrict).map((b) => ({ ...b, workId: b.novelId, exists: !!world.novel(b.novelId) }));
    const list = marks.filter((b) => b.bookmarkId <= max && (!tag || b.tags.includes(tag)) && b.exists);
    const ids = list.slice(0, PAGE_SIZE).map((b) => b.workId);
    const following = list[PAGE_SIZE];
    const nextUrl = following
      ? ctx.nextUrl(request.path, [
          ['user_id', user.id],
          ['restrict', restrict],
          ['filter', filterOf(request)],
          ['tag', tag || undefined],
          ['max_bookmark_id', following.bookmarkId],
        ])
      : null;
    return json(200, kind === 'illust' ? { illusts: ctx.illusts(ids, viewer), next_url: nextUrl } : { novels: ctx.novels(ids, viewer), next_url: nextUrl });
  };

  const bookmarkTags = (kind: 'illust' | 'novel') => (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    const user = ctx.user(q);
    const restrict = oneOf<Visibility>(q, 'restrict', VISIBILITIES, 'public');
    const tags = hidden(user.id, restrict, viewer)
      ? []
      : kind === 'illust'
        ? world.bookmarkTagsOf(user.id, restrict)
        : world.novelBookmarkTagsOf(user.id, restrict);
    const { items, next } = ctx.page(tags, offset(q));
    return json(200, {
      bookmark_tags: items,
      next_url: next === null ? null : ctx.nextUrl(request.path, [['user_id', user.id], ['restrict', restrict], ['offset', next]]),
    });
  };

  return {
    'GET /v2/illust/bookmark/detail': (r, v) => {
      const work = ctx.work(r.query);
      return json(200, detail(work.tags.map((t) => t.name), world.bookmark(v.userId, work.id)));
    },
    'POST /v2/illust/bookmark/add': (r, v) => {
      const work = ctx.work(r.form);
      const restrict = oneOf<Visibility>(r.form, 'restrict', VISIBILITIES, 'public');
      world.addBookmark(v.userId, work.id, restrict, formTags(r));
      return json(200, {});
    },
    'POST /v1/illust/bookmark/delete': (r, v) => {
      world.deleteBookmark(v.userId, ctx.work(r.form).id);
      return json(200, {});
    },
    'GET /v2/novel/bookmark/detail': (r, v) => {
      const novel = ctx.novel(r.query);
      return json(200, detail(novel.tags.map((t) => t.name), world.novelBookmark(v.userId, novel.id)));
    },
    'POST /v2/novel/bookmark/add': (r, v) => {
      const novel = ctx.novel(r.form);
      const restrict = oneOf<Visibility>(r.form, 'restrict', VISIBILITIES, 'public');
      world.addNovelBookmark(v.userId, novel.id, restrict, formTags(r));
      return json(200, {});
    },
    'POST /v1/novel/bookmark/delete': (r, v) => {
      world.deleteNovelBookmark(v.userId, ctx.novel(r.form).id);
      return json(200, {});
    },
    'GET /v1/user/bookmarks/illust': userBookmarks('illust'),
    'GET /v1/user/bookmarks/novel': userBookmarks('novel'),
    'GET /v1/user/bookmark-tags/illust': bookmarkTags('illust'),
    'GET /v1/user/bookmark-tags/novel': bookmarkTags('novel'),
  };
}
