import { FollowDetailBody, Visibility, decode, toFollowDetail } from '../../lib/models';
import { decodeError } from './fixture';
import { expectHostileBodiesHandled } from './mutations';

describe('FollowDetailBody and toFollowDetail', () => {
  it('maps a public or private follow to its visibility', () => {
    for (const [restrict, visibility] of [
      ['public', Visibility.PUBLIC],
      ['private', Visibility.PRIVATE],
    ] as const) {
      const body = decode(FollowDetailBody, { follow_detail: { is_followed: true, restrict } });
      expect(toFollowDetail(body.follow_detail)).toEqual({ isFollowed: true, visibility });
    }
  });

  it('gives visibility null when not followed, whatever restrict says', () => {
    for (const restrict of ['public', 'private', null, undefined]) {
      const body = decode(FollowDetailBody, { follow_detail: { is_followed: false, restrict } });
      expect(toFollowDetail(body.follow_detail)).toEqual({ isFollowed: false, visibility: null });
    }
  });

  it('refuses a body without is_followed or with restrict of another type', () => {
    expect(decodeError(FollowDetailBody, { follow_detail: {} }).path).toBe('follow_detail.is_followed');
    expect(decodeError(FollowDetailBody, { follow_detail: { is_followed: true, restrict: 1 } }).path).toBe('follow_detail.restrict');
    expect(decodeError(FollowDetailBody, {}).path).toBe('follow_detail');
  });

  it('decodes or refuses damaged bodies, never throwing anything else', () => {
    expectHostileBodiesHandled(FollowDetailBody, { follow_detail: { is_followed: true, restrict: 'private', extra: { a: [1] } } }, (b) =>
      toFollowDetail(b.follow_detail),
    );
  });
});
