import * as t from 'io-ts';
import { NullableString } from './codecs';
import { Visibility } from './enums';

/** `follow_detail` of `/v1/user/follow/detail`: whether the account follows the user, and how. */
export const RawFollowDetail = t.intersection(
  [
    t.type({ is_followed: t.boolean }, 'FollowDetailFields'),
    // `public` or `private` (client models only: no recorded body has it)
    t.partial({ restrict: NullableString }, 'OptionalFollowDetailFields'),
  ],
  'FollowDetail',
);
export type RawFollowDetail = t.TypeOf<typeof RawFollowDetail>;

/** Whether the authenticated account follows a user. */
export interface FollowDetail {
  readonly isFollowed: boolean;
  /** How the follow is shown; `null` when not followed (whatever `restrict` the body carries). */
  readonly visibility: Visibility | null;
}

/** Maps a raw follow detail to a {@link FollowDetail}. */
export function toFollowDetail(raw: RawFollowDetail): FollowDetail {
  if (!raw.is_followed) return { isFollowed: false, visibility: null };
  const visibility =
    raw.restrict === Visibility.PRIVATE ? Visibility.PRIVATE : raw.restrict === Visibility.PUBLIC ? Visibility.PUBLIC : null;
  return { isFollowed: true, visibility };
}
