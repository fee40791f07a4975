import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const lib = join(__dirname, '..', 'lib');
/** Folders that run on Node only; everything else is the browser-safe core. */
const NODE_ONLY = new Set(['node', 'testing', 'cli']);
const NODE_BUILTINS = /from\s+['"](node:[^'"]+|fs|path|http|https|os|stream|zlib|crypto|child_process|util|net)['"]/;

function coreFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return dir === lib && NODE_ONLY.has(entry.name) ? [] : coreFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the core of pixiv-rx', () => {
  it('imports nothing Node-only, so it runs in browsers', () => {
    const files = coreFiles(lib);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) => NODE_BUILTINS.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(lib, file))).toEqual([]);
  });

  it('never reaches into the Node-only folders', () => {
    const offenders = coreFiles(lib).filter((file) =>
      /from\s+['"]\.\.?\/(?:\.\.\/)*(node|testing|cli)(\/|['"])/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(lib, file))).toEqual([]);
  });
});
