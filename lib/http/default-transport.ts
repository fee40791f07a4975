import type { ApiTransport } from './api-transport';

/**
 * The default transport outside Node (`#default-transport` in a browser, a worker, React Native):
 * axios, loaded at the first request, one instance per client. It imports nothing, so that each
 * entry point of the build stays one chunk.
 */
export function createDefaultTransport(viaAxios: () => ApiTransport): ApiTransport {
  return viaAxios();
}
