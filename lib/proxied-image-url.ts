/**
 * The address of a Pixiv image behind a proxy made by `createPixivProxy` (`pixiv-rx/node`), for an
 * `<img src>` in a browser app: a page cannot send the `Referer` that `i.pximg.net` insists on,
 * the proxy adds it. Pure: nothing is sent.
 *
 * ```ts
 * proxiedImageUrl('http://127.0.0.1:8787', work.imageUrls.squareMedium);
 * // 'http://127.0.0.1:8787/image?url=https%3A%2F%2Fi.pximg.net%2Fc%2F360x360_70%2F…'
 * ```
 *
 * @param proxyBaseUrl The proxy's `url` (a trailing `/` is ignored); a path such as `/pixiv` works
 *   too when the proxy is mounted on the app's own origin.
 * @param imageUrl An image URL as a body carries it (`https://i.pximg.net/…`).
 * @throws TypeError when `imageUrl` is not an absolute http(s) URL.
 */
export function proxiedImageUrl(proxyBaseUrl: string, imageUrl: string): string {
  if (!/^https?:\/\/[^/]/i.test(imageUrl)) {
    throw new TypeError(`imageUrl must be an absolute http(s) URL, got ${JSON.stringify(imageUrl)}`);
  }
  return `${proxyBaseUrl.replace(/\/+$/, '')}/image?url=${encodeURIComponent(imageUrl)}`;
}
