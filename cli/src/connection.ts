/** Where the command sends its requests (the real Pixiv unless told otherwise). */
export interface ConnectionOptions {
  readonly apiBaseUrl?: string;
  readonly oauthBaseUrl?: string;
}

/** The environment variables that point the command at another server (a proxy, a test fake). */
export const API_BASE_URL_ENV = 'PIXIV_RX_API_BASE_URL';
export const OAUTH_BASE_URL_ENV = 'PIXIV_RX_OAUTH_BASE_URL';

/** `--api-base-url` / `--oauth-base-url` win over the environment, which wins over Pixiv's hosts. */
export function connectionOptions(env: NodeJS.ProcessEnv, flags: ConnectionOptions): ConnectionOptions {
  return {
    apiBaseUrl: flags.apiBaseUrl || env[API_BASE_URL_ENV] || undefined,
    oauthBaseUrl: flags.oauthBaseUrl || env[OAUTH_BASE_URL_ENV] || undefined,
  };
}
