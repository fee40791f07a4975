import { TokenBody, decode, toAuthTokens } from '../../lib/models';
import { decodeError, fixture } from './fixture';

describe('toAuthTokens', () => {
  it('reads the late-2020 shape (fields at the top level and inside response)', () => {
    const tokens = toAuthTokens(decode(TokenBody, fixture('auth-token/pixiv-shaft-2020-12-password-grant.json')));
    expect(tokens).toEqual({
      accessToken: 'REDACTED',
      refreshToken: 'REDACTED',
      expiresIn: 3600,
      account: {
        id: 47041657,
        name: 'shaft测试',
        account: 'user_pluto',
        profileImageUrls: {
          px_16x16:
            'https://i.pximg.net/user-profile/img/2020/10/20/16/22/51/19539756_68b7efa18c57614e800da9825367666f_16.jpg',
          px_50x50:
            'https://i.pximg.net/user-profile/img/2020/10/20/16/22/51/19539756_68b7efa18c57614e800da9825367666f_50.jpg',
          px_170x170:
            'https://i.pximg.net/user-profile/img/2020/10/20/16/22/51/19539756_68b7efa18c57614e800da9825367666f_170.jpg',
        },
        isFollowed: null,
        mailAddress: 'REDACTED',
        isPremium: false,
        xRestrict: 0,
        isMailAuthorized: true,
        requirePolicyAgreement: false,
      },
    });
  });

  it('reads the 2018 shape (only response); the string user id becomes a number', () => {
    const tokens = toAuthTokens(decode(TokenBody, fixture('auth-token/pix-ezviewer-2018-password-grant.json')));
    expect(tokens.account.id).toBe(14713395);
    expect(typeof tokens.account.id).toBe('number');
    expect(tokens.expiresIn).toBe(3600);
    expect(tokens.account).toMatchObject({ name: 'Notsfsssf', account: '912756674', xRestrict: 2, isPremium: false });
    expect(tokens.account.requirePolicyAgreement).toBeUndefined();
  });

  it('reads the top level when it is there, and ignores the copy in response', () => {
    const body = fixture('auth-token/pixiv-shaft-2020-12-password-grant.json');
    body.access_token = 'top';
    body.response.access_token = 'nested';
    expect(toAuthTokens(decode(TokenBody, body)).accessToken).toBe('top');
    body.response = 'anything';
    expect(toAuthTokens(decode(TokenBody, body)).accessToken).toBe('top');
  });

  it('rejects an incomplete top level even when response is complete', () => {
    const body = fixture('auth-token/pixiv-shaft-2020-12-password-grant.json');
    delete body.user;
    expect(decodeError(TokenBody, body).path).toBe('user');
  });

  it('accepts a numeric user id too', () => {
    const body = fixture('auth-token/pixiv-shaft-2020-12-password-grant.json');
    body.user.id = 47041657;
    expect(toAuthTokens(decode(TokenBody, body)).account.id).toBe(47041657);
  });

  it('rejects a user id that is not a number', () => {
    const body = fixture('auth-token/pix-ezviewer-2018-password-grant.json');
    body.response.user.id = 'abc';
    const error = decodeError(TokenBody, body);
    expect(error.path).toBe('response.user.id');
    expect(error.message).toBe('Unexpected API response at response.user.id: expected NumericId, found "abc"');
  });

  it('rejects an error body by its missing access_token', () => {
    const error = decodeError(TokenBody, fixture('errors/oauth-invalid-refresh-token-2024.json'));
    expect(error.path).toBe('access_token');
    expect(error.message).toBe('Unexpected API response at access_token: expected string, but the field is missing');
  });
});
