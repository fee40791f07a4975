import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as jpeg from 'jpeg-js';
import { firstValueFrom, from, lastValueFrom, of, toArray } from 'rxjs';
import { DownloadError } from '../../lib/errors';
import { ContentType, Illustration, Size } from '../../lib/models';
import { downloadIllustration, downloadIllustrations } from '../../lib/node';
import { storedZip } from '../../lib/testing/zip';
import { readGif } from './gif-reader';
import { ImageServer } from './image-server';
import { exists, failure, listFiles, makeClient, makeTempDir, removeDir, singlePage } from './support';

const run = promisify(execFile);

/** Solid colours, one per frame, and how long each shows. */
const FRAMES = [
  { file: '000000.jpg', delay: 100, rgb: [220, 30, 30] },
  { file: '000001.jpg', delay: 200, rgb: [30, 200, 40] },
  { file: '000002.jpg', delay: 50, rgb: [20, 40, 210] },
  { file: '000003.jpg', delay: 333, rgb: [240, 240, 240] },
] as const;
const TOTAL_MS = FRAMES.reduce((sum, frame) => sum + frame.delay, 0);

function solidJpeg(width: number, height: number, [r, g, b]: readonly number[]): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([r, g, b, 255], i * 4);
  return jpeg.encode({ width, height, data }, 95).data;
}

function framesZip(width: number, height: number): Buffer {
  return storedZip(
    FRAMES.map((frame) => ({ name: frame.file, data: solidJpeg(width, height, frame.rgb) })),
    new Date('2025-01-22T22:57:49Z'),
  );
}

async function probe(file: string): Promise<{ frames: number; duration: number; times: number[]; width: number; height: number }> {
  const { stdout } = await run('ffprobe', [
    '-v', 'error', '-select_streams', 'v:0', '-count_frames',
    '-show_entries', 'stream=nb_read_frames,width,height:format=duration:frame=pts_time,best_effort_timestamp_time',
    '-of', 'json', file,
  ]);
  const parsed = JSON.parse(stdout) as {
    streams: { nb_read_frames: string; width: number; height: number }[];
    format: { duration: string };
    frames: { pts_time?: string; best_effort_timestamp_time?: string }[];
  };
  const stream = parsed.streams[0];
  if (!stream) throw new Error(`${file} has no video stream`);
  return {
    frames: Number(stream.nb_read_frames),
    duration: Number(parsed.format.duration),
    times: parsed.frames.map((frame) => Number(frame.pts_time ?? frame.best_effort_timestamp_time)),
    width: stream.width,
    height: stream.height,
  };
}

