import { REFRESH_TOKEN_ENV } from '../config-store';
import { ExitCode } from '../exit-codes';
import { eprintln, println } from '../io';
import type { CommandContext } from './context';

/** `pixiv-rx logout`: forgets the stored refresh token (nothing is sent to Pixiv). */
export function logout({ io, store }: CommandContext): Promise<ExitCode> {
  if (store.remove()) println(io, `Logged out: removed ${store.credentialsPath}`);
  else println(io, `Not logged in: there is no ${store.credentialsPath}`);
  if (io.env[REFRESH_TOKEN_ENV]) eprintln(io, `Note: ${REFRESH_TOKEN_ENV} is still set in the environment.`);
  return Promise.resolve(ExitCode.OK);
}
