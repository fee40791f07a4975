import { inject, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { providePixivClient } from 'pixiv-rx/angular';
import { APP_SETTINGS, loadSettings } from './app/app-settings';
import { ArtistWorksComponent } from './app/artist-works.component';

loadSettings()
  .then((settings) =>
    bootstrapApplication(ArtistWorksComponent, {
      providers: [
        provideZonelessChangeDetection(),
        { provide: APP_SETTINGS, useValue: settings },
        // the browser reaches Pixiv through the proxy: API and token requests alike
        providePixivClient(() => {
          const { proxyUrl, refreshToken } = inject(APP_SETTINGS);
          return { apiBaseUrl: proxyUrl, oauthBaseUrl: proxyUrl, refreshToken };
        }),
      ],
    }),
  )
  .catch((error: unknown) => {
    console.error(error);
    document.body.textContent = `The app could not start: ${String(error)}`;
  });
