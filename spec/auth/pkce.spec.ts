import { createHash } from 'node:crypto';
import { createPkce, codeChallengeOf } from '../../lib/auth/pkce';
import { base64url } from '../../lib/auth/base64url';
import { clientHashHeaders, clientTime } from '../../lib/auth/client-hash';

describe('PKCE', () => {
  it('creates a 43-character base64url verifier from 32 random bytes', () => {
    const { codeVerifier } = createPkce();
    expect(codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createPkce().codeVerifier).not.toBe(codeVerifier);
  });

  it('derives the challenge as base64url(sha256(verifier)) without padding', () => {
    const { codeVerifier, codeChallenge } = createPkce();
    const expected = createHash('sha256').update(codeVerifier).digest('base64url');
    expect(codeChallenge).toBe(expected);
    expect(codeChallenge).not.toContain('=');
  });

  it('matches RFC 7636 appendix B', () => {
    expect(codeChallengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('encodes base64url like Node for every length remainder', () => {
    for (let length = 0; length < 10; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 13) % 256);
      expect(base64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    }
  });
});

describe('client hash', () => {
  it('formats X-Client-Time as RFC 3339 with seconds and an offset', () => {
    expect(clientTime(new Date('2019-09-02T20:51:57.123Z'))).toBe('2019-09-02T20:51:57+00:00');
  });

  it('hashes time + secret with md5, lowercase hex', () => {
    const headers = clientHashHeaders(new Date('2019-09-02T20:51:57Z'));
    const expected = createHash('md5')
      .update('2019-09-02T20:51:57+00:00' + '28c1fdd170a5204386cb1313c7077b34f83e4aaf4aa829ce78c231e05b0bae2c')
      .digest('hex');
    expect(headers).toEqual({ 'X-Client-Time': '2019-09-02T20:51:57+00:00', 'X-Client-Hash': expected });
  });
});
