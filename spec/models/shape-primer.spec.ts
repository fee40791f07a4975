/**
 * The primer of a work's shapes: it follows Pixiv's order of fields as the recorded bodies have it,
 * covers both classes of `meta_single_page` (and of `series`) under every number of fields works
 * come with, runs once and after the check that asked for it, and does what it is for in V8: code
 * optimized on single-page works survives the first multi-page work of a rarer shape.
 */
import { execFileSync } from 'node:child_process';
import { illustrationShapes, WORK_FIELDS_TO_META_SINGLE_PAGE } from '../../lib/models/illustration-shapes';
import { IllustrationsBody } from '../../lib/models/responses';
import { ShapePrimer } from '../../lib/models/shape-primer';
import { allFixturePaths, fixture } from './fixture';

type RawWork = Record<string, unknown>;

/** The works of every recorded body that keeps Pixiv's own order of fields (some were re-sorted by their recorder). */
function worksInPixivOrder(): RawWork[] {
  const works: RawWork[] = [];
  for (const path of allFixturePaths()) {
    const body = fixture<{ illusts?: unknown }>(path);
    if (!Array.isArray(body.illusts)) continue;
    for (const work of body.illusts as RawWork[]) {
      const keys = Object.keys(work);
      const sorted = [...keys].sort();
      if (keys.join() !== sorted.join()) works.push(work);
    }
  }
  return works;
}

/** A work's own fields up to `meta_single_page`, in its order. */
function fieldsToMetaSinglePage(work: RawWork): string[] {
  const keys = Object.keys(work);
  return keys.slice(0, keys.indexOf('meta_single_page') + 1);
}

/** Pixiv's order of those fields, for a work with or without `x_restrict`. */
function pixivOrderOf(work: RawWork): string[] {
  return WORK_FIELDS_TO_META_SINGLE_PAGE.filter((field) => field !== 'x_restrict' || 'x_restrict' in work);
}

const primed = JSON.parse(illustrationShapes()) as RawWork[];

describe('the primer of a work’s shapes', () => {
  it('follows the order of fields of every recorded body that keeps Pixiv’s order, up to meta_single_page', () => {
    const works = worksInPixivOrder();
    expect(works.length).toBeGreaterThan(20);
    for (const work of works) expect(fieldsToMetaSinglePage(work)).toEqual(pixivOrderOf(work));
  });

  it('has a single-page and a multi-page work for every number of fields the recorded works have', () => {
    const counts = new Set(worksInPixivOrder().map((work) => `${Object.keys(work).length} ${'x_restrict' in work}`));
    const shapes = new Set(primed.map((work) => `${Object.keys(work).length} ${'x_restrict' in work} ${JSON.stringify(work.meta_single_page)}`));
    for (const count of counts) {
      expect(shapes).toContain(`${count} {}`);
      expect(shapes).toContain(`${count} {"original_image_url":""}`);
    }
    for (const work of primed) {
      expect(fieldsToMetaSinglePage(work)).toEqual(pixivOrderOf(work));
      // the classes of value that change from work to work go together: both under every count
      expect('original_image_url' in (work.meta_single_page as object)).toBe(work.series === null);
    }
  });

  it('parses its text once, after the check that asked for it', async () => {
    const text = jest.fn(() => '[]');
    const primer = new ShapePrimer(text);
    primer.prime();
    primer.prime();
    expect(text).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(text).toHaveBeenCalledTimes(1);
    primer.prime();
    await Promise.resolve();
    expect(text).toHaveBeenCalledTimes(1);
  });

  it('is run by the first check of a body of works, which decodes as before', async () => {
    const body = fixture('v1-illust-ranking/pixivpy-2025-day.json');
    const parse = jest.spyOn(JSON, 'parse');
    try {
      expect(IllustrationsBody.is(body)).toBe(true);
      expect(parse).not.toHaveBeenCalled();
      await Promise.resolve();
      expect(parse.mock.calls.map(([text]) => text)).toEqual([illustrationShapes()]);
      expect(IllustrationsBody.decode(body)._tag).toBe('Right');
      await Promise.resolve();
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  describe('in V8 (node --allow-natives-syntax)', () => {
    // a recorded single-page work, and the same fields with a multi-page work's `meta_single_page`
    const recorded = fixture<{ illusts: RawWork[] }>('v1-illust-ranking/pixivpy-2025-day.json').illusts;
    const single = recorded.find((work) => 'original_image_url' in (work.meta_single_page as object))!;
    const multi = { ...single, meta_single_page: {} };

    // Optimizes a reader of `meta_single_page` on single-page works, then parses one multi-page
    // work of the same fields, and says whether the optimized reader is still there.
    const SCRIPT = `
      const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
      if (input.primer !== null) JSON.parse(input.primer);
      const works = JSON.parse('[' + input.single + ',' + input.single + ']');
      function read(work) { return work.meta_single_page.original_image_url; }
      %PrepareFunctionForOptimization(read);
      for (const work of works) read(work);
      %OptimizeFunctionOnNextCall(read);
      read(works[0]);
      const before = (%GetOptimizationStatus(read) & 16) !== 0;
      JSON.parse('[' + input.multi + ']');
      const after = (%GetOptimizationStatus(read) & 16) !== 0;
      process.stdout.write(JSON.stringify({ before, after }));
    `;
    const run = (primer: string | null): { before: boolean; after: boolean } =>
      JSON.parse(
        execFileSync(process.execPath, ['--allow-natives-syntax', '-e', SCRIPT], {
          input: JSON.stringify({ primer, single: JSON.stringify(single), multi: JSON.stringify(multi) }),
          encoding: 'utf8',
        }),
      ) as { before: boolean; after: boolean };

    it('without the primer, the first multi-page work throws the optimized code away', () => {
      expect(run(null)).toEqual({ before: true, after: false });
    });

    it('with the primer, the optimized code stays', () => {
      expect(run(illustrationShapes())).toEqual({ before: true, after: true });
    });
  });
});
