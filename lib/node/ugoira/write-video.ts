import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { UgoiraFrame } from '../../models';
import type { ZipReader } from './zip-reader';

/** The video containers a ugoira can become through ffmpeg. */
export type VideoFormat = 'webm' | 'mp4';

/** What ffmpeg is called with for each container (after the input, before the output). */
const ENCODERS: Readonly<Record<VideoFormat, readonly string[]>> = {
  // VP9 at constant quality; row-mt uses every core
  webm: ['-c:v', 'libvpx-vp9', '-b:v', '0', '-crf', '30', '-deadline', 'good', '-cpu-used', '2', '-row-mt', '1', '-f', 'webm'],
  // H.264 that every player takes: 4:2:0, the index at the front, millisecond timestamps
  mp4: ['-c:v', 'libx264', '-preset', 'medium', '-crf', '18', '-movflags', '+faststart', '-video_track_timescale', '1000', '-f', 'mp4'],
};

/** Why ffmpeg could not be used: `missing` when there is none on `PATH`. */
export class FfmpegUnavailable extends Error {
  constructor(
    message: string,
    readonly missing: boolean,
  ) {
    super(message);
    this.name = 'FfmpegUnavailable';
  }
}

/** The last check of each `PATH`: spawning `ffmpeg -version` once per process and `PATH` is enough. */
const checks = new Map<string, Promise<void>>();

/**
 * Resolves when `ffmpeg` on `PATH` runs; rejects with {@link FfmpegUnavailable} otherwise (checked
 * once per `PATH` value, so a program that installs ffmpeg or changes `PATH` is checked again).
 */
export function assertFfmpeg(): Promise<void> {
  const key = process.env.PATH ?? '';
  let check = checks.get(key);
  if (!check) {
    check = run(['-hide_banner', '-version']).then(
      () => undefined,
      (error: unknown) => {
        checks.delete(key);
        throw error;
      },
    );
    checks.set(key, check);
  }
  return check;
}

/**
 * Encodes the frames of a ugoira zip into a WebM (VP9) or MP4 (H.264) at `target` with ffmpeg.
 * The frames are extracted to a temporary folder and given to ffmpeg's concat demuxer with each
 * frame's own duration (timestamps in milliseconds, variable frame rate). The concat demuxer
 * ignores the duration of its last file, so the last frame is listed once more: the video ends at
 * the sum of the delays, on a repeat of the last frame one millisecond long. Odd sizes are padded
 * by one pixel (4:2:0 needs even ones). `signal` kills ffmpeg. The temporary folder is always
 * removed; the caller owns `target` (a `.part`) and removes it on failure.
 */
export async function writeVideo(
  format: VideoFormat,
  zip: ZipReader,
  frames: readonly UgoiraFrame[],
  target: string,
  signal: AbortSignal,
): Promise<void> {
  if (frames.length === 0) throw new Error('the ugoira has no frames');
  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pixiv-rx-ugoira-'));
  try {
    const lines = ['ffconcat version 1.0'];
    for (const [index, frame] of frames.entries()) {
      signal.throwIfAborted();
      const file = `${String(index).padStart(6, '0')}${path.extname(frame.file) || '.jpg'}`;
      await fs.promises.writeFile(path.join(folder, file), await zip.read(frame.file));
      const seconds = Math.max(1, Math.round(frame.delay)) / 1000;
      lines.push(`file '${file}'`, 'option framerate 1000', `duration ${seconds.toFixed(3)}`);
      if (index === frames.length - 1) lines.push(`file '${file}'`, 'option framerate 1000');
    }
    const list = path.join(folder, 'frames.ffconcat');
    await fs.promises.writeFile(list, `${lines.join('\n')}\n`);
    await run(
      [
        '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
        '-f', 'concat', '-safe', '0', '-i', list,
        '-fps_mode', 'vfr', '-vf', 'pad=ceil(iw/2)*2:ceil(ih/2)*2', '-pix_fmt', 'yuv420p',
        ...ENCODERS[format],
        target,
      ],
      signal,
    );
  } finally {
    await fs.promises.rm(folder, { recursive: true, force: true });
  }
}

/** Runs ffmpeg to its end; rejects with its exit status and the end of what it wrote to stderr. */
function run(args: readonly string[], signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    // the environment as the program sees it now (its PATH decides which ffmpeg runs)
    const child = spawn('ffmpeg', args, { env: process.env, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    let failure: unknown;
    const abort = (): void => {
      failure ??= signal?.reason;
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', abort, { once: true });
    child.on('error', (error: NodeJS.ErrnoException) => {
      failure ??=
        error.code === 'ENOENT'
          ? new FfmpegUnavailable('ffmpeg was not found on PATH', true)
          : new FfmpegUnavailable(`ffmpeg could not be started (${error.code ?? error.message})`, false);
    });
    child.on('close', (code, killedBy) => {
      signal?.removeEventListener('abort', abort);
      if (failure !== undefined) reject(failure instanceof Error ? failure : new Error('ffmpeg was stopped', { cause: failure }));
      else if (code === 0) resolve();
      else {
        const why = stderr.trim().split('\n').slice(-3).join(' / ');
        reject(new Error(`ffmpeg failed (${killedBy ?? `exit ${String(code)}`})${why ? `: ${why}` : ''}`));
      }
    });
  });
}
