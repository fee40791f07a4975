import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import { base64url } from './base64url';

/** A PKCE pair: keep `codeVerifier` for {@link PixivClient.exchangeCode}, put `codeChallenge` in the login URL. */
export interface Pkce {
  readonly codeVerifier: string;
  readonly codeChallenge: string;
}

/** `code_challenge` = base64url(sha256(verifier)) without padding (S256). */
export function codeChallengeOf(codeVerifier: string): string {
  return base64url(sha256(utf8ToBytes(codeVerifier)));
}

/** Creates a PKCE pair: 32 random bytes from `crypto.getRandomValues`, base64url-encoded. */
export function createPkce(): Pkce {
  if (typeof globalThis.crypto?.getRandomValues !== 'function') {
    throw new TypeError('createPkce needs globalThis.crypto.getRandomValues (Node ≥ 20 or a browser)');
  }
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  const codeVerifier = base64url(bytes);
  return { codeVerifier, codeChallenge: codeChallengeOf(codeVerifier) };
}
