import { JobStats } from '../src/job-stats';
import { formatBytes, formatDuration, formatRate, formatWorkLine, oneLine, truncate } from '../src/format';
import type { Illustration } from 'pixiv-rx';
import type { DownloadResult } from 'pixiv-rx/node';

function work(overrides: Partial<Illustration> = {}): Illustration {
  return {
    id: 123,
    title: 'Blue\nHour',
    type: 'manga',
    pageCount: 3,
    user: { id: 11, name: 'Artist', account: 'artist', profileImageUrls: {}, isFollowed: null },
    visible: true,
    ...overrides,
  } as unknown as Illustration;
}

function result(paths: string[], bytes: number, skipped = false): DownloadResult {
  return { illustration: work(), paths, bytes, skipped };
}

describe('JobStats', () => {
  it('counts works, files and new bytes, and sums them up in one line', () => {
    let now = 1000;
    const stats = new JobStats(() => now);
    stats.add(result(['/d/1.png'], 1024 * 1024));
    stats.add(result(['/d/2/2_p0.png', '/d/2/2_p1.png'], 1024 * 1024));
    stats.add(result(['/d/3.png'], 5000, true));
    now += 2000;
    expect(stats.summary()).toBe('3 works, 1 already there, 4 files, 2.00 MiB in 2.0s (1.00 MiB/s)');
    expect(stats.toJSON()).toEqual({ works: 3, skippedWorks: 1, files: 4, bytes: 2 * 1024 * 1024, elapsedMs: 2000 });
  });
});

describe('format', () => {
  it('writes sizes, durations and rates for people', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(35 * 1024 * 1024)).toBe('35.0 MiB');
    expect(formatDuration(2345)).toBe('2.3s');
    expect(formatDuration(83_500)).toBe('1m 23.5s');
    expect(formatRate(2048, 1000)).toBe('2.00 KiB/s');
    expect(formatRate(2048, 0)).toBe('—');
  });

  it('keeps one work on one line', () => {
    expect(oneLine('a\n\tb\u0007')).toBe('a b');
    expect(formatWorkLine(work())).toBe('      123  manga    3 pages  Blue Hour  — Artist (11)');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });
});
