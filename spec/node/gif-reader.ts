/**
 * A small GIF reader for the specs: the logical screen, the loop extension, and every frame with
 * its Graphic Control Extension delay and its pixels (LZW decoded, as palette colours).
 */
export interface GifFrame {
  readonly delayCs: number;
  readonly width: number;
  readonly height: number;
  /** RGB triples, one per pixel, row by row. */
  readonly rgb: Uint8Array;
}

export interface GifFile {
  readonly version: string;
  readonly width: number;
  readonly height: number;
  /** The NETSCAPE2.0 loop count (0 = forever), `undefined` without the extension. */
  readonly loops: number | undefined;
  readonly frames: GifFrame[];
}

export function readGif(data: Buffer): GifFile {
  const version = data.toString('latin1', 0, 6);
  if (version !== 'GIF89a' && version !== 'GIF87a') throw new Error(`not a GIF: ${JSON.stringify(version)}`);
  const width = data.readUInt16LE(6);
  const height = data.readUInt16LE(8);
  const packed = data[10];
  let offset = 13;
  let globalPalette: Uint8Array | undefined;
  if (packed & 0x80) {
    const size = 3 * (1 << ((packed & 7) + 1));
    globalPalette = data.subarray(offset, offset + size);
    offset += size;
  }
  const frames: GifFrame[] = [];
  let loops: number | undefined;
  let delayCs = 0;
  const subBlocks = (): Buffer => {
    const parts: Buffer[] = [];
    for (;;) {
      const length = data[offset++];
      if (length === 0) return Buffer.concat(parts);
      parts.push(data.subarray(offset, offset + length));
      offset += length;
    }
  };
  for (;;) {
    const block = data[offset++];
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = data[offset++];
      const body = subBlocks();
      if (label === 0xf9) delayCs = body.readUInt16LE(1);
      if (label === 0xff && body.toString('latin1', 0, 11) === 'NETSCAPE2.0') loops = body.readUInt16LE(12);
      continue;
    }
    if (block !== 0x2c) throw new Error(`unexpected block 0x${String(block?.toString(16))} at ${offset - 1}`);
    const frameWidth = data.readUInt16LE(offset + 4);
    const frameHeight = data.readUInt16LE(offset + 6);
    const framePacked = data[offset + 8];
    offset += 9;
    let palette = globalPalette;
    if (framePacked & 0x80) {
      const size = 3 * (1 << ((framePacked & 7) + 1));
      palette = data.subarray(offset, offset + size);
      offset += size;
    }
    if (framePacked & 0x40) throw new Error('interlaced frames are not read here');
    const minCodeSize = data[offset++];
    const indices = lzwDecode(minCodeSize, subBlocks(), frameWidth * frameHeight);
    if (!palette) throw new Error('a frame without a palette');
    const rgb = new Uint8Array(indices.length * 3);
    indices.forEach((index, i) => rgb.set(palette.subarray(index * 3, index * 3 + 3), i * 3));
    frames.push({ delayCs, width: frameWidth, height: frameHeight, rgb });
    delayCs = 0;
  }
  return { version, width, height, loops, frames };
}

function lzwDecode(minCodeSize: number, data: Buffer, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels);
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  let dictionary: number[][] = [];
  let codeSize = minCodeSize + 1;
  let previous: number[] | undefined;
  const reset = (): void => {
    dictionary = Array.from({ length: clear + 2 }, (_, i) => (i < clear ? [i] : []));
    codeSize = minCodeSize + 1;
    previous = undefined;
  };
  reset();
  let bit = 0;
  let written = 0;
  const read = (): number => {
    let code = 0;
    for (let i = 0; i < codeSize; i++, bit++) {
      const byte = data[bit >> 3];
      if (byte === undefined) return end;
      code |= ((byte >> (bit & 7)) & 1) << i;
    }
    return code;
  };
  for (;;) {
    const code = read();
    if (code === clear) {
      reset();
      continue;
    }
    if (code === end) break;
    let entry: number[];
    if (code < dictionary.length) entry = dictionary[code];
    else if (code === dictionary.length && previous) entry = [...previous, previous[0]];
    else throw new Error(`bad LZW code ${code}`);
    for (const value of entry) if (written < pixels) out[written++] = value;
    if (previous && dictionary.length < 4096) dictionary.push([...previous, entry[0]]);
    previous = entry;
    if (dictionary.length === 1 << codeSize && codeSize < 12) codeSize++;
  }
  if (written !== pixels) throw new Error(`the frame has ${written} of ${pixels} pixels`);
  return out;
}
