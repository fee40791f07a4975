#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Where a profiled bench child spent its CPU, inside the measured region only.
 *
 *   npm run bench -- --quick --only paging --cpu-prof /tmp/prof
 *   node bench/profile-summary.js /tmp/prof [--script paging-pixiv-rx.js] [--top 25] [--sum]
 *
 * Reads every `*.cpuprofile` in the folder (or one file), keeps the samples that fall in the
 * child's measured region (from `regions.json`, written by `--cpu-prof`; the whole profile when
 * absent), and prints self time grouped by package (axios, rxjs, io-ts, pixiv-rx's own files,
 * node internals, GC) and by function, and the inclusive time of pixiv-rx's functions. `--sum`
 * adds up every selected profile (e.g. the 7 runs of one child) into one summary.
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { script: { type: 'string' }, top: { type: 'string', default: '25' }, sum: { type: 'boolean', default: false } },
});
const TOP = Number(flags.top);

/**
 * @typedef {{ functionName: string, url: string, lineNumber: number, columnNumber: number }} CallFrame
 * @typedef {{ id: number, callFrame: CallFrame, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], startTime: number, endTime: number, samples: number[], timeDeltas: number[] }} Profile
 */

/** @param {string} url */
function groupOf(url) {
  if (!url) return '(native / V8)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (modules) {
    if (modules[1] === 'pixiv-rx') return `pixiv-rx ${modules[2].replace(/^dist\/cjs\//, '')}`;
    return modules[1];
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  if (url.includes('/bench/')) return 'bench child';
  return url;
}

/** @param {CallFrame} frame */
function nameOf(frame) {
  const where = frame.url ? `${groupOf(frame.url)}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'} ${where}`.trim();
}

/**
 * @param {Map<string, number>} map
 * @param {number} total
 * @param {string} title
 */
function print(map, total, title) {
  console.log(`\n  ${title}`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`    ${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
}

/** @typedef {{ self: Map<string, number>, groups: Map<string, number>, inclusive: Map<string, number>, total: number, span: number, files: number }} Tally */

/** @returns {Tally} */
const newTally = () => ({ self: new Map(), groups: new Map(), inclusive: new Map(), total: 0, span: 0, files: 0 });

/** @param {string} title @param {Tally} tally */
function report(title, tally) {
  const span = tally.span ? ` region ${(tally.span / 1000).toFixed(0)} ms` : ' (whole profile)';
  console.log(`\n${title}:${span}, ${(tally.total / 1000).toFixed(1)} ms of samples not idle`);
  print(tally.groups, tally.total, 'self time by package');
  print(tally.self, tally.total, 'self time by function');
  print(tally.inclusive, tally.total, 'inclusive time of pixiv-rx functions');
}

/**
 * @param {string} file
 * @param {{ script: string, regionUs: [number, number] } | undefined} region
 * @param {Tally} tally
 */
function summarize(file, region, tally) {
  /** @type {Profile} */
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  /** @type {Map<number, ProfileNode>} */
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Map<number, number>} */
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const { self, groups, inclusive } = tally;
  let total = 0;
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i];
    const delta = profile.timeDeltas[i + 1] ?? 0;
    if (region && (time < region.regionUs[0] || time > region.regionUs[1])) continue;
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    const frame = node.callFrame;
    if (frame.functionName === '(idle)') continue;
    total += delta;
    const name = nameOf(frame);
    self.set(name, (self.get(name) ?? 0) + delta);
    const group = frame.functionName.startsWith('(') ? frame.functionName : groupOf(frame.url);
    groups.set(group, (groups.get(group) ?? 0) + delta);
    // inclusive time of pixiv-rx functions, each counted once per sample
    const seen = new Set();
    for (let id = /** @type {number | undefined} */ (node.id); id !== undefined; id = parentOf.get(id)) {
      const ancestor = /** @type {ProfileNode} */ (byId.get(id));
      if (!ancestor.callFrame.url.includes('node_modules/pixiv-rx/')) continue;
      const key = nameOf(ancestor.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
    }
  }
  tally.total += total;
  tally.span += region ? region.regionUs[1] - region.regionUs[0] : 0;
  tally.files++;
}

const target = positionals[0];
if (!target) {
  console.error('usage: node bench/profile-summary.js <dir|file.cpuprofile> [--script name.js] [--top N]');
  process.exit(2);
}
const files = fs.statSync(target).isDirectory()
  ? fs.readdirSync(target).filter((name) => name.endsWith('.cpuprofile')).map((name) => path.join(target, name))
  : [target];
const index = path.join(fs.statSync(target).isDirectory() ? target : path.dirname(target), 'regions.json');
/** @type {Record<string, { script: string, regionUs: [number, number] }>} */
const regions = fs.existsSync(index) ? JSON.parse(fs.readFileSync(index, 'utf8')) : {};
const sum = newTally();
for (const file of files.sort()) {
  const pid = /\.(\d+)\.\d+\.\d+\.cpuprofile$/.exec(file)?.[1];
  const region = pid ? regions[pid] : undefined;
  if (flags.script && region?.script !== flags.script) continue;
  if (flags.sum) {
    summarize(file, region, sum);
    continue;
  }
  const one = newTally();
  summarize(file, region, one);
  report(`${path.basename(file)} ${region?.script ?? ''}`, one);
}
if (flags.sum) report(`${sum.files} profiles${flags.script ? ` of ${flags.script}` : ''}, added up`, sum);
