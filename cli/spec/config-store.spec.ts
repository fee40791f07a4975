import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliError } from '../src/cli-error';
import { ConfigStore, configDirectory, resolveRefreshToken } from '../src/config-store';
import { ExitCode } from '../src/exit-codes';

// the module object lib/ reads `fs.renameSync` from, so a spy on it is seen there
const realFs = jest.requireActual<typeof fs>('node:fs');

/** Windows has no permission bits (Node reports 0o666 for every file): there, only existence counts. */
function expectMode(file: string, expected: number): void {
  if (process.platform === 'win32') expect(fs.existsSync(file)).toBe(true);
  else expect(fs.statSync(file).mode & 0o777).toBe(expected);
}

describe('configDirectory', () => {
  it('is $XDG_CONFIG_HOME/pixiv-rx when XDG_CONFIG_HOME is set', () => {
    expect(configDirectory({ XDG_CONFIG_HOME: '/xdg', HOME: '/home/me' })).toBe(path.join('/xdg', 'pixiv-rx'));
  });

  it('is ~/.config/pixiv-rx when XDG_CONFIG_HOME is unset or empty', () => {
    expect(configDirectory({ HOME: '/home/me' })).toBe(path.join('/home/me', '.config', 'pixiv-rx'));
    expect(configDirectory({ HOME: '/home/me', XDG_CONFIG_HOME: '' })).toBe(path.join('/home/me', '.config', 'pixiv-rx'));
  });

  it('ignores a relative XDG_CONFIG_HOME, as the XDG spec says', () => {
    expect(configDirectory({ HOME: '/home/me', XDG_CONFIG_HOME: 'relative/dir' })).toBe(
      path.join('/home/me', '.config', 'pixiv-rx'),
    );
  });

  it('falls back to the home directory of the OS when HOME is unset', () => {
    expect(configDirectory({}, () => '/from/os')).toBe(path.join('/from/os', '.config', 'pixiv-rx'));
  });
});

describe('ConfigStore', () => {
  let home: string;
  let store: ConfigStore;

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'pixiv-rx-config-'));
    store = new ConfigStore({ XDG_CONFIG_HOME: path.join(home, 'xdg'), HOME: home });
  });

  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('reads nothing before anything was stored', () => {
    expect(store.read()).toBeUndefined();
  });

  it('stores the token in $XDG_CONFIG_HOME/pixiv-rx/credentials.json and reads it back', () => {
    store.write({ refreshToken: 'rt-1', userId: 7, account: 'me', name: 'Me' });
    expect(store.credentialsPath).toBe(path.join(home, 'xdg', 'pixiv-rx', 'credentials.json'));
    expect(store.read()).toEqual(
      expect.objectContaining({ refreshToken: 'rt-1', userId: 7, account: 'me', name: 'Me', savedAt: expect.any(String) }),
    );
  });

  it('writes the file with mode 0600 in a folder with mode 0700', () => {
    store.write({ refreshToken: 'rt-1' });
    expectMode(store.credentialsPath, 0o600);
    expectMode(store.directory, 0o700);
  });

  it('tightens a folder that exists with a wider mode, and a replaced file stays 0600', () => {
    fs.mkdirSync(store.directory, { recursive: true, mode: 0o755 });
    fs.chmodSync(store.directory, 0o755);
    fs.writeFileSync(store.credentialsPath, '{"refreshToken":"old"}', { mode: 0o644 });
    store.write({ refreshToken: 'rt-2' });
    expectMode(store.directory, 0o700);
    expectMode(store.credentialsPath, 0o600);
    expect(store.read()?.refreshToken).toBe('rt-2');
  });

  it('writes a temporary file in the same folder and renames it over the old one', () => {
    const rename = jest.spyOn(realFs, 'renameSync');
    store.write({ refreshToken: 'rt-1' });
    expect(rename).toHaveBeenCalledTimes(1);
    const [from, to] = rename.mock.calls[0];
    expect(path.dirname(String(from))).toBe(store.directory);
    expect(String(from)).not.toBe(store.credentialsPath);
    expect(to).toBe(store.credentialsPath);
    expect(fs.readdirSync(store.directory)).toEqual(['credentials.json']);
  });

  it('keeps the previous token whole, and leaves no temporary file, when the write fails', () => {
    store.write({ refreshToken: 'old-token' });
    jest.spyOn(realFs, 'renameSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    });
    expect(() => store.write({ refreshToken: 'new-token' })).toThrow(/Cannot write .*credentials\.json \(ENOSPC\)/);
    expect(store.read()?.refreshToken).toBe('old-token');
    expect(fs.readdirSync(store.directory)).toEqual(['credentials.json']);
  });

  it('removes the stored token, and says when there was none', () => {
    store.write({ refreshToken: 'rt-1' });
    expect(store.remove()).toBe(true);
    expect(fs.existsSync(store.credentialsPath)).toBe(false);
    expect(store.remove()).toBe(false);
    expect(store.read()).toBeUndefined();
  });

  it('refuses a file without a token with an auth error that says how to log in again', () => {
    fs.mkdirSync(store.directory, { recursive: true });
    fs.writeFileSync(store.credentialsPath, 'not json');
    let error: unknown;
    try {
      store.read();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.AUTH);
    expect((error as CliError).message).toMatch(/holds no refresh token: run `pixiv-rx login`/);
  });
});

describe('resolveRefreshToken', () => {
  let home: string;
  let store: ConfigStore;

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'pixiv-rx-config-'));
    store = new ConfigStore({ HOME: home });
  });

  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('prefers PIXIV_REFRESH_TOKEN over the stored token', () => {
    store.write({ refreshToken: 'stored' });
    expect(resolveRefreshToken({ PIXIV_REFRESH_TOKEN: 'from-env' }, store)).toEqual({
      refreshToken: 'from-env',
      source: 'environment',
    });
  });

  it('uses the stored token when the variable is unset or blank', () => {
    store.write({ refreshToken: 'stored' });
    expect(resolveRefreshToken({}, store)).toEqual({ refreshToken: 'stored', source: 'config' });
    expect(resolveRefreshToken({ PIXIV_REFRESH_TOKEN: '  ' }, store)).toEqual({ refreshToken: 'stored', source: 'config' });
  });

  it('finds nothing when there is neither', () => {
    expect(resolveRefreshToken({}, store)).toBeUndefined();
  });

  it('takes the variable without reading the store', () => {
    fs.mkdirSync(store.directory, { recursive: true });
    fs.writeFileSync(store.credentialsPath, 'garbage');
    expect(resolveRefreshToken({ PIXIV_REFRESH_TOKEN: 'from-env' }, store)?.source).toBe('environment');
  });
});