describe('ugoira as an animation', () => {
  let server: ImageServer;
  let dir: string;
  const zipBase = '/img-zip-ugoira/img/2025/01/22/22/57/49/300';
  const largeZip = `${zipBase}_ugoira1920x1080.zip`;
  const mediumZip = `${zipBase}_ugoira600x600.zip`;

  beforeEach(async () => {
    server = await ImageServer.start();
    dir = await makeTempDir();
  });

  afterEach(async () => {
    await server.close();
    await removeDir(dir);
  });

  const ugoira = (id = 300): Illustration =>
    singlePage(server.origin, id, {
      type: ContentType.UGOIRA,
      imageUrls: {
        square_medium: `${server.origin}/c/360x360/${id}_square1200.jpg`,
        medium: `${server.origin}/c/540x540/${id}_master1200.jpg`,
        large: `${server.origin}/c/600x1200/${id}_master1200.jpg`,
        original: `${server.origin}/img-original/${id}_ugoira0.jpg`,
      },
    });
  const client = () =>
    makeClient({
      ugoira: () =>
        of({ zipUrls: { medium: server.url(mediumZip) }, frames: FRAMES.map(({ file, delay }) => ({ file, delay })) }),
    });

  describe("ugoira: 'gif'", () => {
    it('writes <id>.gif with every frame, its colour and its delay, and removes the zip', async () => {
      server.addContent(largeZip, framesZip(40, 30));
      const downloads = client();

      const result = await lastValueFrom(downloadIllustration(downloads, ugoira(), { directory: dir, ugoira: 'gif' }));

      const gifPath = path.join(dir, '300.gif');
      expect(result).toMatchObject({ paths: [gifPath], skipped: false, bytes: (await fs.stat(gifPath)).size });
      expect(await listFiles(dir)).toEqual(['300.gif']);
      const gif = readGif(await fs.readFile(gifPath));
      expect(gif).toMatchObject({ version: 'GIF89a', width: 40, height: 30, loops: 0 });
      expect(gif.frames.map((frame) => frame.delayCs)).toEqual([10, 20, 5, 33]);
      gif.frames.forEach((frame, i) => {
        expect([frame.width, frame.height]).toEqual([40, 30]);
        const centre = (15 * 40 + 20) * 3;
        const expected = FRAMES[i]?.rgb ?? [];
        for (let c = 0; c < 3; c++) expect(Math.abs((frame.rgb[centre + c]) - (expected[c] as number))).toBeLessThan(16);
      });
      expect(downloads.metadataCalls).toEqual([300]);
      expect(server.requests.map((request) => request.path)).toEqual([largeZip]);
    });

    it('takes the 600x600 zip below ORIGINAL, and names the file as filename says', async () => {
      server.addContent(mediumZip, framesZip(16, 12));

      const result = await lastValueFrom(
        downloadIllustration(client(), ugoira(), { directory: dir, ugoira: 'gif', size: Size.LARGE, filename: 'loop' }),
      );

      expect(result.paths).toEqual([path.join(dir, 'loop.gif')]);
      expect(readGif(await fs.readFile(result.paths[0])).frames).toHaveLength(4);
      expect(server.requests.map((request) => request.path)).toEqual([mediumZip]);
    });

    it('keeps the colours of frames above a megapixel (quantised over the smaller histogram)', async () => {
      const [width, height] = [1280, 800];
      const two = FRAMES.slice(0, 2);
      server.addContent(
        largeZip,
        storedZip(two.map((frame) => ({ name: frame.file, data: solidJpeg(width, height, frame.rgb) })), new Date()),
      );
      const downloads = makeClient({
        ugoira: () => of({ zipUrls: { medium: server.url(mediumZip) }, frames: two.map(({ file, delay }) => ({ file, delay })) }),
      });

      const result = await lastValueFrom(downloadIllustration(downloads, ugoira(), { directory: dir, ugoira: 'gif' }));

      const gif = readGif(await fs.readFile(result.paths[0]));
      expect(gif.frames.map((frame) => [frame.width, frame.height, frame.delayCs])).toEqual([
        [width, height, 10],
        [width, height, 20],
      ]);
      gif.frames.forEach((frame, i) => {
        const centre = ((height / 2) * width + width / 2) * 3;
        const expected = two[i]?.rgb ?? [];
        for (let c = 0; c < 3; c++) expect(Math.abs(frame.rgb[centre + c] - expected[c])).toBeLessThan(16);
      });
    });

    it('skips an existing GIF without asking for the metadata or the zip', async () => {
      await fs.writeFile(path.join(dir, '300.gif'), 'GIF89a');
      const downloads = client();

      const result = await lastValueFrom(downloadIllustration(downloads, ugoira(), { directory: dir, ugoira: 'gif' }));

      expect(result).toMatchObject({ skipped: true, bytes: 6, paths: [path.join(dir, '300.gif')] });
      expect(downloads.metadataCalls).toEqual([]);
      expect(server.requests).toHaveLength(0);
    });

    it('fails with a DownloadError naming the frame when a frame is not a JPEG, leaving no GIF', async () => {
      const zip = storedZip(
        FRAMES.map((frame, i) => ({ name: frame.file, data: i === 2 ? Buffer.from('not a jpeg') : solidJpeg(8, 8, frame.rgb) })),
        new Date(),
      );
      server.addContent(largeZip, zip);

      const error = await failure(lastValueFrom(downloadIllustration(client(), ugoira(), { directory: dir, ugoira: 'gif' })));

      expect(error).toBeInstanceOf(DownloadError);
      expect((error as DownloadError).message).toContain('000002.jpg');
      expect((error as DownloadError).path).toBe(path.join(dir, '300.gif'));
      expect(await exists(path.join(dir, '300.gif'))).toBe(false);
      expect(await exists(path.join(dir, '300.gif.part'))).toBe(false);
    });

    it('leaves no GIF when unsubscribed while the zip arrives', async () => {
      server.addContent(largeZip, framesZip(200, 150));
      server.failAlways(largeZip, { kind: 'trickle', chunkBytes: 1024, intervalMs: 10 });

      const subscription = downloadIllustration(client(), ugoira(), { directory: dir, ugoira: 'gif' }).subscribe();
      await server.until(() => server.requests.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      subscription.unsubscribe();
      await server.until(() => server.active === 0);

      const files = await listFiles(dir);
      expect(files).not.toContain('300.gif');
      expect(files.filter((file) => !file.endsWith('.part'))).toEqual([]);
    });

    it('leaves no GIF and no .part when unsubscribed while encoding', async () => {
      const many = Array.from({ length: 40 }, (_, i) => ({ file: `${String(i).padStart(6, '0')}.jpg`, delay: 40 }));
      const images = FRAMES.map((frame) => solidJpeg(320, 240, frame.rgb));
      server.addContent(
        largeZip,
        storedZip(
          many.map((frame, i) => ({ name: frame.file, data: images[i % images.length] })),
          new Date(),
        ),
      );
      const downloads = makeClient({ ugoira: () => of({ zipUrls: { medium: server.url(mediumZip) }, frames: many }) });
      const part = path.join(dir, '300.gif.part');

      let failed: unknown;
      const subscription = downloadIllustration(downloads, ugoira(), { directory: dir, ugoira: 'gif' }).subscribe({
        error: (error: unknown) => (failed = error),
      });
      while (!(await exists(part))) await new Promise((resolve) => setTimeout(resolve, 1));
      subscription.unsubscribe();
      // the encoder stops at its next frame and removes its .part
      while (await exists(part)) await new Promise((resolve) => setTimeout(resolve, 5));

      expect(failed).toBeUndefined();
      expect(await exists(path.join(dir, '300.gif'))).toBe(false);
      // the complete zip stays, for the next run to encode without downloading it again
      expect(await listFiles(dir)).toEqual(['300.gif.frames.zip']);
    });

    it('makes a work listed twice once', async () => {
      server.addContent(largeZip, framesZip(20, 20));

      const results = await lastValueFrom(
        from([ugoira(), ugoira()]).pipe(downloadIllustrations(client(), { directory: dir, ugoira: 'gif' }), toArray()),
      );

      expect(results.map((result) => result.skipped).sort()).toEqual([false, true]);
      expect(await listFiles(dir)).toEqual(['300.gif']);
      expect(readGif(await fs.readFile(path.join(dir, '300.gif'))).frames).toHaveLength(4);
    });
  });

  describe.each(['webm', 'mp4'] as const)("ugoira: '%s'", (format) => {
    it('encodes every frame at its own time, through ffmpeg', async () => {
      server.addContent(largeZip, framesZip(41, 31));

      const result = await lastValueFrom(downloadIllustration(client(), ugoira(), { directory: dir, ugoira: format }));

      const video = path.join(dir, `300.${format}`);
      expect(result).toMatchObject({ paths: [video], skipped: false, bytes: (await fs.stat(video)).size });
      expect(await listFiles(dir)).toEqual([`300.${format}`]);
      const probed = await probe(video);
      // the concat demuxer's last-frame rule: the last frame is listed again, 1 ms long
      expect(probed.frames).toBe(FRAMES.length + 1);
      expect(probed.times.slice(0, FRAMES.length)).toEqual([0, 0.1, 0.3, 0.35]);
      expect(probed.times[FRAMES.length]).toBeCloseTo(TOTAL_MS / 1000, 3);
      expect(Math.abs(probed.duration - TOTAL_MS / 1000)).toBeLessThanOrEqual(0.002);
      // 4:2:0 wants even sizes: odd ones are padded by a pixel
      expect([probed.width, probed.height]).toEqual([42, 32]);
    });

    it('is a DownloadError before any request when there is no ffmpeg on PATH', async () => {
      server.addContent(largeZip, framesZip(8, 8));
      const emptyBin = path.join(dir, 'bin');
      await fs.mkdir(emptyBin);
      const downloads = client();
      const previous = process.env.PATH;
      process.env.PATH = emptyBin;
      let error: unknown;
      try {
        error = await failure(firstValueFrom(downloadIllustration(downloads, ugoira(), { directory: dir, ugoira: format })));
      } finally {
        process.env.PATH = previous;
      }

      expect(error).toBeInstanceOf(DownloadError);
      expect((error as DownloadError).message).toContain('ffmpeg was not found on PATH');
      expect((error as DownloadError).path).toBe(path.join(dir, `300.${format}`));
      expect(downloads.metadataCalls).toEqual([]);
      expect(server.requests).toHaveLength(0);
      expect(await listFiles(dir)).toEqual([]);
    });
  });
});
