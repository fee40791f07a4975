/**
 * The API origin check that lets a `next_url` be sent without a parse: whatever it accepts, the
 * URL parser would give back unchanged and on the API origin, so the fast path sends exactly what
 * a parse would have sent.
 *
 *   FC_SEED=42 FC_RUNS=20000 npx jest spec/auth/authorized.spec.ts
 */
import fc from 'fast-check';
import { AuthorizedCaller } from '../../lib/auth/authorized';
import type { AuthSession } from '../../lib/auth/session';
import type { HttpContext } from '../../lib/http/context';
import { RequestLimiter } from '../../lib/http/limiter';
import { allFixturePaths, fixture } from '../models/fixture';

const SEED = Number(process.env.FC_SEED ?? 20_261_203);
const RUNS = Number(process.env.FC_RUNS ?? 2_000);

/** Only the origin matters to the check: the other parts are never touched by it. */
function callerOn(apiBaseUrl: string): AuthorizedCaller {
  return new AuthorizedCaller({} as HttpContext, {} as AuthSession, new RequestLimiter(1), apiBaseUrl, 'en');
}

/** Every string `next_url` in spec/fixtures. */
function recordedNextUrls(): string[] {
  return allFixturePaths()
    .map((path) => fixture<{ next_url?: unknown }>(path).next_url)
    .filter((nextUrl): nextUrl is string => typeof nextUrl === 'string');
}

const ORIGINS = ['https://app-api.pixiv.net', 'http://127.0.0.1:40123'] as const;

describe('AuthorizedCaller.isCanonicalApiUrl', () => {
  it('accepts every next_url of the recorded bodies', () => {
    const caller = callerOn('https://app-api.pixiv.net');
    const nextUrls = recordedNextUrls();
    expect(nextUrls.length).toBeGreaterThan(20);
    for (const nextUrl of nextUrls) {
      expect([nextUrl, caller.isCanonicalApiUrl(nextUrl)]).toEqual([nextUrl, true]);
      expect(new URL(nextUrl).href).toBe(nextUrl);
    }
  });

  it.each([
    ['another host that starts the same', 'https://app-api.pixiv.net.example/v1/user/illusts'],
    ['credentials before the host', 'https://app-api.pixiv.net@example.com/v1/user/illusts'],
    ['an explicit default port', 'https://app-api.pixiv.net:443/v1/user/illusts'],
    ['another scheme', 'http://app-api.pixiv.net/v1/user/illusts'],
    ['a leading space', ' https://app-api.pixiv.net/v1/user/illusts'],
    ['a dot segment', 'https://app-api.pixiv.net/v1/user/../user/illusts'],
    ['an escaped dot segment', 'https://app-api.pixiv.net/v1/user/%2e%2e/user/illusts'],
    ['a backslash', 'https://app-api.pixiv.net/v1\\user/illusts'],
    ['a space in the query', 'https://app-api.pixiv.net/v1/search/illust?word=a b'],
    ['a quote in the query', "https://app-api.pixiv.net/v1/search/illust?word=a'b"],
    ['a fragment', 'https://app-api.pixiv.net/v1/user/illusts?offset=30#top'],
    ['a non-ASCII query', 'https://app-api.pixiv.net/v1/search/illust?word=千夜'],
    ['a tab', 'https://app-api.pixiv.net/v1/user/illusts?offset=\t30'],
    ['nothing after the origin', 'https://app-api.pixiv.net'],
  ])('refuses %s, which goes through the parse', (_, url) => {
    expect(callerOn('https://app-api.pixiv.net').isCanonicalApiUrl(url)).toBe(false);
  });

  it('accepts only what the URL parser gives back unchanged, on the API origin (fast-check)', () => {
    // a path and a query of every ASCII character and a few beyond, weighted towards the ones
    // URLs are made of, so that both sides of the check are reached
    const character = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...'abcXYZ019-_~/'.split('')) },
      { weight: 2, arbitrary: fc.constantFrom(...'?&=%.+,:;@!$*()[]'.split('')) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)) },
      { weight: 1, arbitrary: fc.constantFrom('é', '千', '\u00a0', '\u2028', '\ufeff') },
    );
    const text = (maxLength: number) => fc.array(character, { maxLength }).map((characters) => characters.join(''));
    const tail = fc
      .tuple(fc.constantFrom('/', '', '.', '@', ':'), text(12), fc.option(text(16)))
      .map(([start, path, query]) => `${start}${path}${query === null ? '' : `?${query}`}`);
    let accepted = 0;
    fc.assert(
      fc.property(fc.constantFrom(...ORIGINS), tail, (origin, rest) => {
        const url = `${origin}${rest}`;
        if (!callerOn(origin).isCanonicalApiUrl(url)) return;
        accepted++;
        const parsed = new URL(url);
        expect(parsed.href).toBe(url);
        expect(parsed.origin).toBe(origin);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // the property says something only if the generator reaches what the check accepts
    expect(accepted).toBeGreaterThan(RUNS / 20);
  });

  it('takes the path and query the client itself writes (fast-check)', () => {
    const segment = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
    const pair = fc.tuple(fc.stringMatching(/^[a-z_]{1,10}$/), fc.stringMatching(/^[A-Za-z0-9%._-]{0,12}$/));
    fc.assert(
      fc.property(fc.constantFrom(...ORIGINS), fc.array(segment, { minLength: 1, maxLength: 4 }), fc.array(pair, { maxLength: 5 }), (origin, path, query) => {
        const search = query.length === 0 ? '' : `?${query.map(([key, value]) => `${key}=${value}`).join('&')}`;
        expect(callerOn(origin).isCanonicalApiUrl(`${origin}/${path.join('/')}${search}`)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
