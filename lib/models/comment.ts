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
  parent_comment?: RawParentComment | EmptyObject | null;
  has_replies?: boolean;
  stamp?: RawCommentStamp | null;
}

const CommentFields = t.type({ id: t.number, comment: t.string, date: IsoDateString, user: RawUser }, 'CommentFields');

/**
 * The comment a v1 comment answers. Recorded parents never carry a parent of their own, and a
 * codec that recursed would let a hostile body nest parents until the stack overflows: one level
 * is read, and a deeper `parent_comment` is left unread.
 */
export interface RawParentComment {
  id: number;
  comment: string;
  date: string;
  user: RawUser;
}
export const RawParentComment: t.Type<RawParentComment, RawParentComment, unknown> = CommentFields;

export const RawComment: t.Type<RawComment, RawComment, unknown> = t.intersection(
  [
    CommentFields,
    t.partial(
      {
        parent_comment: t.union([RawParentComment, EmptyObject, t.null], 'Comment | {} | null'),
        has_replies: t.boolean,
        stamp: t.union([RawCommentStamp, t.null], 'CommentStamp | null'),
      },
      'OptionalCommentFields',
    ),
  ],
  'Comment',
);

/** A stamp (sticker) posted as a comment. */
export interface CommentStamp {
  readonly id: number;
  readonly url: string;
}

/** A comment on a work, with the comment it answers when it is a reply. */
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
    parentComment: parent == null || EmptyObject.is(parent) ? null : toParentComment(parent),
    hasReplies: raw.has_replies,
    stamp: stamp == null ? stamp : { id: stamp.stamp_id, url: stamp.stamp_url },
  };
}

/** The parent's own fields only: whatever else it holds was never checked. */
function toParentComment(raw: RawParentComment): Comment {
  return { id: raw.id, comment: raw.comment, date: new Date(raw.date), user: toUser(raw.user), parentComment: null };
}
