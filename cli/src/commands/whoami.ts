import { firstValueFrom } from 'rxjs';
import { REFRESH_TOKEN_ENV } from '../config-store';
import { ExitCode } from '../exit-codes';
import { println } from '../io';
import { openSession } from '../session';
import type { CommandContext } from './context';

export interface WhoamiOptions {
  readonly json: boolean;
}

/** `pixiv-rx whoami`: the account of the token in use (asks Pixiv, so it also checks the token). */
export async function whoami(context: CommandContext, options: WhoamiOptions): Promise<ExitCode> {
  const { io, store, connection } = context;
  const session = openSession(io, store, connection);
  try {
    const account = await firstValueFrom(session.client.authenticate(session.token.refreshToken));
    if (options.json) {
      println(io, JSON.stringify(account));
      return ExitCode.OK;
    }
    const premium = account.isPremium ? ', premium' : '';
    println(io, `${account.name} (@${account.account}), user ${account.id}${premium}`);
    println(io, `token from ${session.token.source === 'environment' ? `$${REFRESH_TOKEN_ENV}` : store.credentialsPath}`);
    return ExitCode.OK;
  } finally {
    session.close();
  }
}
