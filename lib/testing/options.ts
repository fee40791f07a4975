import { definedOptions } from '../defined-options';

/** Options of {@link FakePixivServer.start}. */
export interface FakePixivServerOptions {
  /**
   * Seed of the generated world: the same seed and sizes give the same users, works, comments,
   * bookmarks, rankings and image bytes.
   * @default 1
   */
  readonly seed?: number;
  /**
   * Number of users, the default account, the showcase user and the prolific user included
   * (at least 8).
   * @default 60
   */
  readonly users?: number;
  /**
   * Average number of works of an ordinary user (each has between 0 and twice this).
   * @default 12
   */
  readonly worksPerUser?: number;
  /**
   * Works of the showcase user (`world.showcaseUserId`): singles, multi-page illusts and manga,
   * ugoira and two series, no restricted placeholders; made for the demo.
   * @default 100
   */
  readonly showcaseWorks?: number;
  /**
   * Works of the prolific user (`world.prolificUserId`), e.g. 10_000 for benchmarks: illustrations
   * (every 7th with 2 pages) and a few ugoira, all listed by `/v1/user/illusts?type=illust`. Works
   * are generated lazily, so a big number costs nothing until it is listed.
   * @default 3000
   */
  readonly prolificWorks?: number;
  /**
   * Average number of novels of an ordinary user (each has between 0 and twice this).
   * @default 3
   */
  readonly novelsPerUser?: number;
  /**
   * Novels of the showcase user: the newest holds markup of every kind and uploaded images; the
   * others form two series, the first with more than 30 novels (two `last_order` pages).
   * @default 40
   */
  readonly showcaseNovels?: number;
  /**
   * Days between the oldest and the newest work (the newest is created just before
   * 2025-02-01T12:00+09:00). Works are spread evenly over the span, so with
   * `prolificWorks: 6000, spanDays: 0.25` more than 5,000 works of `samples.prolificTag` fall on
   * one Tokyo day (a search past the cap cannot narrow that down), and with `prolificWorks: 12000`
   * and the default span they are spread over years.
   * @default 1825
   */
  readonly spanDays?: number;
  /**
   * Bodies carry Pixiv's real origins: `https://app-api.pixiv.net` in `next_url`,
   * `https://i.pximg.net` in image URLs and `https://s.pximg.net` for placeholders and stock
   * images, while the server still answers on loopback (the image host answers those paths).
   * For clients behind a proxy, or whose `apiBaseUrl` is the fake.
   * @default false
   */
  readonly officialUrls?: boolean;
  /**
   * Size in bytes of every image on the image host (not the ugoira zips), or a function of the
   * image's path (e.g. `/img-original/img/2025/02/01/12/00/00/123_p0.png`). Bytes are generated
   * while they are sent, so 50 MiB images cost no memory.
   * @default a size between 8 KiB and 40 KiB that depends on the path
   */
  readonly imageBytes?: number | ((path: string) => number);
  /**
   * Size of one frame inside the `_ugoira600x600.zip` (the `_ugoira1920x1080.zip` has frames 3×
   * as big).
   * @default 2048
   */
  readonly ugoiraFrameBytes?: number;
  /**
   * Lifetime of access tokens in seconds, sent as `expires_in`.
   * @default 3600
   */
  readonly expiresIn?: number;
  /**
   * How long an authorization code from {@link FakePixivServer.issueAuthorizationCode} stays valid.
   * Pixiv's expire about 30 seconds after the login.
   * @default 30000
   */
  readonly authorizationCodeTtlMs?: number;
  /**
   * Shape of token responses: `'modern'` has every field at the top level and again in `response`
   * (2020 onwards); `'response-only'` is the 2018 shape with only `response` (and a `device_token`).
   * @default 'modern'
   */
  readonly tokenShape?: 'modern' | 'response-only';
  /**
   * Accept the password grant (refused by Pixiv since 2021-02-08) with the default account's
   * `account` name or mail address and {@link FakePixivServerOptions.password}.
   * @default false
   */
  readonly allowPasswordGrant?: boolean;
  /**
   * The default account's password, used only when `allowPasswordGrant` is on.
   * @default 'password'
   */
  readonly password?: string;
  /**
   * The default account's refresh token (`server.refreshToken`).
   * @default a random 43-character token
   */
  readonly refreshToken?: string;
  /**
   * Answer 403 (like Cloudflare) to API and OAuth requests whose `User-Agent` is not the Pixiv
   * app's (`PixivAndroidApp/…` or `PixivIOSApp/…`).
   * @default true
   */
  readonly checkUserAgent?: boolean;
  /**
   * Check `X-Client-Time` / `X-Client-Hash` on token requests.
   * @default true
   */
  readonly checkClientHash?: boolean;
  /**
   * Ports to listen on (127.0.0.1 only); 0 picks a free one.
   * @default { api: 0, oauth: 0, image: 0 }
   */
  readonly ports?: { readonly api?: number; readonly oauth?: number; readonly image?: number };
  /**
   * Serve OAuth from its own listener (a third origin, like `oauth.secure.pixiv.net`). When
   * `false`, `/auth/token` is served by the API listener and `oauthBaseUrl === apiBaseUrl`.
   * @default true
   */
  readonly separateOAuthOrigin?: boolean;
  /**
   * Fraction of works serialised without `illust_ai_type` / `illust_book_style`, the shape of
   * bodies from before these fields existed (2021), so clients prove they treat them as optional.
   * @default 0.05
   */
  readonly legacyFieldRate?: number;
}

