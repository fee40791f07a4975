/** Where a proxy made by `createPixivProxy` forwards: one origin per kind of request. */
export interface PixivUpstreams {
  /** @default 'https://app-api.pixiv.net' */
  readonly api?: string;
  /** @default 'https://oauth.secure.pixiv.net' */
  readonly oauth?: string;
  /**
   * The image host. By default `i.pximg.net` and `s.pximg.net` URLs go to their own host; with an
   * origin here (a `FakePixivServer`'s `imageBaseUrl`), both go there, and URLs on that origin
   * itself are taken too.
   * @default 'https://i.pximg.net' (and 'https://s.pximg.net' for its URLs)
   */
  readonly image?: string;
}

/** The upstream origins, checked and reduced to `scheme://host[:port]`. */
export interface ResolvedUpstreams {
  readonly api: string;
  readonly oauth: string;
  /** `undefined`: Pixiv's own image hosts. */
  readonly image: string | undefined;
}

/** Pixiv's hosts (PROTOCOL.md "Hosts"). */
export const PIXIV_HOSTS = {
  api: 'https://app-api.pixiv.net',
  oauth: 'https://oauth.secure.pixiv.net',
} as const;

/** The image hosts whose URLs Pixiv's bodies carry: originals and crops, and placeholders. */
export const PIXIV_IMAGE_HOSTS: ReadonlySet<string> = new Set(['i.pximg.net', 's.pximg.net']);

function origin(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`upstream.${name} must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new TypeError(`upstream.${name} must be an http(s) origin without credentials, got ${JSON.stringify(value)}`);
  }
  return url.origin;
}

/** Checks the `upstream` option; a TypeError names the bad entry. */
export function resolveUpstreams(upstream: PixivUpstreams = {}): ResolvedUpstreams {
  return {
    api: origin('api', upstream.api ?? PIXIV_HOSTS.api),
    oauth: origin('oauth', upstream.oauth ?? PIXIV_HOSTS.oauth),
    image: upstream.image === undefined ? undefined : origin('image', upstream.image),
  };
}
