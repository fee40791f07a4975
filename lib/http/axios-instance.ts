import type { AxiosInstance, AxiosStatic } from 'axios';
import type { HttpContext } from './context';

let axiosModule: Promise<AxiosStatic> | undefined;

/**
 * axios itself, imported at the first call rather than when pixiv-rx is loaded: an application
 * that never sends a request, or gives its own instance, never pays for it.
 */
export function loadAxios(): Promise<AxiosStatic> {
  axiosModule ??= import('axios').then((module) => module.default);
  return axiosModule;
}

const created = new WeakMap<HttpContext, AxiosInstance | Promise<AxiosInstance>>();

/**
 * The axios instance a context's requests go through: the user's own, or one created (once per
 * context) when the first request needs it. The instance itself once it exists, so that every
 * later request goes out in the same tick; a promise of it before.
 */
export function axiosOf(context: HttpContext): AxiosInstance | Promise<AxiosInstance> {
  if (context.axios) return context.axios;
  let instance = created.get(context);
  if (!instance) {
    instance = loadAxios().then((axios) => {
      const made = axios.create();
      created.set(context, made);
      return made;
    });
    created.set(context, instance);
  }
  return instance;
}
