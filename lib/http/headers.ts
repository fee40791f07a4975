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

/** Headers sent on every API and token request. */
export function appHeaders(language: string): Record<string, string> {
  return {
    'User-Agent': ANDROID_APP.userAgent,
    'App-OS': ANDROID_APP.os,
    'App-OS-Version': ANDROID_APP.osVersion,
    'App-Version': ANDROID_APP.appVersion,
    'Accept-Language': language,
  };
}

/** The Referer i.pximg.net insists on; without it images are answered 403. */
export const PIXIV_REFERER = 'https://app-api.pixiv.net/';
