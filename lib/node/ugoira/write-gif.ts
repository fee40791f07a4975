import * as fs from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { UgoiraFrame } from '../../models';
import { loadGifCodecs } from './gif-codecs';
import { gifDelays } from './gif-delays';
import type { ZipReader } from './zip-reader';

/**
 * Frames above this many pixels (the 1920x1080 ones) are quantised over a 12-bit colour histogram
 * instead of a 16-bit one: five times faster there, at about one level more of mean error.
 */
const LARGE_FRAME_PIXELS = 1_000_000;

/**
 * Encodes the JPEG frames of a ugoira zip into an endlessly looping GIF at `target`, each frame
 * with its own palette (256 colours, quantised from the frame) and its delay (see
 * {@link gifDelays}). Written frame by frame, so neither the frames nor the GIF are ever whole in
 * memory; the event loop gets a turn between frames and `signal` is checked there. Resolves with
 * the bytes written. A frame that is missing, not a JPEG, or of another size than the first is an
 * `Error` naming it; the caller owns `target` (a `.part`) and removes it on failure.
 */
export async function writeGif(
  zip: ZipReader,
  frames: readonly UgoiraFrame[],
  target: string,
  signal: AbortSignal,
): Promise<number> {
  if (frames.length === 0) throw new Error('the ugoira has no frames');
  const { GIFEncoder, quantize, applyPalette, decodeJpeg } = await loadGifCodecs();
  const delays = gifDelays(frames.map((frame) => frame.delay));
  const file = await fs.promises.open(target, 'w');
  let bytes = 0;
  try {
    const gif = GIFEncoder();
    let size: { width: number; height: number } | undefined;
    const flush = async (): Promise<void> => {
      const chunk = gif.bytesView();
      if (chunk.length > 0) await file.write(chunk);
      bytes += chunk.length;
      gif.stream.reset();
    };
    for (const [index, frame] of frames.entries()) {
      signal.throwIfAborted();
      const data = await zip.read(frame.file);
      if (data.length < 3 || data[0] !== 0xff || data[1] !== 0xd8 || data[2] !== 0xff) {
        throw new Error(`frame ${frame.file} is not a JPEG`);
      }
      let image: { width: number; height: number; data: Uint8Array };
      try {
        image = decodeJpeg(data, { useTArray: true, formatAsRGBA: true });
      } catch (error) {
        throw new Error(`frame ${frame.file} cannot be decoded (${error instanceof Error ? error.message : String(error)})`, {
          cause: error,
        });
      }
      size ??= { width: image.width, height: image.height };
      if (image.width !== size.width || image.height !== size.height) {
        throw new Error(
          `frame ${frame.file} is ${image.width}x${image.height} where the first frame is ${size.width}x${size.height}`,
        );
      }
      const format = image.width * image.height > LARGE_FRAME_PIXELS ? 'rgb444' : 'rgb565';
      const palette = quantize(image.data, 256, { format });
      const indexed = applyPalette(image.data, palette, format);
      // gifenc writes round(delay / 10) centiseconds: hand it the centiseconds chosen here
      gif.writeFrame(indexed, image.width, image.height, { palette, delay: (delays[index] ?? 10) * 10, repeat: 0 });
      await flush();
      await nextTurn();
    }
    gif.finish();
    await flush();
  } finally {
    await file.close();
  }
  return bytes;
}
