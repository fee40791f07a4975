import { InjectionToken } from '@angular/core';
import type { PixivClient } from '../client';

/**
 * The app's {@link PixivClient}, provided by {@link providePixivClient}: one client (one auth
 * session, one request limit) for every service of the environment injector it is provided in.
 */
export const PIXIV_CLIENT = new InjectionToken<PixivClient>('PIXIV_CLIENT');
