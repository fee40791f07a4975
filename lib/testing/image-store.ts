import { createHash } from 'node:crypto';
import type { ResolvedOptions } from './options';
import { hash } from './random';
import type { FakeIllustration, FakeWorld } from './world';
import { storedZip } from './zip';

/** The bytes behind one image path, produced on demand. */
export interface ImageSource {
  readonly size: number;
  readonly contentType: string;
  readonly lastModified: Date;
  /** Chunks covering bytes [start, end) in order. */
  chunks(start: number, end: number): Iterable<Buffer>;
}

const BLOCK = 64 * 1024;
/**
 * Every image starts with a whole, decodable 16×16 image of its type (made with ffmpeg), followed
 * by the seeded fill up to the image's size: decoders stop at the end of the image (JPEG `EOI`,
 * PNG `IEND`), so a browser shows it (natural width > 0) while the size stays what the test asked.
 */
const HEADERS: Record<string, Buffer> = {
  jpg: Buffer.from(
    '/9j/4AAQSkZJRgABAgAAAQABAAD/2wBDAAgKCgsKCw0NDQ0NDRAPEBAQEBAQEBAQEBASEhIVFRUSEhIQEBISFBQVFRcXFxUVFRUXFxkZGR4eHBwjIyQrKzP/xABLAAEBAAAAAAAAAAAAAAAAAAAAAwEBAAAAAAAAAAAAAAAAAAAABRABAAAAAAAAAAAAAAAAAAAAABEBAAAAAAAAAAAAAAAAAAAAAP/AABEIABAAEAMBIgACEQADEQD/2gAMAwEAAhEDEQA/ALAFxj//2Q==',
    'base64',
  ),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAACXBIWXMAAAABAAAAAQBPJcTWAAAAFklEQVR4nGPI7FpLEmIY1TCqYfhqAADkVKAQ1XC2zAAAAABJRU5ErkJggg==',
    'base64',
  ),
};

const CONTENT_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', zip: 'application/zip' };

const DATE = String.raw`(\d{4}/\d{2}/\d{2}/\d{2}/\d{2}/\d{2})`;
const MASTER = new RegExp(String.raw`^(?:/c/[^/]+)?/img-master/img/${DATE}/(\d+)(?:_p(\d+))?_(?:square1200|master1200)\.jpg$`);
const ORIGINAL = new RegExp(String.raw`^/img-original/img/${DATE}/(\d+)_(?:p(\d+)\.(png|jpg)|ugoira(\d+)\.jpg)$`);
const ZIP = new RegExp(String.raw`^/img-zip-ugoira/img/${DATE}/(\d+)_ugoira(600x600|1920x1080)\.zip$`);
/** Novel covers (`<id>_<hash>`) and images uploaded with a text (`tei<id><4 digits>_<hash>`). */
const NOVEL_IMAGE = new RegExp(String.raw`^(?:/c/[^/]+/novel-cover-master|/novel-cover-original)/img/${DATE}/(tei)?(\d+)_([0-9a-f]{32})(?:_(?:master1200|square1200))?\.jpg$`);
const FREE = /^(?:\/common\/images\/|\/user-profile\/img\/|\/c\/[^/]+\/background\/img\/)[\w./-]+\.(?:png|jpg)$/;

/** A block of pseudo-random bytes (xorshift32), the same for the same path and block index. */
function block(pathHash: number, index: number): Buffer {
  const words = new Uint32Array(BLOCK / 4);
  let x = hash(pathHash, index) | 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return Buffer.from(words.buffer);
}

/** Bytes of `size`: a small whole image of the file type, then a seeded fill. */
function generated(path: string, size: number, extension: string, lastModified: Date): ImageSource {
  const pathHash = hash('image', path);
  const magic = HEADERS[extension];
  return {
    size,
    contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
    lastModified,
    *chunks(start: number, end: number) {
      for (let index = Math.floor(start / BLOCK); index * BLOCK < end; index++) {
        let bytes = block(pathHash, index);
        if (index === 0 && magic) magic.copy(bytes, 0, 0, Math.min(magic.length, bytes.length));
        const from = Math.max(start - index * BLOCK, 0);
        const to = Math.min(end - index * BLOCK, BLOCK);
        bytes = bytes.subarray(from, to);
        if (bytes.length) yield bytes;
      }
    },
  };
}

function buffered(buffer: Buffer, contentType: string, lastModified: Date): ImageSource {
  return {
    size: buffer.length,
    contentType,
    lastModified,
    *chunks(start: number, end: number) {
      for (let at = start; at < end; at += BLOCK) yield buffer.subarray(at, Math.min(at + BLOCK, end));
    },
  };
}

/** Resolves image paths to their bytes: only paths the world's works really have exist. */
export class ImageStore {
  private readonly zips = new Map<string, Buffer>();

  constructor(
    private readonly world: FakeWorld,
    private readonly options: ResolvedOptions,
  ) {}

