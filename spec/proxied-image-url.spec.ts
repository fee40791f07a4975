import { proxiedImageUrl } from '../lib/proxied-image-url';

describe('proxiedImageUrl', () => {
  const image = 'https://i.pximg.net/c/360x360_70/img-master/img/2025/02/01/12/00/00/123_p0_square1200.jpg';

  it("puts the image URL, encoded, in the proxy's /image?url=", () => {
    const url = proxiedImageUrl('http://127.0.0.1:8787', image);
    expect(url).toBe(`http://127.0.0.1:8787/image?url=${encodeURIComponent(image)}`);
    expect(new URL(url).searchParams.get('url')).toBe(image);
  });

  it('ignores trailing slashes of the base and accepts a path on the same origin', () => {
    expect(proxiedImageUrl('http://localhost:4200/pixiv/', image)).toBe(
      `http://localhost:4200/pixiv/image?url=${encodeURIComponent(image)}`,
    );
    expect(proxiedImageUrl('/pixiv', image)).toBe(`/pixiv/image?url=${encodeURIComponent(image)}`);
  });

  it('keeps a query of the image URL inside the parameter', () => {
    const url = proxiedImageUrl('http://127.0.0.1:1', 'https://i.pximg.net/a.jpg?x=1&y=2');
    expect(new URL(url).searchParams.get('url')).toBe('https://i.pximg.net/a.jpg?x=1&y=2');
    expect([...new URL(url).searchParams.keys()]).toEqual(['url']);
  });

  it.each(['', '/img/a.jpg', 'i.pximg.net/a.jpg', 'javascript:alert(1)', 'data:image/png;base64,AA=='])(
    'refuses %j with a TypeError',
    (bad) => {
      expect(() => proxiedImageUrl('http://127.0.0.1:1', bad)).toThrow(TypeError);
    },
  );
});
