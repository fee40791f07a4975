/**
 * Does decoding a page stay linear in its size?
 *
 *   npx ts-node --transpile-only bench/decode-scaling.ts [runs]
 *
 * Builds pages of 30, 300 and 3,000 illustrations, cloned from the real 2025 daily ranking
 * (spec/fixtures/v1-illust-ranking/pixivpy-2025-day.json) with distinct ids, serialises each to
 * JSON, and times, per item, the median over `runs` (default 15) of:
 *   - JSON.parse of the page's bytes (for scale: what any client pays),
 *   - decode(IllustrationsBody) of the parsed page (the allocation-free fast path),
 *   - body.illusts.map(toIllustration),
 *   - decode of the same page with its last item broken (io-ts' full validation, then the error).
 * A full garbage collection runs before each timed step, so that one step's garbage (a 13 MB page
 * is parsed twice per run) is not collected on the next step's clock.
 *
 * The root tsconfig emits ES modules, which Node 20 will not load from a `.ts` file; this file has
 * no import statement, and loads lib/ through a ts-node registration that emits CommonJS, so it
 * runs with or without `-O '{"module":"commonjs"}'`.
 */
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });

void (() => {
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const { join } = require('node:path') as typeof import('node:path');
  const v8 = require('node:v8') as typeof import('node:v8');
  const vm = require('node:vm') as typeof import('node:vm');
  const { BadApiResponse } = require('../lib/errors') as typeof import('../lib/errors');
  const { IllustrationsBody, decode, toIllustration } = require('../lib/models') as typeof import('../lib/models');

  const SIZES = [30, 300, 3_000];
  const RUNS = Number(process.argv[2] ?? 15);
  const WARMUP = 3;
  const FIXTURE = join(__dirname, '..', 'spec', 'fixtures', 'v1-illust-ranking', 'pixivpy-2025-day.json');

  // a full collection before each timed step, without needing `node --expose-gc`
  v8.setFlagsFromString('--expose-gc');
  const collectGarbage = vm.runInNewContext('gc') as () => void;

  const ranking = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { illusts: Array<Record<string, unknown>>; next_url: string };

  /** A page of `count` items cycling through the ranking's 30, each with its own id. */
  function pageText(count: number, breakLast = false): string {
    const illusts: Array<Record<string, unknown>> = Array.from({ length: count }, (_, i) => ({
      ...ranking.illusts[i % ranking.illusts.length],
      id: 200_000_000 + i,
    }));
    // a string id, as the token endpoint sends ids: found only when the last item is checked
    if (breakLast) illusts[count - 1] = { ...illusts[count - 1], id: String(illusts[count - 1].id) };
    return JSON.stringify({ illusts, next_url: ranking.next_url });
  }

  function microseconds(start: bigint): number {
    return Number(process.hrtime.bigint() - start) / 1_000;
  }

  function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  interface Row {
    readonly items: number;
    readonly bytes: number;
    readonly parse: number;
    readonly decode: number;
    readonly map: number;
    readonly refuse: number;
  }

  function measure(count: number): Row {
    const text = pageText(count);
    const broken = pageText(count, true);
    const samples = { parse: [] as number[], decode: [] as number[], map: [] as number[], refuse: [] as number[] };
    let sink = 0;
    for (let run = 0; run < WARMUP + RUNS; run++) {
      collectGarbage();
      let start = process.hrtime.bigint();
      const body = JSON.parse(text) as unknown;
      const parse = microseconds(start);

      collectGarbage();
      start = process.hrtime.bigint();
      const decoded = decode(IllustrationsBody, body);
      const decodeTime = microseconds(start);

      collectGarbage();
      start = process.hrtime.bigint();
      const models = decoded.illusts.map(toIllustration);
      const map = microseconds(start);
      sink += models.length;

      // parsed outside the timing: only the refusal is measured
      const bad = JSON.parse(broken) as unknown;
      collectGarbage();
      start = process.hrtime.bigint();
      try {
        decode(IllustrationsBody, bad);
        throw new Error('the broken page decoded');
      } catch (error) {
        if (!(error instanceof BadApiResponse) || error.path !== `illusts.${count - 1}.id`) throw error;
      }
      const refuse = microseconds(start);

      if (run >= WARMUP) {
        samples.parse.push(parse);
        samples.decode.push(decodeTime);
        samples.map.push(map);
        samples.refuse.push(refuse);
      }
    }
    if (sink !== count * (WARMUP + RUNS)) throw new Error('lost items');
    return {
      items: count,
      bytes: Buffer.byteLength(text),
      parse: median(samples.parse) / count,
      decode: median(samples.decode) / count,
      map: median(samples.map) / count,
      refuse: median(samples.refuse) / count,
    };
  }

  const rows = SIZES.map(measure);
  const line = (cells: ReadonlyArray<string | number>) =>
    console.log(cells.map((value, i) => (typeof value === 'number' ? value.toFixed(2) : value).padStart(i < 2 ? 7 : 12)).join(''));
  const ratio = (of: (row: Row) => number) => (of(rows[rows.length - 1]) / of(rows[0])).toFixed(2);

  console.log(`Node ${process.version}; µs per item, median of ${RUNS} runs after ${WARMUP} warm-up runs, full GC before each step\n`);
  line(['items', 'KB', 'JSON.parse', 'decode', 'map', 'decode+map', 'refuse*', '(d+m)/parse']);
  for (const row of rows) {
    const decodeAndMap = row.decode + row.map;
    line([String(row.items), String(Math.round(row.bytes / 1024)), row.parse, row.decode, row.map, decodeAndMap, row.refuse, decodeAndMap / row.parse]);
  }
  console.log(
    `\nper-item cost at ${SIZES[SIZES.length - 1]} items ÷ at ${SIZES[0]} (≈1 is linear): JSON.parse ${ratio((row) => row.parse)}, ` +
      `decode+map ${ratio((row) => row.decode + row.map)}, refuse ${ratio((row) => row.refuse)}`,
  );
  console.log('* refuse: decode of the same page with its last item broken (full validation, then a BadApiResponse)');
})();
