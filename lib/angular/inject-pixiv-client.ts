import { inject } from '@angular/core';
import type { PixivClient } from '../client';
import { PIXIV_CLIENT } from './pixiv-client-token';

/**
 * `inject(PIXIV_CLIENT)`: the client {@link providePixivClient} provides, for a field initializer
 * or a constructor (any injection context). Its streams are used as they are, with the async pipe
 * or `toSignal`; unsubscribing (a destroyed component) aborts the request in flight.
 *
 * ```ts
 * @Injectable({ providedIn: 'root' })
 * export class ArtistWorks {
 *   private readonly pixiv = injectPixivClient();
 *   works$(userId: number) { return this.pixiv.userIllustrations$(userId); }
 * }
 * ```
 *
 * @throws outside an injection context, as `inject` does (NG0203), and when no client is provided.
 */
export function injectPixivClient(): PixivClient {
  return inject(PIXIV_CLIENT);
}
