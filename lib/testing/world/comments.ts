import { hash, rngFor, type Rng } from '../random';
import { COMMENTS } from '../vocabulary';
import { jstIso } from './layout';
import type { FakeComment } from './records';

/** Comment ids: `workId * 10000 + (99 - c) * 100 + q` (c: newest-first index, q: reply 1…). */
const MAX_COMMENTS = 99;

/** Top-level comments of a work (`newest`: the showcase user's newest work, which has 45). */
export function topCommentCountOf(seed: number, id: number, newest: boolean): number {
  if (newest) return 45;
  const rng = rngFor(seed, 'comments', id);
  const roll = rng.next();
  return roll < 0.5 ? 0 : roll < 0.9 ? rng.between(1, 8) : rng.between(9, 60);
}

/** Replies to the `c`-th comment of a work (the showcase's newest: 35 on the first). */
export function replyCountOf(seed: number, id: number, newest: boolean, c: number): number {
  if (newest) return c === 0 ? 35 : c % 4 === 2 ? 2 : 0;
  // a work has up to 60 comments to count replies of when it is made: keep the hash short
  const h = hash(seed ^ 0x7265706c, id, c);
  return h % 100 < 15 ? 1 + (h >>> 8) % 3 : 0;
}

/** A commented work: an illustration or a novel. */
export interface Commentable {
  readonly id: number;
  readonly createDate: string;
  /** Top-level comments. */
  readonly top: number;
  /** Replies to the `c`-th comment. */
  replies(c: number): number;
}

/** The comments of illustrations and novels, generated on demand. */
export class Comments {
  constructor(
    private readonly seed: number,
    private readonly now: () => number,
    /** A random member's id. */
    private readonly randomMember: (rng: Rng) => number,
  ) {}

  /** Top-level comments of a work, newest first. */
  commentsOf(work: Commentable): FakeComment[] {
    const comments: FakeComment[] = [];
    for (let c = 0; c < work.top; c++) comments.push(this.comment(work, c, 0));
    return comments;
  }

  /** Replies to the `c`-th comment of a work, newest first. */
  repliesOf(work: Commentable, c: number): FakeComment[] {
    const replies: FakeComment[] = [];
    for (let q = 1; q <= work.replies(c); q++) replies.push(this.comment(work, c, q));
    return replies;
  }

  /** The comment with this id, when `work` (found from {@link slotOf}) has it. */
  byId(work: Commentable, commentId: number): FakeComment | undefined {
    const { c, q } = Comments.slotOf(commentId);
    if (c >= work.top) return undefined;
    if (q > 0 && q > work.replies(c)) return undefined;
    return this.comment(work, c, q);
  }

  /** The work, comment and reply indexes a comment id encodes. */
  static slotOf(commentId: number): { workId: number; c: number; q: number } {
    const workId = Math.floor(commentId / 10_000);
    const rest = commentId % 10_000;
    const q = rest % 100 === 0 ? 0 : 100 - (rest % 100);
    return { workId, c: MAX_COMMENTS - Math.floor(rest / 100), q };
  }

  private comment(work: Commentable, c: number, q: number): FakeComment {
    const id = work.id * 10_000 + (MAX_COMMENTS - c) * 100 + (q === 0 ? 0 : 100 - q);
    const rng = rngFor(this.seed, 'comment', id);
    const replyCount = q === 0 ? work.replies(c) : 0;
    const created = Date.parse(work.createDate);
    const ageRank = q === 0 ? work.top - c : work.top - c + (replyCount - q + 1) / 100;
    const date = Math.min(created + Math.round(ageRank * 3_600_000) + rng.int(30) * 1000, this.now());
    const stamp = rng.chance(0.1);
    return {
      id,
      illustId: work.id,
      userId: this.randomMember(rng),
      comment: stamp ? '' : rng.pick(COMMENTS),
      date: jstIso(date),
      stampId: stamp ? 301 + rng.int(40) : null,
      parentId: q === 0 ? null : work.id * 10_000 + (MAX_COMMENTS - c) * 100,
      replyCount,
    };
  }
}
