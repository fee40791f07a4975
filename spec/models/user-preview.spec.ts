import { ContentType, UserPreviewsBody, decode, toUserPreview } from '../../lib/models';
import { fixture } from './fixture';

describe('toUserPreview', () => {
  it('maps /v1/user/following (2021): 30 previews with up to 3 illustrations', () => {
    const body = decode(UserPreviewsBody, fixture('v1-user-following/azuline-2021-126852.json'));
    const previews = body.user_previews.map(toUserPreview);
    expect(previews).toHaveLength(30);
    expect(body.next_url).toBe('https://app-api.pixiv.net/v1/user/following?user_id=126852&restrict=public&offset=30');
    expect(previews[0].user).toMatchObject({ id: 14936402, name: '千', isFollowed: false });
    expect(previews[0].illustrations).toHaveLength(3);
    expect(previews[0].isMuted).toBe(false);
    expect(previews.every((preview) => preview.illustrations.length <= 3)).toBe(true);
    expect(previews[27].illustrations[0].xRestrict).toBe(2);
    const all = previews.flatMap((preview) => preview.illustrations);
    expect(all).toHaveLength(88);
    expect(all.filter((illustration) => illustration.series !== null)).toHaveLength(3);
    expect(all.some((illustration) => illustration.type === ContentType.MANGA)).toBe(true);
    expect(previews[29].novels).toHaveLength(3);
  });

  it('maps /v1/user/follower (anonymised): previews without works, next_url null', () => {
    const body = decode(UserPreviewsBody, fixture('v1-user-follower/azuline-2021-anonymized.json'));
    expect(body.next_url).toBeNull();
    expect(body.user_previews.map(toUserPreview)).toEqual([
      {
        user: {
          id: 11111111,
          account: 'user_xxxx0001',
          name: 'User1',
          profileImageUrls: { medium: 'https://i.pximg.net/user-profile/img/xxxxxxxx.jpg' },
          isFollowed: false,
        },
        illustrations: [],
        novels: [],
        isMuted: false,
      },
      {
        user: {
          id: 22222222,
          account: 'user_xxxx0002',
          name: 'User2',
          profileImageUrls: { medium: 'https://i.pximg.net/user-profile/img/xxxxxxxx.jpg' },
          isFollowed: false,
        },
        illustrations: [],
        novels: [],
        isMuted: false,
      },
    ]);
  });
});
