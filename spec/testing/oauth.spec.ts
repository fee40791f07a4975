import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakePixivServer, IOS_CLIENT, REDIRECT_URI } from '../../lib/testing';
import { apiGet, appHeaders, clientHash, clientTime, request, tokenRequest } from './http-helpers';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '../fixtures', name), 'utf8'));

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

describe('FakePixivServer OAuth (/auth/token)', () => {
  let server: FakePixivServer;

  beforeEach(async () => {
    server = await FakePixivServer.start({ authorizationCodeTtlMs: 200 });
  });

  afterEach(() => server.close());

  it('serves OAuth from its own origin, separate from the API and the image host', () => {
    const origins = new Set([server.apiBaseUrl, server.oauthBaseUrl, server.imageBaseUrl]);
    expect(origins.size).toBe(3);
    for (const origin of origins) expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  describe('client hash', () => {
    it('accepts X-Client-Time with an offset and the md5 of time + secret', async () => {
      const res = await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: server.refreshToken });
      expect(res.status).toBe(200);
    });

    it('accepts a Z offset', async () => {
      const time = `${new Date().toISOString().slice(0, 19)}Z`;
      const res = await tokenRequest(
        server,
        { grant_type: 'refresh_token', refresh_token: server.refreshToken },
        { 'X-Client-Time': time, 'X-Client-Hash': clientHash(time) },
      );
      expect(res.status).toBe(200);
    });

    it.each([
      ['a missing hash', (time: string) => ({ 'X-Client-Time': time, 'X-Client-Hash': '' })],
      ['a wrong hash', (time: string) => ({ 'X-Client-Time': time, 'X-Client-Hash': clientHash(`${time}x`) })],
      ['an uppercase hash', (time: string) => ({ 'X-Client-Time': time, 'X-Client-Hash': clientHash(time).toUpperCase() })],
      [
        'a time with microseconds and no offset',
        () => {
          const time = `${new Date().toISOString().slice(0, 19)}.123456`;
          return { 'X-Client-Time': time, 'X-Client-Hash': clientHash(time) };
        },
      ],
    ])('refuses %s with the 1508 access_denied body', async (_, headers) => {
      const res = await tokenRequest(
        server,
        { grant_type: 'refresh_token', refresh_token: server.refreshToken },
        headers(clientTime()),
      );
      expect(res.status).toBe(400);
      expect(res.json()).toEqual({ has_error: true, errors: { system: { message: 'access_denied', code: 1508 } } });
    });
  });

  it('accepts the iOS client pair and refuses an unknown one', async () => {
    const ios = await tokenRequest(server, {
      grant_type: 'refresh_token',
      refresh_token: server.refreshToken,
      client_id: IOS_CLIENT.id,
      client_secret: IOS_CLIENT.secret,
    });
    expect(ios.status).toBe(200);
    const wrong = await tokenRequest(server, {
      grant_type: 'refresh_token',
      refresh_token: server.refreshToken,
      client_secret: 'nope',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json().has_error).toBe(true);
  });

  it('answers 403 like Cloudflare without an app User-Agent', async () => {
    const time = clientTime();
    const res = await request(`${server.oauthBaseUrl}/auth/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Client-Time': time,
        'X-Client-Hash': clientHash(time),
        'User-Agent': 'axios/1.13.0',
      },
      body: `grant_type=refresh_token&refresh_token=${server.refreshToken}`,
    });
    expect(res.status).toBe(403);
    expect(res.text).toContain('Cloudflare');
  });

  describe('grant_type=refresh_token', () => {
    it('answers both shapes: top level and again in response, with user.id a string', async () => {
      const res = await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: server.refreshToken });
      const body = res.json();
      expect(body).toMatchObject({ expires_in: 3600, token_type: 'bearer', scope: '', refresh_token: server.refreshToken });
      const { response, ...top } = body;
      expect(response).toEqual(top);
      expect(body.user.id).toBe(String(server.world.accountId));
      const real = fixture('auth-token/pixiv-shaft-2020-12-password-grant.json');
      const keys = (o: object) => Object.keys(o).filter((k) => k !== 'device_token').sort();
      expect(keys(body)).toEqual(keys(real));
      expect(Object.keys(body.user).sort()).toEqual(Object.keys(real.user).sort());
      expect(Object.keys(body.user.profile_image_urls)).toEqual(['px_16x16', 'px_50x50', 'px_170x170']);
    });

    it('gives an access token the API accepts', async () => {
      const res = await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: server.refreshToken });
      const api = await apiGet(server, `/v1/user/detail?user_id=${server.world.accountId}`, res.json().access_token);
      expect(api.status).toBe(200);
    });

    it('refuses an unknown or revoked refresh token with "Invalid refresh token"', async () => {
      const unknown = await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: 'nope' });
      expect(unknown.status).toBe(400);
      expect(unknown.json()).toEqual(fixture('errors/oauth-invalid-refresh-token-2024.json'));
      const token = server.issueRefreshToken();
      server.revokeRefreshToken(token);
      const revoked = await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: token });
      expect(revoked.status).toBe(400);
      expect(revoked.json()).toEqual(fixture('errors/oauth-invalid-refresh-token-2024.json'));
    });

    it('counts grants by grant type', async () => {
      await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: server.refreshToken });
      await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: 'nope' });
      expect(server.counters.tokenGrants).toEqual({ refresh_token: 1, authorization_code: 0, password: 0 });
      expect(server.counters.tokenRequests).toBe(2);
    });

    it('uses expiresIn for expires_in and the token lifetime', async () => {
      const short = await FakePixivServer.start({ expiresIn: 1 });
      try {
        const res = await tokenRequest(short, { grant_type: 'refresh_token', refresh_token: short.refreshToken });
        expect(res.json().expires_in).toBe(1);
        const token = res.json().access_token;
        expect((await apiGet(short, `/v1/user/detail?user_id=${short.world.accountId}`, token)).status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 1100));
        const expired = await apiGet(short, `/v1/user/detail?user_id=${short.world.accountId}`, token);
        expect(expired.status).toBe(400);
        expect(expired.json().error.message).toMatch(/invalid_grant$/);
      } finally {
        await short.close();
      }
    });
  });

  describe('grant_type=authorization_code (PKCE)', () => {
    it('exchanges an issued code with the matching verifier, once', async () => {
      const { verifier, challenge } = pkce();
      const code = server.issueAuthorizationCode(challenge);
      const form = { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI };
      const res = await tokenRequest(server, form);
      expect(res.status).toBe(200);
      expect(res.json().user.id).toBe(String(server.world.accountId));
      expect(server.counters.tokenGrants.authorization_code).toBe(1);
      const again = await tokenRequest(server, form);
      expect(again.status).toBe(400);
      expect(again.json().error).toBe('invalid_grant');
    });

    it('gives a refresh token that works for refresh_token grants', async () => {
      const { verifier, challenge } = pkce();
      const code = server.issueAuthorizationCode(challenge);
      const res = await tokenRequest(server, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI });
      const refresh = await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: res.json().refresh_token });
      expect(refresh.status).toBe(200);
    });

    it('refuses a verifier that does not hash to the challenge', async () => {
      const { challenge } = pkce();
      const code = server.issueAuthorizationCode(challenge);
      const res = await tokenRequest(server, { grant_type: 'authorization_code', code, code_verifier: pkce().verifier, redirect_uri: REDIRECT_URI });
      expect(res.status).toBe(400);
      expect(res.json().error).toBe('invalid_grant');
    });

    it('refuses an expired code with "The authorization code has expired"', async () => {
      const { verifier, challenge } = pkce();
      const code = server.issueAuthorizationCode(challenge);
      await new Promise((resolve) => setTimeout(resolve, 250));
      const res = await tokenRequest(server, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI });
      expect(res.status).toBe(400);
      expect(res.json()).toEqual({
        has_error: true,
        errors: { system: { message: 'The authorization code has expired', code: 1508 } },
        error: 'invalid_grant',
      });
    });

    it('needs the app redirect_uri', async () => {
      const { verifier, challenge } = pkce();
      const code = server.issueAuthorizationCode(challenge);
      const res = await tokenRequest(server, { grant_type: 'authorization_code', code, code_verifier: verifier });
      expect(res.status).toBe(400);
    });

    it('codes can belong to another user', async () => {
      const { verifier, challenge } = pkce();
      const userId = server.world.showcaseUserId;
      const code = server.issueAuthorizationCode(challenge, { userId });
      const res = await tokenRequest(server, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI });
      expect(res.json().user.id).toBe(String(userId));
    });

    it('has a web login page that redirects to pixiv:// with a code', async () => {
      const { verifier, challenge } = pkce();
      const res = await request(server.loginUrl(challenge));
      expect(res.status).toBe(302);
      const location = new URL(res.headers.location as string);
      expect(location.protocol).toBe('pixiv:');
      expect(location.searchParams.get('via')).toBe('login');
      const code = location.searchParams.get('code') as string;
      const token = await tokenRequest(server, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI });
      expect(token.status).toBe(200);
    });
  });

  describe('grant_type=password', () => {
    it('is refused exactly as Pixiv refuses it since 2021', async () => {
      const account = server.world.user(server.world.accountId);
      const res = await tokenRequest(server, { grant_type: 'password', username: account?.account ?? '', password: 'password' });
      expect(res.status).toBe(400);
      expect(res.json()).toEqual(fixture('errors/oauth-invalid-grant-type-2021.json'));
      expect(server.counters.tokenGrants.password).toBe(0);
    });

    it('works when allowPasswordGrant is set, and answers the 103 body for a wrong password', async () => {
      const legacy = await FakePixivServer.start({ allowPasswordGrant: true, password: 'hunter2' });
      try {
        const account = legacy.world.user(legacy.world.accountId);
        const ok = await tokenRequest(legacy, { grant_type: 'password', username: account?.account ?? '', password: 'hunter2' });
        expect(ok.status).toBe(200);
        expect(legacy.counters.tokenGrants.password).toBe(1);
        const wrong = await tokenRequest(legacy, { grant_type: 'password', username: account?.account ?? '', password: 'nope' });
        expect(wrong.status).toBe(400);
        expect(wrong.json()).toEqual(fixture('errors/oauth-password-103-2020.json'));
      } finally {
        await legacy.close();
      }
    });
  });

  it('answers an unknown grant_type with the invalid grant_type body', async () => {
    const res = await tokenRequest(server, { grant_type: 'client_credentials' });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual(fixture('errors/oauth-invalid-grant-type-2021.json'));
  });

  it('answers the 2018 response-only shape when asked', async () => {
    const old = await FakePixivServer.start({ tokenShape: 'response-only' });
    try {
      const res = await tokenRequest(old, { grant_type: 'refresh_token', refresh_token: old.refreshToken });
      const body = res.json();
      const real = fixture('auth-token/pix-ezviewer-2018-password-grant.json');
      expect(Object.keys(body)).toEqual(['response']);
      expect(Object.keys(body.response).sort()).toEqual(Object.keys(real.response).sort());
      expect(Object.keys(body.response.user).sort()).toEqual(Object.keys(real.response.user).sort());
      expect(body.response.user.id).toBe(String(old.world.accountId));
    } finally {
      await old.close();
    }
  });

  it('serves /auth/token from the API origin when separateOAuthOrigin is false', async () => {
    const single = await FakePixivServer.start({ separateOAuthOrigin: false });
    try {
      expect(single.oauthBaseUrl).toBe(single.apiBaseUrl);
      const res = await tokenRequest(single, { grant_type: 'refresh_token', refresh_token: single.refreshToken });
      expect(res.status).toBe(200);
    } finally {
      await single.close();
    }
  });

  it('only answers POST /auth/token on the OAuth origin', async () => {
    const res = await request(`${server.oauthBaseUrl}/auth/token`, { headers: appHeaders() });
    expect(res.status).toBe(404);
  });
});
