import { inspect } from 'node:util';
import { firstValueFrom, lastValueFrom, merge, take, tap, toArray } from 'rxjs';
import { AuthenticationRequired, LoginError, PixivClient, createPkce } from '../../lib';
import { FakePixivServer } from '../../lib/testing';
import { apiRequests, clientOf, collect, failure } from './helpers';

describe('authentication against the fake', () => {
  let server: FakePixivServer;

  beforeEach(async () => {
    server = await FakePixivServer.start({ seed: 8, authorizationCodeTtlMs: 300 });
  });

  afterEach(() => server.close());

  it('sends nothing before subscription and authenticates lazily, once', async () => {
    const client = clientOf(server);
    const illustration$ = client.illustration$(server.world.samples.singleIllustId);
    expect(server.log).toHaveLength(0);
    await firstValueFrom(illustration$);
    await firstValueFrom(client.user$(server.world.showcaseUserId));
    expect(server.counters.tokenGrants).toEqual({ refresh_token: 1, authorization_code: 0, password: 0 });
    expect(client.account?.id).toBe(server.world.accountId);
    expect(client.accessToken).toEqual(expect.any(String));
    const token = server.requests('/auth/token')[0];
    expect(token?.headers['x-client-hash']).toMatch(/^[0-9a-f]{32}$/);
    expect(token?.form).toMatchObject({ grant_type: 'refresh_token', get_secure_url: '1', include_policy: 'true' });
  });

  it('fails with AuthenticationRequired without credentials, sending nothing', async () => {
    const client = new PixivClient({ apiBaseUrl: server.apiBaseUrl, oauthBaseUrl: server.oauthBaseUrl });
    const error = await failure(client.illustration$(server.world.samples.singleIllustId));
    expect(error).toBeInstanceOf(AuthenticationRequired);
    expect(server.log).toHaveLength(0);
  });

  it('refreshes an expired token mid-stream and keeps paging', async () => {
    const client = clientOf(server);
    const userId = server.world.showcaseUserId;
    let pages = 0;
    const works = await collect(
      client.userIllustrations$(userId).pipe(
        tap(() => {
          // after the first page's items, every token issued so far expires
          if (++pages === 30) server.expireAccessTokens();
        }),
      ),
    );
    expect(works.map((w) => w.id)).toEqual(server.world.illustrationIdsOf(userId, 'illust'));
    expect(server.counters.tokenGrants.refresh_token).toBe(2);
    const statuses = apiRequests(server).map((entry) => entry.status);
    expect(statuses).toEqual([200, 400, 200, 200]);
  });

  it('shares one refresh among 20 concurrent streams that all meet the expired token', async () => {
    const client = clientOf(server, { maxConcurrentRequests: 20 });
    await firstValueFrom(client.user$(server.world.accountId));
    server.expireAccessTokens();
    server.resetLog();
    server.latency(30, '/auth/token');
    server.latency(30, '/v1/illust/detail');
    const ids = server.world.illustrationIdsOf(server.world.showcaseUserId).slice(0, 20);
    const works = await lastValueFrom(merge(...ids.map((id) => client.illustration$(id))).pipe(toArray()));
    expect(works.map((w) => w.id).sort()).toEqual([...ids].sort());
    expect(apiRequests(server).filter((entry) => entry.status === 400)).toHaveLength(20);
    expect(server.counters.tokenGrants.refresh_token).toBe(1);
  });

  it('authenticates 20 concurrent first calls with a single grant', async () => {
    const client = clientOf(server);
    const ids = server.world.illustrationIdsOf(server.world.showcaseUserId).slice(0, 20);
    await lastValueFrom(merge(...ids.map((id) => client.illustration$(id))).pipe(toArray()));
    expect(server.counters.tokenGrants.refresh_token).toBe(1);
    expect(server.requests('/auth/token')).toHaveLength(1);
  });

  it('refreshes by expires_in before the API refuses the token', async () => {
    const short = await FakePixivServer.start({ expiresIn: 1 });
    try {
      const client = clientOf(short);
      await firstValueFrom(client.user$(short.world.accountId));
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await firstValueFrom(client.user$(short.world.accountId));
      expect(short.counters.tokenGrants.refresh_token).toBeGreaterThanOrEqual(2);
      expect(apiRequests(short).every((entry) => entry.status === 200)).toBe(true);
    } finally {
      await short.close();
    }
  });

  it('fails with LoginError "Invalid refresh token" for a revoked token, leaking no secret', async () => {
    server.revokeRefreshToken(server.refreshToken);
    const client = clientOf(server);
    const error = await failure(client.illustration$(server.world.samples.singleIllustId));
    expect(error).toBeInstanceOf(LoginError);
    expect(error).toMatchObject({ status: 400, serverMessage: 'Invalid refresh token', oauthError: 'invalid_grant' });
    for (const text of [error.message, error.stack, JSON.stringify(error), inspect(error, { showHidden: true, depth: 10 })]) {
      expect(text).not.toContain(server.refreshToken);
      expect(text).not.toContain('lsACyCD94FhDUtGTXi3QzcFE2uU1hqtDaKeqrdwj');
    }
    expect(apiRequests(server)).toHaveLength(0);
  });

  it('authenticate(refreshToken) emits the account and auth$ reports the session', async () => {
    const client = new PixivClient({ apiBaseUrl: server.apiBaseUrl, oauthBaseUrl: server.oauthBaseUrl });
    const states: unknown[] = [];
    const subscription = client.auth$.subscribe((state) => states.push(state));
    const token = server.issueRefreshToken(server.world.showcaseUserId);
    const account = await firstValueFrom(client.authenticate(token));
    subscription.unsubscribe();
    expect(account.id).toBe(server.world.showcaseUserId);
    expect(client.refreshToken).toBe(token);
    expect(states.length).toBeGreaterThanOrEqual(2);
    client.logout();
    expect(client.accessToken).toBeUndefined();
  });

  describe('PKCE', () => {
    it('exchanges a code from the web login for a session', async () => {
      const client = clientOf(server, { refreshToken: undefined });
      const pkce = createPkce();
      const loginUrl = client.loginUrl(pkce);
      expect(loginUrl).toBe(server.loginUrl(pkce.codeChallenge));
      const code = server.issueAuthorizationCode(pkce.codeChallenge);
      const account = await firstValueFrom(client.exchangeCode(code, pkce.codeVerifier));
      expect(account.id).toBe(server.world.accountId);
      expect(server.counters.tokenGrants.authorization_code).toBe(1);
      const form = server.requests('/auth/token')[0]?.form;
      expect(form).toMatchObject({
        grant_type: 'authorization_code',
        code,
        code_verifier: pkce.codeVerifier,
        redirect_uri: 'https://app-api.pixiv.net/web/v1/users/auth/pixiv/callback',
      });
      await firstValueFrom(client.illustration$(server.world.samples.singleIllustId));
    });

    it('fails with LoginError for an expired code and for a second use', async () => {
      const client = clientOf(server, { refreshToken: undefined });
      const pkce = createPkce();
      const expired = server.issueAuthorizationCode(pkce.codeChallenge);
      await new Promise((resolve) => setTimeout(resolve, 350));
      const error = await failure(client.exchangeCode(expired, pkce.codeVerifier));
      expect(error).toBeInstanceOf(LoginError);
      expect(error.serverMessage).toBe('The authorization code has expired');
      const code = server.issueAuthorizationCode(pkce.codeChallenge);
      await firstValueFrom(client.exchangeCode(code, pkce.codeVerifier));
      expect(await failure(client.exchangeCode(code, pkce.codeVerifier))).toBeInstanceOf(LoginError);
    });
  });

  describe('login (password grant)', () => {
    it('fails with a LoginError that says Pixiv refuses password logins', async () => {
      const client = clientOf(server, { refreshToken: undefined });
      const error = await failure(client.login('pixiv_rx_tester', 'password'));
      expect(error).toBeInstanceOf(LoginError);
      expect(error.message).toMatch(/PKCE/);
      expect(error.message).not.toContain('password"');
      expect(server.counters.tokenGrants.password).toBe(0);
    });

    it('works against a server that still allows it', async () => {
      const legacy = await FakePixivServer.start({ allowPasswordGrant: true });
      try {
        const client = clientOf(legacy, { refreshToken: undefined });
        const account = await firstValueFrom(client.login('pixiv_rx_tester', 'password'));
        expect(account.id).toBe(legacy.world.accountId);
        expect(legacy.counters.tokenGrants.password).toBe(1);
      } finally {
        await legacy.close();
      }
    });
  });

  it('reads the 2018 response-only token shape', async () => {
    const old = await FakePixivServer.start({ tokenShape: 'response-only' });
    try {
      const client = clientOf(old);
      const works = await collect(client.userIllustrations$(old.world.showcaseUserId).pipe(take(5)));
      expect(works).toHaveLength(5);
      expect(client.account?.id).toBe(old.world.accountId);
    } finally {
      await old.close();
    }
  });
});
