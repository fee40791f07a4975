// pixiv-rx/angular as an app loads it: the built ES modules with the real @angular/core (which
// Jest, running CommonJS, cannot load). Run by `npm test` after the build: node --test spec/angular/
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import {
  InjectionToken,
  Injector,
  createEnvironmentInjector,
  inject,
  runInInjectionContext,
} from '@angular/core';
import { firstValueFrom, take, toArray } from 'rxjs';
import { PixivClient } from '../../dist/esm/index.js';
import { PIXIV_CLIENT, injectPixivClient, providePixivClient } from '../../dist/esm/angular/index.js';
import { FakePixivServer } from '../../dist/esm/testing/index.js';

/** An application's root environment injector with the given providers. */
function environment(providers) {
  return createEnvironmentInjector(providers, Injector.NULL);
}

describe('providePixivClient', () => {
  it('provides one PixivClient per environment injector, made on first injection', () => {
    const injector = environment([providePixivClient({ language: 'ja' })]);
    const client = injector.get(PIXIV_CLIENT);
    assert.ok(client instanceof PixivClient);
    assert.equal(injector.get(PIXIV_CLIENT), client);
    assert.notEqual(environment([providePixivClient({})]).get(PIXIV_CLIENT), client);
  });

  it('runs an options function in an injection context, so it may inject the app configuration', () => {
    const CONFIG = new InjectionToken('CONFIG');
    let calls = 0;
    const injector = environment([
      { provide: CONFIG, useValue: { apiBaseUrl: 'http://127.0.0.1:9/' } },
      providePixivClient(() => {
        calls++;
        return { apiBaseUrl: inject(CONFIG).apiBaseUrl };
      }),
    ]);
    assert.equal(calls, 0);
    const client = injector.get(PIXIV_CLIENT);
    injector.get(PIXIV_CLIENT);
    assert.equal(calls, 1);
    assert.equal(client.loginUrl({ codeChallenge: 'x' }).split('/web/')[0], 'http://127.0.0.1:9');
  });

  it('lets the constructor throw its TypeError for bad options at injection', () => {
    const injector = environment([providePixivClient({ apiBaseUrl: 'not a url' })]);
    assert.throws(() => injector.get(PIXIV_CLIENT), TypeError);
  });
});

describe('injectPixivClient', () => {
  it('injects the provided client in an injection context', () => {
    const injector = environment([providePixivClient({})]);
    assert.equal(
      runInInjectionContext(injector, () => injectPixivClient()),
      injector.get(PIXIV_CLIENT),
    );
  });

  it('throws outside an injection context, and without a provider', () => {
    assert.throws(() => injectPixivClient(), /NG0203/);
    assert.throws(() => runInInjectionContext(environment([]), () => injectPixivClient()), /PIXIV_CLIENT/);
  });
});

describe('the injected client', () => {
  let fake;
  before(async () => {
    fake = await FakePixivServer.start({ users: 8, worksPerUser: 4, showcaseWorks: 40, prolificWorks: 0 });
  });
  after(() => fake.close());

  it('lists works over loopback', async () => {
    const injector = environment([
      providePixivClient({ apiBaseUrl: fake.apiBaseUrl, oauthBaseUrl: fake.oauthBaseUrl, refreshToken: fake.refreshToken }),
    ]);
    const client = runInInjectionContext(injector, () => injectPixivClient());
    const works = await firstValueFrom(client.userIllustrations$(fake.world.showcaseUserId).pipe(take(5), toArray()));
    assert.deepEqual(
      works.map((work) => work.id),
      fake.world.illustrationIdsOf(fake.world.showcaseUserId, 'illust').slice(0, 5),
    );
  });
});

describe('the CommonJS build of pixiv-rx/angular', () => {
  it('loads with require() (Node ≥ 20.19 requires the ES module @angular/core)', () => {
    const require = createRequire(import.meta.url);
    const cjs = require('../../dist/cjs/angular/index.js');
    assert.deepEqual(Object.keys(cjs).sort(), ['PIXIV_CLIENT', 'injectPixivClient', 'providePixivClient']);
    const injector = environment([cjs.providePixivClient({})]);
    assert.equal(typeof injector.get(cjs.PIXIV_CLIENT).userIllustrations$, 'function');
  });
});
