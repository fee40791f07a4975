import type * as Gifenc from 'gifenc';
import type * as JpegJs from 'jpeg-js';

/** The pure-JavaScript codecs a GIF is made with. */
export interface GifCodecs {
  readonly GIFEncoder: typeof Gifenc.GIFEncoder;
  readonly quantize: typeof Gifenc.quantize;
  readonly applyPalette: typeof Gifenc.applyPalette;
  readonly decodeJpeg: typeof JpegJs.decode;
}

let loading: Promise<GifCodecs> | undefined;

/**
 * gifenc and jpeg-js, loaded on first use only: a program that never writes a GIF does not pay
 * for them at import. Both are CommonJS; an ES module import of them gives their exports as
 * `default`, a CommonJS one as the namespace itself.
 */
export function loadGifCodecs(): Promise<GifCodecs> {
  loading ??= Promise.all([import('gifenc'), import('jpeg-js')]).then(([gifModule, jpegModule]) => {
    const gif = pick<typeof Gifenc>(gifModule, 'GIFEncoder');
    const jpeg = pick<typeof JpegJs>(jpegModule, 'decode');
    return { GIFEncoder: gif.GIFEncoder, quantize: gif.quantize, applyPalette: gif.applyPalette, decodeJpeg: jpeg.decode };
  });
  // a failed load is tried again next time
  loading.catch(() => (loading = undefined));
  return loading;
}

function pick<T>(namespace: unknown, name: string): T {
  const record = namespace as Record<string, unknown> & { default?: unknown };
  return (typeof record[name] === 'function' ? record : record.default) as T;
}
