import type { AxiosInstance } from 'axios';
import type { RetryEvent, RetryPolicy } from './retry';

/**
 * What every request of one client shares: the axios instance (the user's own, with its proxies
 * and agents, or a fresh one), the resolved retry policy and the per-request timeout. The
 * download operators of `pixiv-rx/node` reach it through `client.http`.
 */
export interface HttpContext {
  /**
   * The user's own instance. Without one, axios is loaded and an instance created at the first
   * request that needs it (`axiosOf`), not when the client is made.
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
