import * as t from 'io-ts';
import { Illustration, RawIllustration, toIllustration } from './illustration';
import { Novel, RawNovel, toNovel } from './novel';
import { RawUser, User, toUser } from './user';

/** A followed or following user with their latest works (`user_previews[i]`). */
export const RawUserPreview = t.type(
  {
    user: RawUser,
    illusts: t.array(RawIllustration, 'Array<Illustration>'),
    novels: t.array(RawNovel, 'Array<Novel>'),
    is_muted: t.boolean,
  },
  'UserPreview',
);
export type RawUserPreview = t.TypeOf<typeof RawUserPreview>;

/** A user with a few of their latest works, as user lists send them. */
export interface UserPreview {
  readonly user: User;
  /** Up to 3 of the user's latest illustrations. */
  readonly illustrations: readonly Illustration[];
  readonly novels: readonly Novel[];
  readonly isMuted: boolean;
}

export function toUserPreview(raw: RawUserPreview): UserPreview {
  return {
    user: toUser(raw.user),
    illustrations: raw.illusts.map(toIllustration),
    novels: raw.novels.map(toNovel),
    isMuted: raw.is_muted,
  };
}
