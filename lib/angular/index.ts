/**
 * `pixiv-rx/angular`: the client as an Angular provider. Plain functions over `InjectionToken`,
 * `makeEnvironmentProviders` and `inject`, so no Angular compiler step is needed for this entry.
 */
export { PIXIV_CLIENT } from './pixiv-client-token';
export { providePixivClient } from './provide-pixiv-client';
export { injectPixivClient } from './inject-pixiv-client';
