import { ApiErrorEnvelope, OAuthErrorBody, decode } from '../../lib/models';
import { fixture } from './fixture';

describe('ApiErrorEnvelope', () => {
  it.each([
    ['app-api-rate-limit-2019.json', { user_message: '', message: 'Rate Limit', reason: '' }],
    ['app-api-access-restricted-2024.json', { user_message: 'Your access is currently restricted.', message: '' }],
    [
      'app-api-oauth-process-error-2017.json',
      {
        message:
          'Error occurred at the OAuth process. Please check your Access Token to fix this. Error Message: invalid_request',
      },
    ],
  ])('decodes errors/%s', (file, expected) => {
    const envelope = decode(ApiErrorEnvelope, fixture(`errors/${file}`));
    expect(envelope.error).toMatchObject(expected);
    expect(envelope.error.user_message_details).toEqual({});
  });

  it('tolerates missing and null fields', () => {
    expect(decode(ApiErrorEnvelope, { error: {} }).error).toEqual({});
    expect(decode(ApiErrorEnvelope, { error: { message: null, extra: 1 } }).error.message).toBeNull();
  });

  it('is not any object: it needs the error object', () => {
    expect(ApiErrorEnvelope.is({ illusts: [] })).toBe(false);
    expect(ApiErrorEnvelope.is({ error: 'invalid_grant' })).toBe(false);
  });
});

describe('OAuthErrorBody', () => {
  it.each([
    ['oauth-invalid-refresh-token-2024.json', 'Invalid refresh token'],
    ['oauth-invalid-grant-type-2021.json', 'Invalid grant_type parameter or parameter missing'],
    ['oauth-password-103-2020.json', '103:pixiv ID、またはメールアドレス、パスワードが正しいかチェックしてください。'],
  ])('decodes errors/%s', (file, message) => {
    const body = decode(OAuthErrorBody, fixture(`errors/${file}`));
    expect(body).toEqual({ has_error: true, errors: { system: { message, code: 1508 } }, error: 'invalid_grant' });
  });

  it('tolerates a body with only some of the fields', () => {
    expect(decode(OAuthErrorBody, { has_error: true, errors: { system: { message: 'access_denied', code: 1508 } } }).error).toBeUndefined();
    expect(decode(OAuthErrorBody, { error: 'invalid_grant' }).error).toBe('invalid_grant');
  });
});
