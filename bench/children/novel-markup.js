// @ts-check
'use strict';
/**
 * parseNovelMarkup over a 300,000-character novel, against a floor that only visits every `[` of
 * the same text (the least a parser must do), and over 300,000 characters built to make a
 * backtracking parser quadratic (`[[rb:` repeated, never closed). Each text is parsed `samples`
 * times after `warmup` runs, a full GC before each (run with --expose-gc); the medians of the wall
 * time and of the process's CPU time are reported, and the first (cold) parse of each.
 *
 * The novel is generated, deterministic, and made a flat string as JSON.parse makes it: paragraphs of Japanese text with line breaks, and every
 * tag of the markup (chapters, page breaks, ruby, links, jumps, pixiv and uploaded images) at the
 * rate a long illustrated novel has them, plus broken tags that must stay text.
 */
const support = require('../support');

const LENGTH = 300_000;

/** @param {number} length */
function novelText(length) {
  const sentences = [
    '友奈和若叶两位女生在比赛中紧紧盯着对方，等待着最佳的进攻时机。',
    '彼女は振り返り、静かに[[rb:久世彩葉 > くぜ いろは]]の名を呼んだ。',
    '詳しくは[[jumpuri:作者のサイト > https://www.pixiv.net/users/29782420]]を見てください。',
    'ここで[jump:3]ページへ。[pixivimage:75523989-2]\n',
    '[uploadedimage:15324760]\n\n',
    '壊れたタグ [[rb:閉じない [chapter:改行\nで切れる] [pixivimage:12a] はそのまま。\n',
    '「……本当に？」\n「ええ。」\n\n',
  ];
  let text = '';
  let chapter = 1;
  for (let i = 0; text.length < length; i++) {
    if (i % 40 === 0) text += `${i ? '[newpage]\n' : ''}[chapter:第${chapter++}章]\n`;
    text += sentences[i % sentences.length];
  }
  return text.slice(0, length);
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** @param {bigint} start */
const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** CPU time (user + system) of this process since `start`, in ms. @param {NodeJS.CpuUsage} start */
const cpuMsSince = (start) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/** The floor: find every `[` with indexOf, as any tag parser must. @param {string} text */
function visitBrackets(text) {
  let count = 0;
  for (let at = text.indexOf('['); at >= 0; at = text.indexOf('[', at + 1)) count++;
  return count;
}

function main() {
  /** @type {{ root: string, samples: number, warmup: number }} */
  const { root, samples, warmup } = support.job();
  /** @type {typeof import('../../lib/index')} */
  const pixiv = support.appRequire(root)('pixiv-rx');
  const gc = /** @type {() => void} */ (globalThis.gc);
  if (typeof gc !== 'function') throw new Error('run with --expose-gc');

  // through JSON, as novelText$ gets the text: a flat string, not the rope that `+=` builds
  const flat = (/** @type {string} */ text) => /** @type {string} */ (JSON.parse(JSON.stringify(text)));
  const texts = { novel: flat(novelText(LENGTH)), hostile: flat('[[rb:'.repeat(LENGTH / 5)) };
  /** @type {Record<string, { floor: number[], parse: number[], cpu: number[], nodes: number, cold: number, coldCpu: number }>} */
  const times = {};
  let sink = 0;
  for (const [name, text] of Object.entries(texts)) {
    const floor = [];
    const parse = [];
    const cpu = [];
    let nodes = 0;
    let cold = 0;
    let coldCpu = 0;
    for (let run = 0; run < warmup + samples; run++) {
      gc();
      let start = process.hrtime.bigint();
      sink += visitBrackets(text);
      const floorMs = msSince(start);
      gc();
      const cpuStart = process.cpuUsage();
      start = process.hrtime.bigint();
      nodes = pixiv.parseNovelMarkup(text).length;
      const parseMs = msSince(start);
      const parseCpuMs = cpuMsSince(cpuStart);
      if (run === 0) {
        cold = parseMs;
        coldCpu = parseCpuMs;
      }
      if (run >= warmup) {
        floor.push(floorMs);
        parse.push(parseMs);
        cpu.push(parseCpuMs);
      }
    }
    times[name] = { floor, parse, cpu, nodes, cold, coldCpu };
    sink += nodes;
  }
  support.report({
    length: LENGTH,
    novelNodes: times.novel.nodes,
    novelFloorMs: median(times.novel.floor),
    novelMs: median(times.novel.parse),
    novelMaxMs: Math.max(...times.novel.parse),
    novelColdMs: times.novel.cold,
    novelCpuMs: median(times.novel.cpu),
    novelColdCpuMs: times.novel.coldCpu,
    hostileNodes: times.hostile.nodes,
    hostileFloorMs: median(times.hostile.floor),
    hostileMs: median(times.hostile.parse),
    hostileMaxMs: Math.max(...times.hostile.parse),
    hostileColdMs: times.hostile.cold,
    hostileCpuMs: median(times.hostile.cpu),
    hostileColdCpuMs: times.hostile.coldCpu,
    sink,
  });
}

main();
