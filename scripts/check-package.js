#!/usr/bin/env node
// Packs the library (and the command's package, when there is one) as `npm publish` would, then
// checks the tarballs: publint (package.json against the files really shipped) and, for the
// library, Are the Types Wrong? (every entry point's types under node10, node16 and bundlers,
// for both require and import). Exits non-zero on any finding.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pixiv-rx-pack-'));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function pack(dir) {
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', out], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return path.join(out, JSON.parse(json)[0].filename);
}

function check(label, command, args) {
  process.stdout.write(`\n== ${label}\n`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

try {
  const library = pack(root);
  check(`publint ${path.basename(library)}`, bin('publint'), ['run', '--strict', library]);
  check(`attw ${path.basename(library)}`, bin('attw'), [library, '--profile', 'strict', '--format', 'table-flipped']);
  const cliDir = path.join(root, 'cli');
  if (fs.existsSync(path.join(cliDir, 'package.json'))) {
    const cli = pack(cliDir);
    check(`publint ${path.basename(cli)}`, bin('publint'), ['run', '--strict', cli]);
  }
  process.stdout.write('\npackage checks: no problems found\n');
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
