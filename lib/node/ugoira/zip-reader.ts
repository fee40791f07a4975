import * as fs from 'node:fs';

/** One file of a zip, as its central directory lists it. */
interface ZipEntryRecord {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** The end record (22 bytes) and the longest comment it may carry. */
const TAIL_BYTES = 22 + 0xffff;

/**
 * Reads the files of a zip on disk one at a time, as a ugoira's frames are needed: the central
 * directory is read once, each entry only when asked for, so a large zip is never held whole.
 * Handles stored and deflated entries (Pixiv's ugoira zips are stored); zip64 and encryption are
 * refused. Every malformed structure is an `Error` whose message says what is wrong.
 */
export class ZipReader {
  private constructor(
    private readonly handle: fs.promises.FileHandle,
    private readonly entries: ReadonlyMap<string, ZipEntryRecord>,
  ) {}

  /** Opens `path` and reads its central directory. Close the reader when done. */
  static async open(path: string): Promise<ZipReader> {
    const handle = await fs.promises.open(path, 'r');
    try {
      return new ZipReader(handle, await readDirectory(handle));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** The names of the files in the zip, in directory order. */
  get names(): string[] {
    return [...this.entries.keys()];
  }

  /** The bytes of the file `name`. @throws Error when the zip has no such file or it is unreadable */
  async read(name: string): Promise<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`the zip has no file ${JSON.stringify(name)}`);
    const header = await readAt(this.handle, entry.localHeaderOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL_FILE_HEADER) throw new Error(`the local header of ${name} is missing`);
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const data = await readAt(this.handle, start, entry.compressedSize);
    if (entry.method === 0) return data;
    // node:zlib loads with the first deflated frame, not with pixiv-rx/node
    if (entry.method === 8) return (await import('node:zlib')).inflateRawSync(data);
    throw new Error(`${name} uses compression method ${entry.method}, which is not supported`);
  }

  /** Closes the file. */
  async close(): Promise<void> {
    await this.handle.close();
  }
}

async function readAt(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) throw new Error('the zip ends before its data');
    read += bytesRead;
  }
  return buffer;
}

async function readDirectory(handle: fs.promises.FileHandle): Promise<Map<string, ZipEntryRecord>> {
  const { size } = await handle.stat();
  const tailLength = Math.min(size, TAIL_BYTES);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip (no end of central directory)');
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new Error('zip64 archives are not supported');
  if (directoryOffset + directorySize > size) throw new Error('the central directory lies outside the zip');
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries = new Map<string, ZipEntryRecord>();
  let offset = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) {
      throw new Error(`entry ${i} of the central directory is malformed`);
    }
    const flags = directory.readUInt16LE(offset + 8);
    if (flags & 1) throw new Error('encrypted zips are not supported');
    const nameLength = directory.readUInt16LE(offset + 28);
    const extraLength = directory.readUInt16LE(offset + 30);
    const commentLength = directory.readUInt16LE(offset + 32);
    const name = directory.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.set(name, {
      name,
      method: directory.readUInt16LE(offset + 10),
      compressedSize: directory.readUInt32LE(offset + 20),
      size: directory.readUInt32LE(offset + 24),
      localHeaderOffset: directory.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
