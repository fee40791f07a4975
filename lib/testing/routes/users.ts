import { apiError } from '../envelopes';
import { first } from '../params';
import { json, type FakeRequest, type Reply } from '../reply';
import type { Viewer } from '../serialize';
import type { Visibility } from '../world';
import { VISIBILITIES, filterOf, id, offset, oneOf, refuse, type RouteContext, type RouteTable } from './kit';

/** Users: detail, their works and novels, follows (with the POSTs that change them), related users. */
export function userRoutes(ctx: RouteContext): RouteTable {
  const { world, serializer } = ctx;

  const userIllusts = (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    const user = ctx.user(q, true);
    const type = first(q, 'type') ? oneOf<'illust' | 'manga'>(q, 'type', ['illust', 'manga']) : undefined;
    const start = offset(q);
    const count = world.userWorkCount(user.id, type);
    const next = start + 30;
    const items: Record<string, unknown>[] = [];
    for (let position = start; position < Math.min(next, count); position++) {
      const work = world.userWorkAt(user.id, type, position);
      if (work) items.push(serializer.illust(work, viewer, 'list-with-comments'));
    }
    return json(200, {
      illusts: items,
      next_url:
        next < count
          ? ctx.nextUrl(request.path, [['user_id', user.id], ['type', type], ['filter', filterOf(request)], ['offset', next]])
          : null,
    });
  };

  const userNovels = (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    const user = ctx.user(q, true);
    const { items, next } = ctx.page(world.novelIdsOf(user.id), offset(q));
    return json(200, {
      novels: ctx.novels(items, viewer),
      next_url: next === null ? null : ctx.nextUrl(request.path, [['user_id', user.id], ['filter', filterOf(request)], ['offset', next]]),
    });
  };

  /** A page of user previews with an offset cursor; `pairs` are the parameters before `offset`. */
  const previewPage = (request: FakeRequest, viewer: Viewer, userIds: readonly number[], pairs: readonly (readonly [string, string | number | undefined])[]): Reply => {
    const { items, next } = ctx.page(userIds, offset(request.query));
    return json(200, {
      user_previews: ctx.previews(items, viewer),
      next_url: next === null ? null : ctx.nextUrl(request.path, [...pairs, ['offset', next]]),
    });
  };

  const following = (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    const user = ctx.user(q);
    const restrict = oneOf<Visibility>(q, 'restrict', VISIBILITIES, 'public');
    const follows = restrict === 'private' && user.id !== viewer.userId ? [] : world.followingOf(user.id, restrict);
    return previewPage(request, viewer, follows.map((f) => f.userId), [['user_id', user.id], ['restrict', restrict]]);
  };

  const followDetail = (request: FakeRequest, viewer: Viewer): Reply => {
    const user = ctx.user(request.query);
    const follow = world.followOf(viewer.userId, user.id);
    // *unverified*: what `restrict` says when not followed (the client ignores it then)
    return json(200, { follow_detail: { is_followed: follow !== undefined, restrict: follow?.restrict ?? 'public' } });
  };

  const followAdd = (request: FakeRequest, viewer: Viewer): Reply => {
    const user = ctx.user(request.form, false);
    const restrict = oneOf<Visibility>(request.form, 'restrict', VISIBILITIES, 'public');
    if (user.id === viewer.userId) refuse(400, apiError('', 'You cannot follow yourself'));
    world.follow(viewer.userId, user.id, restrict);
    return json(200, {});
  };

  const followDelete = (request: FakeRequest, viewer: Viewer): Reply => {
    const user = ctx.user(request.form);
    world.unfollow(viewer.userId, user.id);
    return json(200, {});
  };

  return {
    'GET /v1/user/detail': (r, v) => json(200, serializer.userDetail(ctx.user(r.query, true), v)),
    'GET /v1/user/illusts': userIllusts,
    'GET /v1/user/novels': userNovels,
    'GET /v1/user/following': following,
    'GET /v1/user/follower': (r, v) => {
      const user = ctx.user(r.query);
      return previewPage(r, v, world.followersOf(user.id), [['user_id', user.id], ['filter', filterOf(r)]]);
    },
    'GET /v1/user/mypixiv': (r, v) => {
      const user = ctx.user(r.query);
      return previewPage(r, v, world.mypixivOf(user.id), [['user_id', user.id]]);
    },
    'GET /v1/user/related': (r, v) => {
      const seed = world.user(id(r.query, 'seed_user_id'));
      if (!seed) refuse(404, apiError('The user has left pixiv or the user ID does not exist.'));
      return previewPage(r, v, world.relatedUsersOf(seed.id), [['filter', filterOf(r)], ['seed_user_id', seed.id]]);
    },
    'GET /v1/user/recommended': (r, v) => previewPage(r, v, world.recommendedUsersFor(v.userId), [['filter', filterOf(r)]]),
    'GET /v1/user/follow/detail': followDetail,
    'POST /v1/user/follow/add': followAdd,
    'POST /v1/user/follow/delete': followDelete,
  };
}