  /** The source of a path (or of a full URL on any host), `undefined` when nothing is there (404). */
  resolve(pathOrUrl: string): ImageSource | undefined {
    const path = toPath(pathOrUrl);
    const fixed = new Date(Date.UTC(2020, 0, 1));
    if (FREE.test(path)) return generated(path, this.sizeOf(path), extensionOf(path), fixed);
    let m = MASTER.exec(path);
    if (m) {
      const work = this.work(m[1], m[2]);
      if (!work) return undefined;
      const page = m[3] === undefined ? undefined : Number(m[3]);
      if (work.type === 'ugoira' ? page !== undefined : page === undefined || page >= work.pageCount) return undefined;
      return generated(path, this.sizeOf(path), 'jpg', new Date(work.createDate));
    }
    m = ORIGINAL.exec(path);
    if (m) {
      const work = this.work(m[1], m[2]);
      if (!work) return undefined;
      if (m[3] !== undefined) {
        if (work.type === 'ugoira' || Number(m[3]) >= work.pageCount || m[4] !== work.originalExtension) return undefined;
        return generated(path, this.sizeOf(path), m[4], new Date(work.createDate));
      }
      if (!work.ugoiraFrames || Number(m[5]) >= work.ugoiraFrames.length) return undefined;
      return generated(path, this.sizeOf(path), 'jpg', new Date(work.createDate));
    }
    m = NOVEL_IMAGE.exec(path);
    if (m) {
      const [, datePath, tei, digits] = m as unknown as [string, string, string | undefined, string];
      const novelId = Number(tei ? digits.slice(0, -4) : digits);
      const novel = this.world.novel(novelId);
      if (!novel || novel.datePath !== datePath || novel.placeholder) return undefined;
      const stem = `${tei ?? ''}${digits}_${m[4]}`;
      const known = tei
        ? novel.images.some((image) => image.urls.original.includes(`/${stem}.jpg`))
        : novel.coverUrls.large.includes(`/${stem}_`);
      // the original of an uploaded image has no suffix; covers have no original
      const isOriginal = path.startsWith('/novel-cover-original/');
      if (!known || (isOriginal && !tei)) return undefined;
      return generated(path, this.sizeOf(path), 'jpg', new Date(novel.createDate));
    }
    m = ZIP.exec(path);
    if (m) {
      const work = this.work(m[1], m[2]);
      if (!work?.ugoiraFrames) return undefined;
      return buffered(this.zip(path, work, m[3] === '1920x1080' ? 3 : 1), 'application/zip', new Date(work.createDate));
    }
    return undefined;
  }

  /** All bytes of an image (for assertions; a 50 MiB image makes a 50 MiB Buffer). */
  bytesOf(pathOrUrl: string): Buffer {
    const source = this.require(pathOrUrl);
    return Buffer.concat([...source.chunks(0, source.size)]);
  }

  sha256Of(pathOrUrl: string): string {
    const source = this.require(pathOrUrl);
    const digest = createHash('sha256');
    for (const chunk of source.chunks(0, source.size)) digest.update(chunk);
    return digest.digest('hex');
  }

  private require(pathOrUrl: string): ImageSource {
    const source = this.resolve(pathOrUrl);
    if (!source) throw new RangeError(`the fake image host has no image at ${pathOrUrl}`);
    return source;
  }

  private sizeOf(path: string): number {
    const size = this.options.imageBytes(path);
    if (!(Number.isSafeInteger(size) && size >= 0)) throw new TypeError(`imageBytes(${path}) must be a non-negative integer`);
    return size;
  }

  private work(datePath: string, id: string): FakeIllustration | undefined {
    const work = this.world.illustration(Number(id));
    return work && work.datePath === datePath ? work : undefined;
  }

  private zip(path: string, work: FakeIllustration, scale: number): Buffer {
    let zip = this.zips.get(path);
    if (!zip) {
      const frameBytes = Math.max(16, this.options.ugoiraFrameBytes * scale);
      const entries = (work.ugoiraFrames ?? []).map((frame, i) => {
        const data = Buffer.concat([...generated(`${path}#${i}`, frameBytes, 'jpg', new Date(0)).chunks(0, frameBytes)]);
        data[data.length - 2] = 0xff; // end of image marker
        data[data.length - 1] = 0xd9;
        return { name: frame.file, data };
      });
      zip = storedZip(entries, new Date(Date.parse(work.createDate) + 9 * 3600_000));
      if (this.zips.size >= 16) this.zips.delete(this.zips.keys().next().value as string);
      this.zips.set(path, zip);
    }
    return zip;
  }
}

function toPath(pathOrUrl: string): string {
  const path = /^https?:\/\//i.test(pathOrUrl) ? new URL(pathOrUrl).pathname : pathOrUrl;
  const query = path.indexOf('?');
  return query < 0 ? path : path.slice(0, query);
}

function extensionOf(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}
