import { Subscription, distinctUntilChanged, filter } from 'rxjs';
import { AuthenticationRequired, PixivClient, type PixivClientOptions } from 'pixiv-rx';
import { type ConfigStore, type ResolvedToken, resolveRefreshToken } from './config-store';
import type { ConnectionOptions } from './connection';
import type { CliIo } from './io';

/** A client signed in with the token of the environment or of the config store. */
export interface CliSession {
  readonly client: PixivClient;
  readonly token: ResolvedToken;
  /** Stops persisting rotated tokens. */
  close(): void;
}

/**
 * A client that authenticates lazily with `PIXIV_REFRESH_TOKEN` or the stored token. When the
 * stored token is used and Pixiv hands out a new refresh token, the new one is stored.
 * @throws AuthenticationRequired when there is no token at all (nothing is sent)
 */
export function openSession(
  io: Pick<CliIo, 'env'>,
  store: ConfigStore,
  connection: ConnectionOptions,
  clientOptions: Omit<PixivClientOptions, 'refreshToken' | 'apiBaseUrl' | 'oauthBaseUrl'> = {},
): CliSession {
  const token = resolveRefreshToken(io.env, store);
  if (!token) throw new AuthenticationRequired();
  const client = new PixivClient({ ...clientOptions, ...connection, refreshToken: token.refreshToken });
  let persisted = token.refreshToken;
  const subscription: Subscription =
    token.source === 'config'
      ? client.auth$
          .pipe(
            filter((state) => state.refreshToken !== undefined && state.refreshToken !== persisted),
            distinctUntilChanged((a, b) => a.refreshToken === b.refreshToken),
          )
          .subscribe((state) => {
            persisted = state.refreshToken!;
            store.write({
              refreshToken: persisted,
              userId: state.account?.id,
              account: state.account?.account,
              name: state.account?.name,
            });
          })
      : Subscription.EMPTY;
  return { client, token, close: () => subscription.unsubscribe() };
}
