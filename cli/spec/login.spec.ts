import { CliError } from '../src/cli-error';
import { parseAuthorizationCode } from '../src/commands/login';
import { ExitCode } from '../src/exit-codes';

describe('parseAuthorizationCode', () => {
  it('takes a bare code', () => {
    expect(parseAuthorizationCode('  abc-DEF_123  ')).toBe('abc-DEF_123');
  });

  it('takes the code out of the pixiv:// redirect', () => {
    expect(parseAuthorizationCode('pixiv://account/login?code=abc-DEF_123&via=login')).toBe('abc-DEF_123');
  });

  it('takes the code out of the https callback and out of quotes', () => {
    expect(
      parseAuthorizationCode('"https://app-api.pixiv.net/web/v1/users/auth/pixiv/callback?state=x&code=XYZ_9"'),
    ).toBe('XYZ_9');
  });

  it.each(['pixiv://account/login?via=login', 'two words', 'https://example.com/?code=a%20b'])(
    'refuses %j with a usage error',
    (input) => {
      let error: unknown;
      try {
        parseAuthorizationCode(input);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(ExitCode.USAGE);
    },
  );
});
