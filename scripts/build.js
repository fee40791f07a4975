#!/usr/bin/env node
// Builds dist/cjs (CommonJS), dist/esm (ES modules) and dist/types (declarations) from lib/.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const tsc = require.resolve('typescript/bin/tsc');

function run(...args) {
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), ...args], {
    stdio: 'inherit',
  });
}

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

// Node's ESM loader needs full relative specifiers: './http' → './http/index.js', './errors' → './errors.js'.
function fullySpecify(file) {
  const source = fs.readFileSync(file, 'utf8');
  const fixed = source.replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g,
    (match, lead, quote, spec) => {
      if (/\.(m?js|json)$/.test(spec)) return match;
      const base = path.resolve(path.dirname(file), spec);
      if (fs.existsSync(`${base}.js`)) return `${lead}${quote}${spec}.js${quote}`;
      if (fs.existsSync(path.join(base, 'index.js'))) return `${lead}${quote}${spec}/index.js${quote}`;
      throw new Error(`cannot resolve ${spec} from ${file}`);
    },
  );
  if (fixed !== source) fs.writeFileSync(file, fixed);
}

fs.rmSync(dist, { recursive: true, force: true });
run('--module', 'commonjs', '--outDir', path.join(dist, 'cjs'));
run('--module', 'esnext', '--outDir', path.join(dist, 'esm'));
run('--declaration', '--emitDeclarationOnly', '--outDir', path.join(dist, 'types'));

fs.writeFileSync(path.join(dist, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
fs.writeFileSync(path.join(dist, 'esm', 'package.json'), '{ "type": "module" }\n');
for (const file of walk(path.join(dist, 'esm'))) if (file.endsWith('.js')) fullySpecify(file);

const bin = path.join(dist, 'cjs', 'cli', 'main.js');
if (fs.existsSync(bin)) fs.chmodSync(bin, 0o755);
