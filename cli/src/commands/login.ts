import { firstValueFrom } from 'rxjs';
import { LoginError, PixivClient, createPkce } from 'pixiv-rx';
import { openBrowser } from '../browser';
import { CliError, usageError } from '../cli-error';
import { REFRESH_TOKEN_ENV } from '../config-store';
import { ExitCode } from '../exit-codes';
import { eprintln, println } from '../io';
import { readLine } from '../prompt';
import type { CommandContext } from './context';

export interface LoginOptions {
  /** `false` with `--no-browser`. */
  readonly browser: boolean;
}

/**
 * The authorization code in what the user pasted: the code itself, or the whole redirect
 * (`pixiv://account/login?code=…&via=login`, or any URL with a `code` parameter).
 * @throws CliError (usage) when it is neither
 */
export function parseAuthorizationCode(input: string): string {
  const text = input.trim().replace(/^["'<]|[>"']$/g, '');
  if (/^[\w-]+$/.test(text)) return text;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const code = url?.searchParams.get('code');
  if (code && /^[\w-]+$/.test(code)) return code;
  throw usageError('That is neither a code nor a pixiv://account/login?code=… URL');
}

/** `pixiv-rx login`: the PKCE flow, then the refresh token is stored. */
export async function login(context: CommandContext, options: LoginOptions): Promise<ExitCode> {
  const { io, store, connection } = context;
  const client = new PixivClient(connection);
  const pkce = createPkce();
  const url = client.loginUrl(pkce);
  println(io, 'Log in to Pixiv in a browser:');
  println(io, '');
  println(io, `  ${url}`);
  println(io, '');
  if (options.browser && openBrowser(url, io.env, io.platform)) println(io, '(opening it in your browser)');
  println(io, 'Pixiv then sends the browser to pixiv://account/login?code=…, an address it cannot open.');
  println(io, "Copy that address (from the developer tools' Network tab, or the address bar) and paste it");
  println(io, 'here, or just the code. The code expires about 30 seconds after you log in.');
  io.stdout.write('Code or URL: ');
  const answer = await readLine(io.stdin);
  if (answer === undefined) {
    println(io, '');
    throw new CliError('No code was given: run `pixiv-rx login` again and paste the code.', ExitCode.AUTH);
  }
  const code = parseAuthorizationCode(answer);
  let account;
  try {
    account = await firstValueFrom(client.exchangeCode(code, pkce.codeVerifier));
  } catch (error) {
    if (error instanceof LoginError && error.status !== undefined) {
      const why = error.serverMessage ?? error.oauthError ?? `HTTP ${error.status}`;
      throw new CliError(
        `Pixiv refused the code (${why}): it expires about 30 seconds after login; run \`pixiv-rx login\` again.`,
        ExitCode.AUTH,
      );
    }
    throw error;
  }
  const refreshToken = client.refreshToken;
  if (!refreshToken) throw new CliError('Pixiv answered without a refresh token', ExitCode.AUTH);
  store.write({ refreshToken, userId: account.id, account: account.account, name: account.name });
  println(io, `Logged in as ${account.name} (@${account.account}, user ${account.id}).`);
  println(io, `The refresh token is stored in ${store.credentialsPath}`);
  if (io.env[REFRESH_TOKEN_ENV]) eprintln(io, `Note: ${REFRESH_TOKEN_ENV} is set, and wins over the stored token.`);
  return ExitCode.OK;
}
