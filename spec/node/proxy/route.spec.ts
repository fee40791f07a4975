import { isRefusal, routeRequest } from '../../../lib/node/proxy/route';
import { resolveUpstreams } from '../../../lib/node/proxy/upstreams';

describe('routeRequest with Pixiv as the upstream', () => {
  const pixiv = resolveUpstreams();
  const destination = (method: string, target: string): string => {
    const routing = routeRequest(method, target, pixiv);
    return isRefusal(routing) ? `refused ${routing.status}` : `${routing.kind} ${routing.url.href}`;
  };

  it('sends token requests to the OAuth host and API paths to the API host', () => {
    expect(destination('POST', '/auth/token')).toBe('oauth https://oauth.secure.pixiv.net/auth/token');
    expect(destination('GET', '/v1/user/illusts?user_id=11&type=illust&filter=for_ios')).toBe(
      'api https://app-api.pixiv.net/v1/user/illusts?user_id=11&type=illust&filter=for_ios',
    );
    expect(destination('POST', '/v2/illust/bookmark/add')).toBe('api https://app-api.pixiv.net/v2/illust/bookmark/add');
    expect(destination('GET', '/webview/v2/novel?id=1')).toBe('api https://app-api.pixiv.net/webview/v2/novel?id=1');
  });

  it('keeps a related-works next_url query exactly as sent', () => {
    const query = '?illust_id=1&seed_illust_ids%5B0%5D=1&viewed%5B0%5D=2&viewed%5B1%5D=3';
    expect(destination('GET', `/v2/illust/related${query}`)).toBe(`api https://app-api.pixiv.net/v2/illust/related${query}`);
  });

  it("sends each image to its own host, i.pximg.net or s.pximg.net", () => {
    const original = 'https://i.pximg.net/img-original/img/2025/02/01/12/00/00/123_p0.png';
    const placeholder = 'https://s.pximg.net/common/images/limit_r18_360.png';
    expect(destination('GET', `/image?url=${encodeURIComponent(original)}`)).toBe(`image ${original}`);
    expect(destination('HEAD', `/image?url=${encodeURIComponent(placeholder)}`)).toBe(`image ${placeholder}`);
  });

  it('takes no URL on the upstream image origin when there is no upstream image option', () => {
    expect(destination('GET', `/image?url=${encodeURIComponent('http://127.0.0.1:9/a.png')}`)).toBe('refused 403');
  });
});
