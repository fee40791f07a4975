import { FollowDetailBody, Visibility, toFollowDetail } from '../models';
import { NoContent, callEndpoint } from './endpoint';
import * as check from './validate';

/** Options of `follow`. */
export interface FollowOptions {
  /** @default Visibility.PUBLIC */
  readonly visibility?: Visibility;
}

export const followDetail = callEndpoint({
  method: 'GET',
  path: '/v1/user/follow/detail',
  params: (userId: number) => ({ user_id: check.id('userId', userId) }),
  body: FollowDetailBody,
  result: (body) => toFollowDetail(body.follow_detail),
});

export const follow = callEndpoint({
  method: 'POST',
  path: '/v1/user/follow/add',
  params: (userId: number, options: FollowOptions = {}) => ({
    user_id: check.id('userId', userId),
    restrict: check.oneOf('visibility', Visibility, options.visibility ?? Visibility.PUBLIC),
  }),
  body: NoContent,
  result: (): void => undefined,
});

export const unfollow = callEndpoint({
  method: 'POST',
  path: '/v1/user/follow/delete',
  params: (userId: number) => ({ user_id: check.id('userId', userId) }),
  body: NoContent,
  result: (): void => undefined,
});
