import { makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { PixivClient, type PixivClientOptions } from '../client';
import { PIXIV_CLIENT } from './pixiv-client-token';

/**
 * Provides {@link PIXIV_CLIENT} to an application (`bootstrapApplication(App, { providers: [...] })`)
 * or a route's environment injector. The client is made on first injection, once per injector.
 *
 * Pass the options, or a function that returns them: it runs in an injection context, so it may
 * `inject()` your own configuration. In a browser, point `apiBaseUrl` and `oauthBaseUrl` at a
 * proxy made by `createPixivProxy` (`pixiv-rx/node`): Pixiv's API sends no CORS headers.
 *
 * ```ts
 * bootstrapApplication(App, {
 *   providers: [providePixivClient(() => ({ apiBaseUrl: inject(CONFIG).proxyUrl, oauthBaseUrl: inject(CONFIG).proxyUrl }))],
 * });
 * ```
 */
export function providePixivClient(options: PixivClientOptions | (() => PixivClientOptions)): EnvironmentProviders {
  return makeEnvironmentProviders([
    {
      provide: PIXIV_CLIENT,
      useFactory: (): PixivClient => new PixivClient(typeof options === 'function' ? options() : options),
    },
  ]);
}
