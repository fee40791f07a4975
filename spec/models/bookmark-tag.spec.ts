import { BookmarkTagsBody, decode, toBookmarkTag } from '../../lib/models';
import { decodeError, fixture } from './fixture';

describe('toBookmarkTag', () => {
  it('maps bookmark_tags (2021): 30 tags with counts and a next_url', () => {
    const body = decode(BookmarkTagsBody, fixture('v1-user-bookmark-tags-illust/azuline-2021.json'));
    const tags = body.bookmark_tags.map(toBookmarkTag);
    expect(tags).toHaveLength(30);
    expect(tags[0]).toEqual({ name: '9S', count: 3 });
    expect(tags[7]).toEqual({ name: 'HANDYMONSTERS', count: 155 });
    expect(body.next_url).toBe('https://app-api.pixiv.net/v1/user/bookmark-tags/illust?user_id=126852&restrict=public&offset=30');
  });

  it('rejects a count that is not a number', () => {
    const body = fixture('v1-user-bookmark-tags-illust/azuline-2021.json');
    body.bookmark_tags[2].count = '2';
    expect(decodeError(BookmarkTagsBody, body).path).toBe('bookmark_tags.2.count');
  });
});
