import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { MIN_GIF_DELAY_CS, gifDelays } from '../../lib/node/ugoira/gif-delays';
import { ZipReader } from '../../lib/node/ugoira/zip-reader';
import { crc32, storedZip } from '../../lib/testing/zip';
import { makeTempDir, removeDir, runInFreshNode } from './support';

describe('the GIF codecs', () => {
  it('are not loaded by pixiv-rx/node, only when a GIF is made', async () => {
    const script = [
      "const loaded = () => Object.keys(require.cache).filter((k) => /node_modules[\\\\/](gifenc|jpeg-js)[\\\\/]/.test(k)).length;",
      "require('./lib/node');",
      'const atImport = loaded();',
      "require('./lib/node/ugoira/gif-codecs').loadGifCodecs().then((codecs) => console.log(JSON.stringify({ atImport, afterLoad: loaded(), encoder: typeof codecs.GIFEncoder, decoder: typeof codecs.decodeJpeg })));",
    ].join('\n');
    const stdout = await runInFreshNode(script);
    const seen = JSON.parse(stdout) as { atImport: number; afterLoad: number; encoder: string; decoder: string };
    expect(seen).toMatchObject({ atImport: 0, encoder: 'function', decoder: 'function' });
    expect(seen.afterLoad).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

describe('pixiv-rx/node at import', () => {
  it('loads none of the Node modules only a proxy, a video or a zip needs', async () => {
    const script = [
      "const heavy = /^NativeModule (child_process|zlib|net|tls|http|https|os)$/;",
      "const before = new Set(process.moduleLoadList);",
      "require('./lib/node');",
      "console.log(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m) && heavy.test(m))));",
    ].join('\n');
    const stdout = await runInFreshNode(script);
    // ts-node itself loads some of them before the script runs; what pixiv-rx/node adds must be none
    expect(JSON.parse(stdout)).toEqual([]);
  }, 60_000);
});

describe('gifDelays', () => {
  it('writes milliseconds as centiseconds', () => {
    expect(gifDelays([100, 200, 50, 1000])).toEqual([10, 20, 5, 100]);
  });

  it('keeps the running total true instead of rounding each frame alike', () => {
    const delays = gifDelays(Array.from({ length: 10 }, () => 33));
    expect(delays.reduce((sum, cs) => sum + cs, 0)).toBe(33);
    expect(new Set(delays)).toEqual(new Set([3, 4]));
  });

  it('never writes a delay under the shortest one browsers play as written, borrowing it back later', () => {
    const delays = gifDelays([0, 5, 10, 100]);
    expect(Math.min(...delays)).toBe(MIN_GIF_DELAY_CS);
    expect(delays).toEqual([2, 2, 2, 6]);
  });
});

describe('ZipReader', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => removeDir(dir));

  it('reads the stored entries of a zip one by one', async () => {
    const entries = [
      { name: '000000.jpg', data: Buffer.from('first frame') },
      { name: '000001.jpg', data: Buffer.alloc(70_000, 7) },
    ];
    const file = path.join(dir, 'frames.zip');
    await fs.writeFile(file, storedZip(entries, new Date('2024-05-01T00:00:00Z')));

    const zip = await ZipReader.open(file);
    try {
      expect(zip.names).toEqual(['000000.jpg', '000001.jpg']);
      expect(await zip.read('000001.jpg')).toEqual(entries[1]?.data);
      expect(await zip.read('000000.jpg')).toEqual(entries[0]?.data);
      await expect(zip.read('000002.jpg')).rejects.toThrow('the zip has no file "000002.jpg"');
    } finally {
      await zip.close();
    }
  });

  it('inflates a deflated entry', async () => {
    const data = Buffer.from('deflated '.repeat(1000));
    const file = path.join(dir, 'deflated.zip');
    await fs.writeFile(file, deflatedZip('a.txt', data));

    const zip = await ZipReader.open(file);
    try {
      expect((await zip.read('a.txt')).toString()).toBe(data.toString());
    } finally {
      await zip.close();
    }
  });

  it('refuses a file that is not a zip', async () => {
    const file = path.join(dir, 'no.zip');
    await fs.writeFile(file, 'not a zip at all');
    await expect(ZipReader.open(file)).rejects.toThrow('not a zip');
  });
});

/** One deflated entry, laid out as storedZip lays out stored ones. */
function deflatedZip(name: string, data: Buffer): Buffer {
  const stored = storedZip([{ name, data }], new Date('2024-05-01T00:00:00Z'));
  const compressed = zlib.deflateRawSync(data);
  const nameBytes = Buffer.from(name);
  const local = Buffer.from(stored.subarray(0, 30));
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(compressed.length, 18);
  const centralStart = 30 + nameBytes.length + data.length;
  const central = Buffer.from(stored.subarray(centralStart, centralStart + 46));
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(compressed.length, 20);
  const end = Buffer.from(stored.subarray(stored.length - 22));
  end.writeUInt32LE(30 + nameBytes.length + compressed.length, 16);
  return Buffer.concat([local, nameBytes, compressed, central, nameBytes, end]);
}
