/** A tiny reader of stored zips, independent of lib/testing/zip.ts, for checking the fake's zips. */

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function referenceCrc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (TABLE[(crc ^ byte) & 0xff]) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface ZipFile {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly data: Buffer;
}

/** Reads the central directory and each local entry; throws on any inconsistency. */
export function readZip(zip: Buffer): ZipFile[] {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0 || endAt !== zip.length - 22) throw new Error('no end of central directory record at the end');
  const count = zip.readUInt16LE(endAt + 10);
  const centralSize = zip.readUInt32LE(endAt + 12);
  const centralOffset = zip.readUInt32LE(endAt + 16);
  if (centralOffset + centralSize !== endAt) throw new Error('central directory does not end at the end record');
  const files: ZipFile[] = [];
  let at = centralOffset;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;

    if (zip.readUInt32LE(localOffset) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtra = zip.readUInt16LE(localOffset + 28);
    if (zip.readUInt32LE(localOffset + 14) !== crc) throw new Error(`local and central CRC differ for ${name}`);
    if (zip.subarray(localOffset + 30, localOffset + 30 + localNameLength).toString('utf8') !== name) {
      throw new Error(`local and central names differ for ${name}`);
    }
    const start = localOffset + 30 + localNameLength + localExtra;
    const data = zip.subarray(start, start + size);
    if (referenceCrc32(data) !== crc) throw new Error(`CRC mismatch for ${name}`);
    files.push({ name, method, crc, data });
  }
  return files;
}
