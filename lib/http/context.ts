import type { AxiosInstance } from 'axios';
import type { RetryEvent, RetryPolicy } from './retry';

/**
 * What every request of one client shares: the user's axios instance if any (with its proxies and
 * agents), the resolved retry policy and the per-request timeout. The download operators of
 * `pixiv-rx/node` reach it through `client.http`.
 */
export interface HttpContext {
  /**
   * The user's own instance, which every request then goes through. Without one, API calls take
   * the platform's default transport (`apiTransportOf`): node:http in Node, unless a proxy is set
   * in the environment; axios, loaded at the first request, anywhere else.
   */
  readonly axios?: AxiosInstance;
  /**
   * Whether `axios` is the user's own instance. Downloads go through it then (its proxies and
   * agents apply), as they do when a proxy is set in the environment; otherwise pixiv-rx/node
   * streams images with node:http directly.
   */
  readonly userAxios: boolean;
  readonly retry: RetryPolicy;
  /** Per request; 0 means none. */
  readonly timeoutMs: number;
  /** Told of every retry the client makes (API calls and downloads). */
  readonly onRetry: (event: RetryEvent) => void;
}
