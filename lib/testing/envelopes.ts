/**
 * Error bodies as Pixiv sends them (spec/fixtures/errors/). Where no real body is on record the
 * text is a guess in the same envelope, marked *unverified*.
 */

/** The app-api error envelope. */
export function apiError(userMessage: string, message = '', reason = ''): {
  error: { user_message: string; message: string; reason: string; user_message_details: Record<string, never> };
} {
  return { error: { user_message: userMessage, message, reason, user_message_details: {} } };
}

/** The OAuth error body (`has_error` / `errors.system`, `code` 1508). */
export function oauthError(message: string, error: string | null = 'invalid_grant'): Record<string, unknown> {
  const body: Record<string, unknown> = { has_error: true, errors: { system: { message, code: 1508 } } };
  if (error !== null) body.error = error;
  return body;
}

const OAUTH_PROCESS = 'Error occurred at the OAuth process. Please check your Access Token to fix this. Error Message: ';

export const ENVELOPES = {
  /** An expired or unknown access token: 400, not 401. */
  invalidGrant: () => apiError('', `${OAUTH_PROCESS}invalid_grant`),
  /** No access token at all. */
  invalidRequest: () => apiError('', `${OAUTH_PROCESS}invalid_request`),
  /** spec/fixtures/errors/app-api-rate-limit-2019.json */
  rateLimit: () => apiError('', 'Rate Limit'),
  workNotFound: () => apiError('The artwork has been deleted or the artwork ID does not exist.'),
  /** *unverified* text, modelled on the work one. */
  userNotFound: () => apiError('The user has left pixiv or the user ID does not exist.'),
  /** spec/fixtures/errors/app-api-access-restricted-2024.json */
  accessRestricted: () => apiError('Your access is currently restricted.'),
  endpointMissing: () => apiError('', "Specified end-point doesn't exist"),
  /** A validation failure: Pixiv puts a JSON object of messages per field inside `message`. */
  invalidParams: (errors: Record<string, string[]>) => apiError('', JSON.stringify(errors)),
  /** spec/fixtures/errors/oauth-invalid-grant-type-2021.json */
  invalidGrantType: () => oauthError('Invalid grant_type parameter or parameter missing'),
  /** spec/fixtures/errors/oauth-invalid-refresh-token-2024.json */
  invalidRefreshToken: () => oauthError('Invalid refresh token'),
  /** The hash check failed (no `error` field, as recorded). */
  accessDenied: () => oauthError('access_denied', null),
  codeExpired: () => oauthError('The authorization code has expired'),
  /** *unverified* */
  invalidCode: () => oauthError('Invalid authorization code'),
  /** *unverified* */
  invalidCodeVerifier: () => oauthError('Invalid code_verifier'),
  /** *unverified* */
  invalidClient: () => oauthError('Invalid client', 'invalid_client'),
  /** spec/fixtures/errors/oauth-password-103-2020.json */
  wrongPassword: () =>
    oauthError('103:pixiv ID、またはメールアドレス、パスワードが正しいかチェックしてください。'),
} as const;

/** What Cloudflare answers a client without an app User-Agent (Oct 2020 reports). */
export const CLOUDFLARE_403 = `<!DOCTYPE html>
<html lang="en-US"><head><title>Attention Required! | Cloudflare</title></head>
<body><div id="cf-wrapper"><h1>Sorry, you have been blocked</h1>
<p>You are unable to access pixiv.net</p><span class="cf-footer-item">Cloudflare Ray ID: 0000000000000000</span></div></body></html>
`;

/** What i.pximg.net answers without a pixiv Referer. */
export const NGINX_403 = `<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

export const NGINX_404 = `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
