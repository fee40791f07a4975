import { describeError } from '../src/describe-error';
import { CliError } from '../src/cli-error';
import { ExitCode } from '../src/exit-codes';
import {
  AuthenticationRequired,
  BadApiResponse,
  DownloadError,
  LoginError,
  NetworkError,
  PixivApiError,
  RateLimitError,
} from 'pixiv-rx';

describe('describeError', () => {
  it('says how to log in when there is no token', () => {
    expect(describeError(new AuthenticationRequired())).toEqual({
      message: 'Not logged in: run `pixiv-rx login` (or set PIXIV_REFRESH_TOKEN).',
      exitCode: ExitCode.AUTH,
    });
  });

  it('tells a refused refresh token apart from an unreachable login server', () => {
    const refused = describeError(
      new LoginError('Pixiv refused the token request', { status: 400, serverMessage: 'Invalid refresh token' }),
    );
    expect(refused.exitCode).toBe(ExitCode.AUTH);
    expect(refused.message).toBe(
      'Pixiv refused the refresh token (Invalid refresh token): it has expired or was revoked; log in again with `pixiv-rx login`.',
    );
    const unreachable = describeError(new LoginError('connect ECONNREFUSED'));
    expect(unreachable.exitCode).toBe(ExitCode.GENERAL);
    expect(unreachable.message).toMatch(/^Could not reach Pixiv's login server/);
  });

  it('gives rate limiting its own exit code, with the wait when Pixiv said it', () => {
    expect(describeError(new RateLimitError('Rate Limit', { status: 429, retryAfterMs: 90_500 }))).toEqual({
      message: 'Rate limited by Pixiv: try again in 91 s.',
      exitCode: ExitCode.RATE_LIMITED,
    });
    expect(describeError(new RateLimitError('Rate Limit', { status: 403 })).message).toBe(
      'Rate limited by Pixiv: wait a while and try again.',
    );
  });

  it('reports a 404 as not found with what Pixiv told the user', () => {
    const report = describeError(
      new PixivApiError('HTTP 404', {
        status: 404,
        userMessage: 'The artwork has been deleted or the artwork ID does not exist.',
      }),
    );
    expect(report).toEqual({
      message: 'Not found: The artwork has been deleted or the artwork ID does not exist.',
      exitCode: ExitCode.NOT_FOUND,
    });
  });

  it('reports other API errors with their status', () => {
    expect(describeError(new PixivApiError('HTTP 403', { status: 403, userMessage: 'Your access is currently restricted.' }))).toEqual({
      message: 'Pixiv answered HTTP 403: Your access is currently restricted.',
      exitCode: ExitCode.GENERAL,
    });
  });

  it('gives file system failures of a download the cannot-write exit code', () => {
    const denied = new DownloadError('Cannot create the file (EACCES)', { url: 'http://127.0.0.1/a.png', path: '/x/a.png' });
    expect(describeError(denied).exitCode).toBe(ExitCode.CANNOT_WRITE);
    const broken = new DownloadError('The server answered an empty body', { url: 'http://127.0.0.1/a.png', path: '/x/a.png' });
    expect(describeError(broken).exitCode).toBe(ExitCode.GENERAL);
  });

  it('maps network and decoding failures to the general exit code', () => {
    expect(describeError(new NetworkError('connect ECONNREFUSED', { kind: 'refused', reachedServer: false }))).toEqual({
      message: 'Network error: connect ECONNREFUSED',
      exitCode: ExitCode.GENERAL,
    });
    expect(describeError(new BadApiResponse('Invalid value at illusts.0.id')).message).toBe(
      'Unexpected answer from Pixiv: Invalid value at illusts.0.id',
    );
  });

  it("treats the library's TypeErrors (bad arguments) as usage errors", () => {
    expect(describeError(new TypeError('date must be a real YYYY-MM-DD date'))).toEqual({
      message: 'date must be a real YYYY-MM-DD date',
      exitCode: ExitCode.USAGE,
    });
  });

  it('passes CliErrors through and keeps only the first line of anything else', () => {
    expect(describeError(new CliError('bad dir', ExitCode.CANNOT_WRITE))).toEqual({ message: 'bad dir', exitCode: 6 });
    expect(describeError(new Error('first\n    at somewhere'))).toEqual({
      message: 'Unexpected error: first',
      exitCode: ExitCode.GENERAL,
    });
  });
});
