// The part of gifenc (which ships no types) that the GIF writer uses.
declare module 'gifenc' {
  /** RGB (or RGBA) triples. */
  export type Palette = number[][];
  export type ColorFormat = 'rgb565' | 'rgb444' | 'rgba4444';
  export interface GifFrameOptions {
    palette?: Palette;
    /** Milliseconds; gifenc writes `round(delay / 10)` centiseconds. */
    delay?: number;
    /** -1 once, 0 forever, n: n more times. Read on the first frame. */
    repeat?: number;
    first?: boolean;
    transparent?: boolean;
    transparentIndex?: number;
    dispose?: number;
  }
  export interface GifStream {
    reset(): void;
  }
  export interface GifWriter {
    writeFrame(index: Uint8Array, width: number, height: number, options?: GifFrameOptions): void;
    finish(): void;
    bytes(): Uint8Array;
    bytesView(): Uint8Array;
    readonly stream: GifStream;
  }
  export function GIFEncoder(options?: { auto?: boolean; initialCapacity?: number }): GifWriter;
  export function quantize(
    rgba: Uint8Array | Uint8ClampedArray,
    maxColors: number,
    options?: { format?: ColorFormat; oneBitAlpha?: boolean | number; clearAlpha?: boolean },
  ): Palette;
  export function applyPalette(rgba: Uint8Array | Uint8ClampedArray, palette: Palette, format?: ColorFormat): Uint8Array;
}
