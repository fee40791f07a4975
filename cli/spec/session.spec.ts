import axios from 'axios';
import MockAdapter from 'axios-mock-adapter';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { firstValueFrom } from 'rxjs';
import { ConfigStore } from '../src/config-store';
import { connectionOptions } from '../src/connection';
import { openSession } from '../src/session';
import { AuthenticationRequired } from 'pixiv-rx';
import { TOKEN_URL, tokenBody } from '../../spec/support/mock-api';

describe('connectionOptions', () => {
  it('takes the flags over the environment, and Pixiv itself when neither is given', () => {
    const env = { PIXIV_RX_API_BASE_URL: 'http://127.0.0.1:1', PIXIV_RX_OAUTH_BASE_URL: 'http://127.0.0.1:2' };
    expect(connectionOptions(env, {})).toEqual({ apiBaseUrl: 'http://127.0.0.1:1', oauthBaseUrl: 'http://127.0.0.1:2' });
    expect(connectionOptions(env, { apiBaseUrl: 'http://127.0.0.1:3' })).toEqual({
      apiBaseUrl: 'http://127.0.0.1:3',
      oauthBaseUrl: 'http://127.0.0.1:2',
    });
    expect(connectionOptions({}, {})).toEqual({ apiBaseUrl: undefined, oauthBaseUrl: undefined });
  });
});

describe('openSession', () => {
  let home: string;
  let store: ConfigStore;
  let mock: MockAdapter;
  const instance = axios.create();

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'pixiv-rx-session-'));
    store = new ConfigStore({ HOME: home });
    mock = new MockAdapter(instance);
    // Pixiv may answer a refresh with a new refresh token
    mock.onPost(TOKEN_URL).reply(200, tokenBody('access-1', 'rotated-token'));
  });

  afterEach(() => {
    mock.restore();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('fails with AuthenticationRequired, sending nothing, when there is no token', () => {
    expect(() => openSession({ env: {} }, store, {}, { axios: instance })).toThrow(AuthenticationRequired);
    expect(mock.history.post).toHaveLength(0);
  });

  it('stores a rotated refresh token when the stored one was used', async () => {
    store.write({ refreshToken: 'stored-token' });
    const session = openSession({ env: {} }, store, {}, { axios: instance });
    expect(session.token).toEqual({ refreshToken: 'stored-token', source: 'config' });
    const account = await firstValueFrom(session.client.authenticate(session.token.refreshToken));
    session.close();
    expect(new URLSearchParams(String(mock.history.post[0].data)).get('refresh_token')).toBe('stored-token');
    expect(store.read()).toEqual(
      expect.objectContaining({ refreshToken: 'rotated-token', userId: account.id, account: account.account }),
    );
  });

  it('leaves the store alone when the token came from PIXIV_REFRESH_TOKEN', async () => {
    store.write({ refreshToken: 'stored-token' });
    const session = openSession({ env: { PIXIV_REFRESH_TOKEN: 'env-token' } }, store, {}, { axios: instance });
    expect(session.token).toEqual({ refreshToken: 'env-token', source: 'environment' });
    await firstValueFrom(session.client.authenticate(session.token.refreshToken));
    session.close();
    expect(new URLSearchParams(String(mock.history.post[0].data)).get('refresh_token')).toBe('env-token');
    expect(store.read()?.refreshToken).toBe('stored-token');
  });

  it('writes nothing when the refresh token stays the same', async () => {
    mock.onPost(TOKEN_URL).reply(200, tokenBody('access-1', 'stored-token'));
    store.write({ refreshToken: 'stored-token' });
    const before = fs.statSync(store.credentialsPath).mtimeMs;
    const written = jest.spyOn(store, 'write');
    const session = openSession({ env: {} }, store, {}, { axios: instance });
    await firstValueFrom(session.client.authenticate(session.token.refreshToken));
    session.close();
    expect(written).not.toHaveBeenCalled();
    expect(fs.statSync(store.credentialsPath).mtimeMs).toBe(before);
  });
});
