/**
 * The identity of the official Android app. Requests with an odd or missing User-Agent have been
 * answered 403 by Pixiv's CDN (Oct 2020), so every API and token request carries these.
 */
export const ANDROID_APP = {
  userAgent: 'PixivAndroidApp/5.0.234 (Android 11; Pixel 5)',
  os: 'android',
  osVersion: '11',
  appVersion: '5.0.234',
} as const;

/**
 * Request headers a page cannot set: the Fetch standard's forbidden request headers, and
 * `User-Agent`, which the standard has since allowed but Chromium still refuses ("Refused to set
 * unsafe header"). `Proxy-` and `Sec-` names are forbidden as prefixes.
 */
const FORBIDDEN_IN_BROWSERS = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
]);

/** Whether a browser refuses to let a page send this request header. */
export function isForbiddenInBrowsers(name: string): boolean {
  const lower = name.toLowerCase();
  return FORBIDDEN_IN_BROWSERS.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-');
}

interface GlobalsSeen {
  readonly document?: unknown;
  readonly WorkerGlobalScope?: unknown;
  readonly process?: { readonly versions?: { readonly node?: string } };
}

/**
 * Whether this code runs under a browser's request rules (a page or a worker) rather than in
 * Node, where every header may be set. jsdom under Node counts as Node: its requests go out
 * through Node.
 */
export function runsInBrowser(): boolean {
  const globals = globalThis as GlobalsSeen;
  if (typeof globals.process?.versions?.node === 'string') return false;
  return globals.document !== undefined || globals.WorkerGlobalScope !== undefined;
}

/**
 * Headers sent on every API and token request. In a browser the ones a page may not set
 * (`User-Agent`) are left out: a proxy such as `createPixivProxy` adds them on the way to Pixiv.
 */
export function appHeaders(language: string, browser: boolean = runsInBrowser()): Record<string, string> {
  const headers: Record<string, string> = {
    'User-Agent': ANDROID_APP.userAgent,
    'App-OS': ANDROID_APP.os,
    'App-OS-Version': ANDROID_APP.osVersion,
    'App-Version': ANDROID_APP.appVersion,
    'Accept-Language': language,
  };
  if (!browser) return headers;
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !isForbiddenInBrowsers(name)));
}

/** The Referer i.pximg.net insists on; without it images are answered 403. */
export const PIXIV_REFERER = 'https://app-api.pixiv.net/';
