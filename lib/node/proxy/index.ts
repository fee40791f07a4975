/** The CORS proxy a browser app uses pixiv-rx through. */
export { createPixivProxy, PIXIV_PROXY_DEFAULTS } from './create-pixiv-proxy';
export type { PixivProxy, PixivProxyOptions } from './create-pixiv-proxy';
export type { PixivUpstreams } from './upstreams';
