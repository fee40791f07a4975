import { inspect } from 'node:util';
import { firstValueFrom } from 'rxjs';
import {
  AuthenticationRequired,
  BadApiResponse,
  LoginError,
  NetworkError,
  PixivApiError,
  PixivError,
  RateLimitError,
  isPixivError,
  redactUrl,
} from '../lib/errors';
import { API, TOKEN_URL, fixture, mockedClient, tokenBody } from './support/mock-api';

const ACCESS = 'SECRET-ACCESS-TOKEN-4f1c';
const REFRESH = 'SECRET-REFRESH-TOKEN-9a2b';
const PASSWORD = 'SECRET-PASSWORD-77e0';
const CLIENT_SECRET = 'lsACyCD94FhDUtGTXi3QzcFE2uU1hqtDaKeqrdwj';
const SECRETS = [ACCESS, REFRESH, PASSWORD, CLIENT_SECRET];

/** Every way a user could look at an error. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    String(e.message),
    String(e.stack),
    JSON.stringify(e),
    inspect(e, { depth: 10 }),
    inspect(e, { depth: 10, showHidden: true }),
    String(e),
  ];
}

function expectNoSecrets(error: unknown): void {
  expect(error).toBeInstanceOf(PixivError);
  for (const text of renderings(error)) {
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/AxiosError|Bearer /);
  }
}

function client(tokenReply?: [number, unknown]) {
  const mocked = mockedClient({ refreshToken: REFRESH }, false);
  mocked.mock.onPost(TOKEN_URL).reply(...(tokenReply ?? [200, tokenBody(ACCESS, REFRESH)]));
  return mocked;
}

async function errorOf(source: Promise<unknown>): Promise<unknown> {
  return source.then(
    () => {
      throw new Error('expected an error');
    },
    (error: unknown) => error,
  );
}

describe('errors never carry a secret', () => {
  it('LoginError from a refused refresh token', async () => {
    const { client: c } = client([400, fixture('errors/oauth-invalid-refresh-token-2024.json')]);
    const error = await errorOf(firstValueFrom(c.illustration$(1)));
    expect(error).toBeInstanceOf(LoginError);
    expectNoSecrets(error);
  });

  it('LoginError from a refused password', async () => {
    const { client: c } = client([400, fixture('errors/oauth-password-103-2020.json')]);
    const error = await errorOf(firstValueFrom(c.login('user', PASSWORD)));
    expect(error).toBeInstanceOf(LoginError);
    expect((error as LoginError).serverMessage).toMatch(/^103:/);
    expectNoSecrets(error);
  });

  it('LoginError from a token endpoint that cannot be reached', async () => {
    const { client: c, mock } = mockedClient({ refreshToken: REFRESH }, false);
    mock.onPost(TOKEN_URL).networkError();
    const error = await errorOf(firstValueFrom(c.illustration$(1)));
    expect(error).toBeInstanceOf(LoginError);
    expect((error as LoginError).cause).toBeInstanceOf(NetworkError);
    expectNoSecrets(error);
  });

  it('BadApiResponse from a token body whose fields have the wrong types', async () => {
    const body = tokenBody(ACCESS, REFRESH) as Record<string, any>;
    body.expires_in = ACCESS;
    body.response.expires_in = ACCESS;
    const { client: c } = client([200, body]);
    const error = await errorOf(firstValueFrom(c.authenticate(REFRESH)));
    expectNoSecrets(error);
  });

  it('AuthenticationRequired', async () => {
    const { client: c } = mockedClient({ refreshToken: undefined });
    const error = await errorOf(firstValueFrom(c.illustration$(1)));
    expect(error).toBeInstanceOf(AuthenticationRequired);
    expectNoSecrets(error);
  });

  it('PixivApiError, RateLimitError and BadApiResponse from the API', async () => {
    const { client: c, mock } = client();
    mock
      .onGet(`${API}/v1/illust/detail?illust_id=1`)
      .reply(404, { error: { user_message: 'The artwork has been deleted or the artwork ID does not exist.', message: '', reason: '', user_message_details: {} } })
      .onGet(`${API}/v1/illust/detail?illust_id=2`)
      .reply(429, fixture('errors/app-api-rate-limit-2019.json'), { 'retry-after': '0' })
      .onGet(`${API}/v1/illust/detail?illust_id=3`)
      .reply(200, { illust: { id: 'three' } })
      .onGet(`${API}/v1/illust/detail?illust_id=4`)
      .reply(200, 'not json');
    const deleted = await errorOf(firstValueFrom(c.illustration$(1)));
    expect(deleted).toBeInstanceOf(PixivApiError);
    expect((deleted as PixivApiError).status).toBe(404);
    expect((deleted as PixivApiError).userMessage).toMatch(/has been deleted/);
    const limited = await errorOf(firstValueFrom(c.illustration$(2)));
    expect(limited).toBeInstanceOf(RateLimitError);
    const bad = await errorOf(firstValueFrom(c.illustration$(3)));
    expect(bad).toBeInstanceOf(BadApiResponse);
    const notJson = await errorOf(firstValueFrom(c.illustration$(4)));
    expect(notJson).toBeInstanceOf(BadApiResponse);
    for (const error of [deleted, limited, bad, notJson]) expectNoSecrets(error);
  });

  it('NetworkError from a reset or a timeout, though axios had the Authorization header', async () => {
    const { client: c, mock } = client();
    mock.onGet(`${API}/v1/illust/detail?illust_id=1`).networkError();
    mock.onGet(`${API}/v1/illust/detail?illust_id=2`).timeout();
    const reset = await errorOf(firstValueFrom(c.illustration$(1)));
    const timeout = await errorOf(firstValueFrom(c.illustration$(2)));
    expect(reset).toBeInstanceOf(NetworkError);
    expect(timeout).toBeInstanceOf(NetworkError);
    expect((timeout as NetworkError).kind).toBe('timeout');
    expectNoSecrets(reset);
    expectNoSecrets(timeout);
  });

  it('keeps the method and the path in the message', async () => {
    const { client: c, mock } = client();
    mock.onGet(`${API}/v1/illust/detail?illust_id=9`).reply(404, {});
    const error = await errorOf(firstValueFrom(c.illustration$(9)));
    expect((error as Error).message).toContain('GET https://app-api.pixiv.net/v1/illust/detail?illust_id=9');
    expect((error as PixivError).request).toEqual({ method: 'GET', url: `${API}/v1/illust/detail?illust_id=9` });
  });
});

describe('redactUrl', () => {
  it('removes the values of query parameters that may hold secrets', () => {
    expect(redactUrl('https://x/y?code=abc&state=1&refresh_token=r&code_verifier=v')).toBe(
      'https://x/y?code=REDACTED&state=1&refresh_token=REDACTED&code_verifier=REDACTED',
    );
    expect(redactUrl('https://x/y')).toBe('https://x/y');
  });
});

describe('the error family', () => {
  it('has a stable code and name per kind and a type guard', () => {
    const kinds: Array<[PixivError, string, string]> = [
      [new LoginError('x'), 'LoginError', 'LOGIN_FAILED'],
      [new AuthenticationRequired(), 'AuthenticationRequired', 'AUTHENTICATION_REQUIRED'],
      [new BadApiResponse('x', { path: 'a.b' }), 'BadApiResponse', 'BAD_API_RESPONSE'],
      [new PixivApiError('x', { status: 500 }), 'PixivApiError', 'API_ERROR'],
      [new RateLimitError('x', { status: 429, retryAfterMs: 5 }), 'RateLimitError', 'RATE_LIMITED'],
      [new NetworkError('x', { kind: 'reset', reachedServer: true }), 'NetworkError', 'NETWORK_ERROR'],
    ];
    for (const [error, name, code] of kinds) {
      expect(error.name).toBe(name);
      expect(error.code).toBe(code);
      expect(isPixivError(error)).toBe(true);
      expect(error).toBeInstanceOf(Error);
      expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name, code });
    }
    expect(new RateLimitError('x', { status: 429 })).toBeInstanceOf(PixivApiError);
    expect(isPixivError(new Error('x'))).toBe(false);
  });
});
