import { firstValueFrom, forkJoin, lastValueFrom } from 'rxjs';
import { md5 } from '@noble/hashes/legacy';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { PixivClient } from '../../lib/client';
import { AuthenticationRequired, LoginError } from '../../lib/errors';
import { API, EXPIRED_TOKEN_BODY, TOKEN_URL, fixture, mockedClient, tokenBody } from '../support/mock-api';

const detailUrl = (id: number) => `${API}/v1/illust/detail?illust_id=${id}`;
const detailBody = () => fixture('v1-illust-detail/pixivpy-2025-126839540.json');

function bearerOf(request: { headers?: unknown }): string | undefined {
  const headers = request.headers as Record<string, string> | undefined;
  return headers?.Authorization;
}

describe('auth session', () => {
  afterEach(() => jest.restoreAllMocks());

  it('authenticates lazily with the constructor refresh token on first use', async () => {
    const { client, mock, tokenRequests } = mockedClient();
    mock.onGet(detailUrl(126839540)).reply(200, detailBody());
    expect(client.accessToken).toBeUndefined();
    expect(tokenRequests()).toHaveLength(0);

    const work = await firstValueFrom(client.illustration$(126839540));
    expect(work.id).toBe(126839540);
    const [form] = tokenRequests();
    expect(Object.fromEntries(form)).toEqual({
      client_id: 'MOBrBDS8blbauoSck0ZfDbtuzpyT',
      client_secret: 'lsACyCD94FhDUtGTXi3QzcFE2uU1hqtDaKeqrdwj',
      get_secure_url: '1',
      include_policy: 'true',
      grant_type: 'refresh_token',
      refresh_token: 'refresh-initial',
    });
    expect(bearerOf(mock.history.get[0])).toBe('Bearer access-1');
    expect(client.accessToken).toBe('access-1');
    expect(client.refreshToken).toBe('refresh-rotated');
    expect(client.account?.id).toBe(47041657);
  });

  it('signs token requests with X-Client-Time and X-Client-Hash', async () => {
    const { client, mock } = mockedClient();
    await firstValueFrom(client.authenticate('refresh-initial'));
    const headers = mock.history.post[0].headers as Record<string, string>;
    const time = headers['X-Client-Time'];
    expect(time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    const secret = '28c1fdd170a5204386cb1313c7077b34f83e4aaf4aa829ce78c231e05b0bae2c';
    expect(headers['X-Client-Hash']).toBe(bytesToHex(md5(utf8ToBytes(time + secret))));
    expect(headers['User-Agent']).toMatch(/^PixivAndroidApp\//);
    expect(headers['Content-Type']).toBe('application/x-www-form-urlencoded');
  });

  it('fails with AuthenticationRequired and sends nothing without credentials', async () => {
    const { client, mock } = mockedClient({ refreshToken: undefined });
    const error = await firstValueFrom(client.illustration$(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationRequired);
    expect(mock.history.get).toHaveLength(0);
    expect(mock.history.post).toHaveLength(0);
  });

  it('refreshes proactively when expires_in has run out', async () => {
    let now = 1_700_000_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const { client, mock, tokenRequests } = mockedClient();
    mock.onGet(detailUrl(126839540)).reply(200, detailBody());
    await firstValueFrom(client.illustration$(126839540));
    now += 30 * 60_000;
    await firstValueFrom(client.illustration$(126839540));
    expect(tokenRequests()).toHaveLength(1);
    now += 29 * 60_000 + 1; // inside the refresh margin before expiry
    await firstValueFrom(client.illustration$(126839540));
    expect(tokenRequests()).toHaveLength(2);
    expect(tokenRequests()[1].get('refresh_token')).toBe('refresh-rotated');
    expect(bearerOf(mock.history.get[2])).toBe('Bearer access-2');
  });

  it('refreshes reactively when the API answers 400 invalid_grant, and replays the request once', async () => {
    const { client, mock, tokenRequests } = mockedClient();
    mock.onGet(detailUrl(126839540)).reply((config) =>
      (config.headers as Record<string, string>).Authorization === 'Bearer access-1'
        ? [400, EXPIRED_TOKEN_BODY]
        : [200, detailBody()],
    );
    const work = await firstValueFrom(client.illustration$(126839540));
    expect(work.id).toBe(126839540);
    expect(tokenRequests()).toHaveLength(2);
    expect(mock.history.get.map(bearerOf)).toEqual(['Bearer access-1', 'Bearer access-2']);
  });

  it('replays only once: a second invalid_grant is the error', async () => {
    const { client, mock, tokenRequests } = mockedClient();
    mock.onGet(detailUrl(1)).reply(400, EXPIRED_TOKEN_BODY);
    const error = await firstValueFrom(client.illustration$(1)).catch((e: unknown) => e);
    expect((error as { status?: number }).status).toBe(400);
    expect(tokenRequests()).toHaveLength(2);
    expect(mock.history.get).toHaveLength(2);
  });

  it('refreshes exactly once for 20 concurrent requests that meet an expired token', async () => {
    const { client, mock, tokenRequests } = mockedClient();
    await firstValueFrom(client.authenticate('refresh-initial'));
    mock.onGet(/\/v1\/illust\/detail/).reply((config) =>
      (config.headers as Record<string, string>).Authorization === 'Bearer access-1'
        ? [400, EXPIRED_TOKEN_BODY]
        : [200, detailBody()],
    );
    const works = await lastValueFrom(
      forkJoin(Array.from({ length: 20 }, (_, i) => client.illustration$(i + 1))),
    );
    expect(works).toHaveLength(20);
    expect(tokenRequests()).toHaveLength(2); // the explicit authenticate + one refresh
    const bearers = mock.history.get.map(bearerOf);
    expect(bearers.filter((b) => b === 'Bearer access-1')).toHaveLength(20);
    expect(bearers.filter((b) => b === 'Bearer access-2')).toHaveLength(20);
  });

  it('fails every waiting request with LoginError when the refresh fails', async () => {
    const { client, mock, tokenRequests } = mockedClient({}, false);
    mock.onPost(TOKEN_URL).reply(400, fixture('errors/oauth-invalid-refresh-token-2024.json'));
    mock.onGet(/\/v1\/illust\/detail/).reply(200, detailBody());
    const errors = await Promise.all(
      Array.from({ length: 5 }, (_, i) => firstValueFrom(client.illustration$(i + 1)).catch((e: unknown) => e)),
    );
    for (const error of errors) {
      expect(error).toBeInstanceOf(LoginError);
      expect((error as LoginError).serverMessage).toBe('Invalid refresh token');
      expect((error as LoginError).status).toBe(400);
    }
    expect(tokenRequests()).toHaveLength(1);
    expect(mock.history.get).toHaveLength(0);
  });

  it('says what the server said when the password grant is refused', async () => {
    const { client, mock, tokenRequests } = mockedClient({}, false);
    mock.onPost(TOKEN_URL).reply(400, fixture('errors/oauth-invalid-grant-type-2021.json'));
    const error = await firstValueFrom(client.login('someone', 'hunter2')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginError);
    expect((error as LoginError).serverMessage).toBe('Invalid grant_type parameter or parameter missing');
    expect((error as Error).message).toMatch(/Invalid grant_type parameter/);
    expect((error as Error).message).toMatch(/February 2021/);
    expect((error as Error).message).toMatch(/PKCE/);
    const form = tokenRequests()[0];
    expect(form.get('grant_type')).toBe('password');
    expect(form.get('username')).toBe('someone');
    expect(mock.history.post).toHaveLength(1); // a refused grant is not retried
  });

  it('exchanges a PKCE code with the verifier and the redirect URI', async () => {
    const { client, tokenRequests } = mockedClient({ refreshToken: undefined });
    const account = await firstValueFrom(client.exchangeCode('the-code', 'the-verifier'));
    expect(account.name).toBe('shaft测试');
    expect(Object.fromEntries(tokenRequests()[0])).toMatchObject({
      grant_type: 'authorization_code',
      code: 'the-code',
      code_verifier: 'the-verifier',
      redirect_uri: 'https://app-api.pixiv.net/web/v1/users/auth/pixiv/callback',
    });
  });

  it('reads the 2018 token body that has only `response`', async () => {
    const { client, mock } = mockedClient({}, false);
    const body = fixture('auth-token/pix-ezviewer-2018-password-grant.json');
    body.response.access_token = 'old-access';
    body.response.refresh_token = 'old-refresh';
    mock.onPost(TOKEN_URL).reply(200, body);
    const account = await firstValueFrom(client.authenticate('x'));
    expect(typeof account.id).toBe('number');
    expect(client.accessToken).toBe('old-access');
    expect(client.refreshToken).toBe('old-refresh');
  });

  it('replays the state on auth$, emits on every change, and forgets it on logout()', async () => {
    const { client } = mockedClient();
    const states: Array<string | undefined> = [];
    const subscription = client.auth$.subscribe((state) => states.push(state.accessToken));
    await firstValueFrom(client.authenticate('refresh-initial'));
    client.logout();
    subscription.unsubscribe();
    expect(states).toEqual([undefined, 'access-1', undefined]);
    expect(client.account).toBeUndefined();
    expect(client.refreshToken).toBeUndefined();
    const late = await firstValueFrom(client.auth$);
    expect(late.accessToken).toBeUndefined();
    const error = await firstValueFrom(client.illustration$(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationRequired);
  });

  it('builds the PKCE login URL on the API host', () => {
    const client = new PixivClient();
    expect(client.loginUrl({ codeChallenge: 'abc-_' })).toBe(
      'https://app-api.pixiv.net/web/v1/login?code_challenge=abc-_&code_challenge_method=S256&client=pixiv-android',
    );
  });

  it('makes no request from the constructor', () => {
    const { mock } = mockedClient();
    expect(mock.history.get).toHaveLength(0);
    expect(mock.history.post).toHaveLength(0);
  });
});

describe('tokenBody helper', () => {
  it('keeps the fixture shape', () => {
    const body = tokenBody('a', 'b') as { response: { access_token: string } };
    expect(body.response.access_token).toBe('a');
  });
});

describe('logout during a refresh', () => {
  it('fails the waiting request with AuthenticationRequired instead of sending no token', async () => {
    const { client, mock } = mockedClient({}, false);
    let release: (() => void) | undefined;
    mock.onPost(TOKEN_URL).reply(
      () =>
        new Promise((resolve) => {
          release = () => resolve([200, tokenBody('late-access', 'late-refresh')]);
        }),
    );
    mock.onGet(/\/v1\/illust\/detail/).reply(200, fixture('v1-illust-detail/pixivpy-2025-126839540.json'));
    const pending = firstValueFrom(client.illustration$(1)).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 10));
    client.logout();
    release!();
    expect(await pending).toBeInstanceOf(AuthenticationRequired);
    expect(mock.history.get).toHaveLength(0);
    expect(client.accessToken).toBeUndefined();
  });
});
