import { axiosTransport, type ApiTransport } from './api-transport';
import { axiosOf } from './axios-instance';
import type { HttpContext } from './context';

/**
 * The default transport outside Node (`#default-transport` in a browser, a worker, React Native):
 * axios, loaded at the first request, one instance per client.
 */
export function createDefaultTransport(context: HttpContext): ApiTransport {
  return axiosTransport(axiosOf(context));
}