/** The defaults, in one place. */
export const DEFAULT_OPTIONS = {
  seed: 1,
  users: 60,
  worksPerUser: 12,
  showcaseWorks: 100,
  prolificWorks: 3000,
  novelsPerUser: 3,
  showcaseNovels: 40,
  spanDays: 5 * 365,
  officialUrls: false,
  /** The default size of an image: between 8 KiB and 40 KiB, depending on the path. */
  imageBytes: (path: string): number => defaultImageBytes(path),
  ugoiraFrameBytes: 2048,
  expiresIn: 3600,
  authorizationCodeTtlMs: 30_000,
  tokenShape: 'modern',
  allowPasswordGrant: false,
  password: 'password',
  refreshToken: '',
  checkUserAgent: true,
  checkClientHash: true,
  ports: { api: 0, oauth: 0, image: 0 },
  separateOAuthOrigin: true,
  legacyFieldRate: 0.05,
} satisfies Required<FakePixivServerOptions>;

export type ResolvedOptions = Required<Omit<FakePixivServerOptions, 'imageBytes' | 'tokenShape'>> & {
  readonly imageBytes: (path: string) => number;
  readonly tokenShape: 'modern' | 'response-only';
};

function defaultImageBytes(path: string): number {
  let h = 0;
  for (let i = 0; i < path.length; i++) h = (Math.imul(h, 31) + path.charCodeAt(i)) | 0;
  return 8 * 1024 + ((h >>> 0) % (32 * 1024));
}

export function resolveOptions(options: FakePixivServerOptions = {}): ResolvedOptions {
  const merged = { ...DEFAULT_OPTIONS, ...definedOptions(options) };
  const { imageBytes } = merged;
  if (typeof imageBytes === 'number' && !(Number.isSafeInteger(imageBytes) && imageBytes >= 0)) {
    throw new TypeError(`imageBytes must be a non-negative integer, got ${imageBytes}`);
  }
  if (!Number.isSafeInteger(merged.users) || merged.users < 8) {
    throw new TypeError(`users must be an integer of at least 8, got ${merged.users}`);
  }
  if (!(typeof merged.spanDays === 'number' && merged.spanDays > 0 && Number.isFinite(merged.spanDays))) {
    throw new TypeError(`spanDays must be a positive number, got ${merged.spanDays}`);
  }
  for (const key of ['worksPerUser', 'showcaseWorks', 'prolificWorks', 'novelsPerUser', 'showcaseNovels', 'ugoiraFrameBytes'] as const) {
    const value = merged[key];
    if (!Number.isSafeInteger(value) || value < 0) throw new TypeError(`${key} must be a non-negative integer`);
  }
  return {
    ...merged,
    imageBytes: typeof imageBytes === 'number' ? () => imageBytes : imageBytes,
    ports: { ...DEFAULT_OPTIONS.ports, ...options.ports },
  };
}
