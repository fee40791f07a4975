import { BookmarkDetailBody, Visibility, decode, toBookmarkDetail } from '../../lib/models';
import { decodeError, fixture } from './fixture';

describe('toBookmarkDetail', () => {
  it('maps bookmark_detail (2021), restrict becoming a Visibility', () => {
    const detail = toBookmarkDetail(decode(BookmarkDetailBody, fixture('v2-illust-bookmark-detail/azuline-2021.json')).bookmark_detail);
    expect(detail.isBookmarked).toBe(true);
    expect(detail.visibility).toBe(Visibility.PUBLIC);
    expect(detail.tags).toHaveLength(5);
    expect(detail.tags[0]).toEqual({ name: 'ghostblade', isRegistered: false });
    expect(detail.tags[4]).toEqual({ name: 'オリジナル10000users入り', isRegistered: false });
  });

  it('rejects a restrict that is not a Visibility', () => {
    const body = fixture('v2-illust-bookmark-detail/azuline-2021.json');
    body.bookmark_detail.restrict = 0;
    const error = decodeError(BookmarkDetailBody, body);
    expect(error.path).toBe('bookmark_detail.restrict');
    expect(error.message).toBe('Unexpected API response at bookmark_detail.restrict: expected Visibility, found 0');
  });
});
