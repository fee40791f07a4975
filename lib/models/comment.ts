import * as t from 'io-ts';
import { EmptyObject, IsoDateString } from './codecs';
import { RawUser, User, toUser } from './user';

/** A stamp (sticker) comment's stamp, in the v3 shape. */
export const RawCommentStamp = t.type({ stamp_id: t.number, stamp_url: t.string }, 'CommentStamp');
export type RawCommentStamp = t.TypeOf<typeof RawCommentStamp>;

/**
 * A comment in either shape: v1 (`parent_comment`, `{}` when there is none) or v3
 * (`has_replies`, `stamp`; the parent is not sent, replies come from their own endpoint).
 */
export interface RawComment {
  id: number;
  comment: string;
  date: string;
  user: RawUser;
  parent_comment?: RawComment | EmptyObject | null;
  has_replies?: boolean;
  stamp?: RawCommentStamp | null;
}

export const RawComment: t.Type<RawComment, RawComment, unknown> = t.recursion('Comment', (Self) =>
  t.intersection(
    [
      t.type({ id: t.number, comment: t.string, date: IsoDateString, user: RawUser }, 'CommentFields'),
      t.partial(
        {
          parent_comment: t.union([Self, EmptyObject, t.null], 'Comment | {} | null'),
          has_replies: t.boolean,
          stamp: t.union([RawCommentStamp, t.null], 'CommentStamp | null'),
        },
        'OptionalCommentFields',
      ),
    ],
    'Comment',
  ),
);

export interface CommentStamp {
  readonly id: number;
  readonly url: string;
}

export interface Comment {
  readonly id: number;
  /** The text; `''` for a stamp-only comment. */
  readonly comment: string;
  readonly date: Date;
  /** The author (comment authors come without `is_followed`). */
  readonly user: User;
  /** The comment this one answers (v1 bodies only), else `null`. */
  readonly parentComment: Comment | null;
  /** Whether replies exist (v3 bodies only). */
  readonly hasReplies?: boolean;
  /** The stamp of a stamp comment (v3 bodies only). */
  readonly stamp?: CommentStamp | null;
}

export function toComment(raw: RawComment): Comment {
  const parent = raw.parent_comment;
  const stamp = raw.stamp;
  return {
    id: raw.id,
    comment: raw.comment,
    date: new Date(raw.date),
    user: toUser(raw.user),
    parentComment: parent == null || EmptyObject.is(parent) ? null : toComment(parent),
    hasReplies: raw.has_replies,
    stamp: stamp == null ? stamp : { id: stamp.stamp_id, url: stamp.stamp_url },
  };
}
