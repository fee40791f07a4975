import { md5 } from '@noble/hashes/legacy';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** The secret Pixiv's apps mix into `X-Client-Hash`. */
export const CLIENT_HASH_SECRET = '28c1fdd170a5204386cb1313c7077b34f83e4aaf4aa829ce78c231e05b0bae2c';

/**
 * RFC 3339 with seconds and an offset, e.g. `2019-09-02T20:51:57+00:00`: the token endpoint
 * refused a time with fractional seconds and no offset.
 */
export function clientTime(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, '+00:00');
}

/** `X-Client-Time` and `X-Client-Hash` (lowercase hex md5 of time + secret) for a token request. */
export function clientHashHeaders(now: Date): { 'X-Client-Time': string; 'X-Client-Hash': string } {
  const time = clientTime(now);
  return { 'X-Client-Time': time, 'X-Client-Hash': bytesToHex(md5(utf8ToBytes(time + CLIENT_HASH_SECRET))) };
}
