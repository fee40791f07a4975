import { AxiosError, AxiosHeaders } from 'axios';
import { NetworkError, PixivApiError, RateLimitError } from '../../lib/errors';
import { errorFromResponse, toPixivError } from '../../lib/http/map-error';
import { fixture } from '../support/mock-api';

const target = { method: 'GET', url: 'https://app-api.pixiv.net/v1/user/detail?user_id=1' };

describe('errorFromResponse', () => {
  it('reads a rate limit from the body even when the status is 403', () => {
    const error = errorFromResponse(403, fixture('errors/app-api-rate-limit-2019.json'), {}, target);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.status).toBe(403);
    expect(error.apiMessage).toBe('Rate Limit');
  });

  it('reads a rate limit from a 429 and its Retry-After', () => {
    const error = errorFromResponse(429, undefined, { 'retry-after': '7' }, target) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(7000);
  });

  it('puts the envelope’s user_message and message into PixivApiError', () => {
    const error = errorFromResponse(403, fixture('errors/app-api-access-restricted-2024.json'), {}, target);
    expect(error).not.toBeInstanceOf(RateLimitError);
    expect(error.userMessage).toBe('Your access is currently restricted.');
    expect(error.message).toContain('Your access is currently restricted.');
    expect(error.message).toContain('GET https://app-api.pixiv.net/v1/user/detail?user_id=1');
  });

  it('keeps an object-valued message (the search offset cap) readable', () => {
    const body = { error: { user_message: '', message: { offset: ['Offset must be no more than 5000'] }, reason: '' } };
    const error = errorFromResponse(400, body, {}, target);
    expect(error.apiMessage).toContain('Offset must be no more than 5000');
  });

  it('copes with a body that is not an envelope', () => {
    const error = errorFromResponse(502, undefined, undefined, target);
    expect(error).toBeInstanceOf(PixivApiError);
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/^Pixiv answered HTTP 502/);
  });
});

describe('toPixivError', () => {
  const withCode = (code: string) => Object.assign(new Error(code), { code });

  it.each([
    ['ECONNRESET', 'reset', true],
    ['ECONNREFUSED', 'refused', false],
    ['ENOTFOUND', 'dns', false],
    ['ETIMEDOUT', 'timeout', true],
  ] as const)('maps %s to a NetworkError of kind %s', (code, kind, reachedServer) => {
    const error = toPixivError(withCode(code), target) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.kind).toBe(kind);
    expect(error.reachedServer).toBe(reachedServer);
  });

  it('keeps nothing of an AxiosError, whose config holds the Authorization header', () => {
    const config = { headers: new AxiosHeaders({ Authorization: 'Bearer secret-token' }) };
    const axiosError = new AxiosError('socket hang up', 'ECONNRESET', config as never);
    const error = toPixivError(axiosError, target);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.cause).toBeUndefined();
    expect(JSON.stringify(error)).not.toContain('secret-token');
    expect(Object.values(error).some((value) => value === axiosError || value === config)).toBe(false);
  });

  it('maps an AxiosError with a response by its status and body', () => {
    const config = { headers: new AxiosHeaders() };
    const response = { status: 404, data: '{"error":{"user_message":"gone","message":"","reason":""}}', headers: {}, config, statusText: '' };
    const error = toPixivError(new AxiosError('404', 'ERR_BAD_REQUEST', config as never, null, response as never), target);
    expect(error).toBeInstanceOf(PixivApiError);
    expect((error as PixivApiError).userMessage).toBe('gone');
  });
});
