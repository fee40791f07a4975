import { UserDetailBody, decode, toFullUser } from '../../lib/models';
import { fixture } from './fixture';

describe('toFullUser', () => {
  it('maps the 2021 user detail (wlop) with camelCase keys inside', () => {
    const user = toFullUser(decode(UserDetailBody, fixture('v1-user-detail/azuline-2021-2188232.json')));
    expect(user).toMatchObject({
      id: 2188232,
      account: 'wlop',
      name: 'wlop',
      isFollowed: false,
      profileImageUrls: {
        medium:
          'https://i.pximg.net/user-profile/img/2016/01/20/14/32/29/10408877_978587c10c1ac2b02bca0caea6519c97_170.jpg',
      },
    });
    expect(user.comment).toContain('https://www.patreon.com/wlop\r\n');
    expect(user.profile).toMatchObject({
      countryCode: 'CN',
      addressId: 48,
      birthDay: '06-05',
      totalFollowUsers: 53,
      totalIllustBookmarksPublic: 1,
      totalIllusts: 158,
      pawooUrl: 'https://pawoo.net/oauth_authentications/2188232?provider=pixiv',
      isPremium: true,
      webpage: 'http://weibo.com/wlop',
    });
    expect(user.profilePublicity).toEqual({
      birthDay: 'public',
      birthYear: 'public',
      gender: 'public',
      job: 'public',
      pawoo: true,
      region: 'public',
    });
    expect(user.workspace).toMatchObject({ workspaceImageUrl: null, pc: '', chair: '' });
    expect(Object.keys(user.profile).some((key) => key.includes('_'))).toBe(false);
    expect(Object.keys(user.workspace).some((key) => key.includes('_'))).toBe(false);
  });

  it('maps the 2019 premium user with null URLs', () => {
    const user = toFullUser(decode(UserDetailBody, fixture('v1-user-detail/pixivutil2-2019-1039353.json')));
    expect(user).toMatchObject({ id: 1039353, name: 'Mika Pikazo', account: 'igix', isFollowed: false });
    expect(user.profile).toMatchObject({
      webpage: 'https://www.mikapikazo.com',
      twitterUrl: 'https://twitter.com/MikaPikaZo',
      pawooUrl: null,
      backgroundImageUrl: null,
      totalIllusts: 244,
    });
    expect(user.comment).toContain('REDACTED');
  });

  it('maps the 2019 user with the default avatar and is_followed true', () => {
    const user = toFullUser(decode(UserDetailBody, fixture('v1-user-detail/pixivutil2-2019-26357-no-profile.json')));
    expect(user).toMatchObject({ id: 26357, account: 'yukimaruko', isFollowed: true });
    expect(user.profileImageUrls.medium).toBe('https://s.pximg.net/common/images/no_profile.png');
    expect(user.profile).toMatchObject({ birthYear: 1920, birth: '1920-02-01', isUsingCustomProfileImage: false });
  });

  it('accepts the derived-partial 2023 user detail: profile counters are not core', () => {
    // SOURCES.md: the pixivts test stripped profile.total_follow_users and
    // total_illust_bookmarks_public. Profile keys are an informational bag that has changed over
    // the years, so every profile key is optional (but type-checked when present).
    const user = toFullUser(decode(UserDetailBody, fixture('v1-user-detail/pixivts-2023-16568776-derived-partial.json')));
    expect(user).toMatchObject({ id: 16568776, account: 'tomachi_book000', isAccessBlockingUser: false });
    expect(user.profile.totalFollowUsers).toBeUndefined();
    expect(user.profile.totalIllustBookmarksPublic).toBeUndefined();
    expect(user.profile).toMatchObject({ totalMypixivUsers: 1, webpage: null, region: '日本 山梨県' });
    expect(user.profilePublicity).toMatchObject({ birthDay: 'private', pawoo: false });
  });

  it('still type-checks the profile keys that are present', () => {
    const body = fixture('v1-user-detail/pixivts-2023-16568776-derived-partial.json');
    body.profile.total_illusts = '0';
    expect(() => decode(UserDetailBody, body)).toThrow(expect.objectContaining({ path: 'profile.total_illusts' }));
  });

  it('requires the user', () => {
    const body = fixture('v1-user-detail/azuline-2021-2188232.json');
    delete body.user.comment;
    expect(() => decode(UserDetailBody, body)).toThrow(expect.objectContaining({ path: 'user.comment' }));
  });
});
