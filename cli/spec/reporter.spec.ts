import type { CliIo, OutputStream } from '../src/io';
import { JobStats } from '../src/job-stats';
import { BarReporter } from '../src/progress/bar-reporter';
import { JsonReporter, resultRecord } from '../src/progress/json-reporter';
import { LineReporter, resultLine } from '../src/progress/line-reporter';
import { type DownloadReporter, createReporter } from '../src/progress/reporter';
import type { Illustration } from 'pixiv-rx';
import type { DownloadResult } from 'pixiv-rx/node';

/** A stream that keeps what is written; a terminal when `isTTY`. */
function captureStream(isTTY: boolean): OutputStream & { text: string } {
  return {
    isTTY,
    columns: 120,
    text: '',
    write(chunk: string, callback?: (error?: Error | null) => void) {
      this.text += chunk;
      callback?.();
      return true;
    },
  };
}

function io(isTTY: boolean) {
  const stdout = captureStream(isTTY);
  const stderr = captureStream(isTTY);
  const value: CliIo = { stdout, stderr, stdin: process.stdin, env: {}, platform: 'linux', now: () => Date.now() };
  return { io: value, stdout, stderr };
}

function work(id: number, overrides: Partial<Illustration> = {}): Illustration {
  return {
    id,
    title: `Work ${id}`,
    type: 'illust',
    pageCount: 1,
    visible: true,
    user: { id: 11, name: 'Artist', account: 'artist', profileImageUrls: {}, isFollowed: null },
    ...overrides,
  } as unknown as Illustration;
}

// eslint-disable-next-line no-control-regex -- the escape sequences the reporter writes are what is stripped
const stripAnsi = (text: string): string => text.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]/g, '');

describe('createReporter', () => {
  it('draws bars on a terminal, plain lines elsewhere, and JSON lines when asked', () => {
    const stats = new JobStats(() => 0);
    const tty = createReporter(io(true).io, { json: false, stats });
    expect(tty).toBeInstanceOf(BarReporter);
    tty.stop();
    expect(createReporter(io(false).io, { json: false, stats })).toBeInstanceOf(LineReporter);
    expect(createReporter(io(true).io, { json: true, stats })).toBeInstanceOf(JsonReporter);
  });
});

describe('BarReporter', () => {
  it('shows a bar per transfer in flight and one for the job, and ends with the job line', async () => {
    const { io: terminal, stdout } = io(true);
    const stats = new JobStats(() => Date.now());
    const reporter: DownloadReporter = new BarReporter(terminal, stats);
    const first = work(1);
    const second = work(2, { pageCount: 2 });
    for (const w of [first, second]) {
      stats.discovered++;
      reporter.discovered(w);
    }
    reporter.progress({ illustration: first, path: '/d/1.png', received: 4096, total: 8192 });
    reporter.progress({ illustration: second, path: '/d/2/2_p0.png', received: 1024, total: null });
    await new Promise((resolve) => setTimeout(resolve, 250));
    const live = stripAnsi(stdout.text);
    expect(live).toContain('0/2 works');
    expect(live).toMatch(/50% 1\.png 4\.00 KiB\/8\.00 KiB/);
    expect(live).toContain('2_p0.png 1.00 KiB');

    reporter.progress({ illustration: first, path: '/d/1.png', received: 8192, total: 8192 });
    const done: DownloadResult = { illustration: first, paths: ['/d/1.png'], bytes: 8192, skipped: false };
    stats.add(done);
    reporter.result(done);
    stdout.text = '';
    reporter.stop();
    const final = stripAnsi(stdout.text);
    expect(final).toContain('1/2 works | 1 file | 9.00 KiB');
    expect(final).not.toContain('1.png');
    reporter.stop(); // idempotent
  });
});

describe('line and JSON output', () => {
  it('prints one line per work: saved, already there, or restricted', () => {
    expect(resultLine({ illustration: work(5), paths: ['/d/5.png'], bytes: 2048, skipped: false })).toBe(
      'saved           5 (1 file, 2.00 KiB) Work 5',
    );
    expect(resultLine({ illustration: work(5), paths: ['/d/5.png'], bytes: 2048, skipped: true })).toBe(
      'skipped         5 (already there) Work 5',
    );
    expect(resultLine({ illustration: work(6, { visible: false }), paths: [], bytes: 0, skipped: true })).toBe(
      'skipped         6 (restricted: nothing to download)',
    );
    const { io: pipe, stdout } = io(false);
    new LineReporter(pipe).result({ illustration: work(5), paths: ['/d/5.png'], bytes: 2048, skipped: false });
    expect(stdout.text).toBe('saved           5 (1 file, 2.00 KiB) Work 5\n');
  });

  it('prints a JSON record per work', () => {
    const { io: pipe, stdout } = io(false);
    const result: DownloadResult = { illustration: work(5), paths: ['/d/5.png'], bytes: 2048, skipped: false };
    new JsonReporter(pipe).result(result);
    expect(JSON.parse(stdout.text)).toEqual(resultRecord(result));
    expect(resultRecord(result)).toEqual({
      id: 5,
      title: 'Work 5',
      type: 'illust',
      pageCount: 1,
      user: { id: 11, name: 'Artist', account: 'artist' },
      paths: ['/d/5.png'],
      bytes: 2048,
      skipped: false,
    });
  });
});
