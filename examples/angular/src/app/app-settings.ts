import { InjectionToken } from '@angular/core';

/** What the app is told at start-up, from `settings.json` beside its `index.html`. */
export interface AppSettings {
  /** The address of `pixiv-rx proxy` (`createPixivProxy`), e.g. `http://127.0.0.1:8787`. */
  readonly proxyUrl: string;
  /** The user's own refresh token; it stays in their browser and is sent only through the proxy. */
  readonly refreshToken: string;
  /** The artist whose works are listed. */
  readonly userId: number;
}

export const APP_SETTINGS = new InjectionToken<AppSettings>('APP_SETTINGS');

/** Reads `settings.json` (see `settings.example.json`). */
export async function loadSettings(): Promise<AppSettings> {
  const response = await fetch('settings.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`settings.json: HTTP ${response.status}`);
  return (await response.json()) as AppSettings;
}
