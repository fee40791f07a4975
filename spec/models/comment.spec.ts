import { CommentsBody, decode, toComment } from '../../lib/models';
import { decodeError, fixture } from './fixture';

describe('toComment', () => {
  describe('the v1 shape (2021)', () => {
    const body = decode(CommentsBody, fixture('v1-illust-comments/azuline-2021-86979680.json'));
    const comments = body.comments.map(toComment);

    it('decodes a page of 30 with total_comments', () => {
      expect(comments).toHaveLength(30);
      expect(body.total_comments).toBe(51);
      expect(body.next_url).toContain('illust_id=86979680');
    });

    it('maps `parent_comment: {}` to a null parentComment', () => {
      expect(comments[0]).toEqual({
        id: 112771847,
        comment: '松鼠呢…被喵星人给吃了么(shock3)',
        date: new Date('2021-01-21T21:12:01.000Z'),
        user: {
          id: 3994949,
          account: 'shxsyf',
          name: 'Neptunes',
          profileImageUrls: {
            medium:
              'https://i.pximg.net/user-profile/img/2015/08/02/20/25/46/9696591_293c1713c579390938c38b6a8dc3340a_170.jpg',
          },
          isFollowed: null,
        },
        parentComment: null,
        hasReplies: undefined,
        stamp: undefined,
      });
      expect(comments[0].date).toBeInstanceOf(Date);
    });

    it('maps a populated parent_comment to a Comment', () => {
      const reply = comments[15];
      expect(reply.id).toBe(112383962);
      expect(reply.parentComment).toMatchObject({
        id: 112315976,
        comment: '能看到中国元素真的很欣慰',
        user: { name: 'Anoxia', isFollowed: null },
        parentComment: null,
      });
      expect(reply.parentComment?.date).toBeInstanceOf(Date);
      expect(comments.filter((comment) => comment.parentComment !== null)).toHaveLength(2);
    });
  });

  describe('the v1 shape (2018)', () => {
    it('decodes 29 comments, 17 of them replies, total_comments 0 when not asked for', () => {
      const body = decode(CommentsBody, fixture('v1-illust-comments/pix-ezviewer-2018-66619229-with-parent.json'));
      const comments = body.comments.map(toComment);
      expect(comments).toHaveLength(29);
      expect(body.total_comments).toBe(0);
      expect(comments.filter((comment) => comment.parentComment !== null)).toHaveLength(17);
      expect(comments[0]).toMatchObject({
        id: 74774246,
        comment: 'ty   -w-',
        parentComment: { id: 74770901, comment: 'You painting WA2000 is so cute !', user: { account: 'sa1ty9' } },
      });
      expect(comments[0].date.toISOString()).toBe('2018-01-13T08:21:57.000Z');
    });
  });

  describe('the v3 shape', () => {
    // No v3 body was recorded; this one follows PROTOCOL.md: `total_comments`,
    // `comments[{id, comment, date, user, has_replies, stamp}]` and `comment_access_control`.
    const v3 = {
      total_comments: 2,
      comments: [
        {
          id: 150000001,
          comment: 'きれい！',
          date: '2024-05-01T12:34:56+09:00',
          user: { id: 11, name: 'a', account: 'a_a', profile_image_urls: { medium: 'https://i.pximg.net/a.png' } },
          has_replies: true,
          stamp: null,
        },
        {
          id: 150000002,
          comment: '',
          date: '2024-05-01T13:00:00+09:00',
          user: { id: 12, name: 'b', account: 'b_b', profile_image_urls: { medium: 'https://i.pximg.net/b.png' } },
          has_replies: false,
          stamp: { stamp_id: 301, stamp_url: 'https://s.pximg.net/common/images/stamp/generated-stamps/301_s.jpg' },
        },
      ],
      next_url: null,
      comment_access_control: 0,
    };

    it('maps has_replies and stamp, with no parent', () => {
      const body = decode(CommentsBody, v3);
      const comments = body.comments.map(toComment);
      expect(body.comment_access_control).toBe(0);
      expect(comments[0]).toMatchObject({ id: 150000001, hasReplies: true, stamp: null, parentComment: null });
      expect(comments[0].date.toISOString()).toBe('2024-05-01T03:34:56.000Z');
      expect(comments[1]).toMatchObject({
        comment: '',
        hasReplies: false,
        stamp: { id: 301, url: 'https://s.pximg.net/common/images/stamp/generated-stamps/301_s.jpg' },
      });
    });

    it('rejects a malformed populated parent_comment with its path', () => {
      const body = fixture('v1-illust-comments/azuline-2021-86979680.json');
      delete body.comments[28].parent_comment.date;
      expect(decodeError(CommentsBody, body).path).toBe('comments.28.parent_comment.date');
    });
  });
});
