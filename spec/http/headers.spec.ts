import { ANDROID_APP, appHeaders, isForbiddenInBrowsers, runsInBrowser } from '../../lib/http/headers';

describe('appHeaders', () => {
  it("sends the Android app's identity and the language from Node", () => {
    expect(appHeaders('ja', false)).toEqual({
      'User-Agent': ANDROID_APP.userAgent,
      'App-OS': 'android',
      'App-OS-Version': '11',
      'App-Version': '5.0.234',
      'Accept-Language': 'ja',
    });
  });

  it('leaves out, in a browser, every header a page may not set', () => {
    const headers = appHeaders('ja', true);
    expect(headers).toEqual({ 'App-OS': 'android', 'App-OS-Version': '11', 'App-Version': '5.0.234', 'Accept-Language': 'ja' });
    expect(Object.keys(headers).filter(isForbiddenInBrowsers)).toEqual([]);
  });

  it('reads Node as Node', () => {
    expect(runsInBrowser()).toBe(false);
    expect(appHeaders('English')['User-Agent']).toBe(ANDROID_APP.userAgent);
  });
});

describe('isForbiddenInBrowsers', () => {
  it.each(['User-Agent', 'referer', 'Cookie', 'Host', 'Origin', 'Content-Length', 'Proxy-Authorization', 'Sec-Fetch-Site'])(
    '%s is forbidden',
    (name) => expect(isForbiddenInBrowsers(name)).toBe(true),
  );

  it.each(['Authorization', 'App-OS', 'Accept-Language', 'Content-Type', 'X-Client-Time', 'X-Client-Hash', 'Range'])(
    '%s may be sent',
    (name) => expect(isForbiddenInBrowsers(name)).toBe(false),
  );
});
