import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The version in pixiv-rx's package.json, found by walking up from this file: `lib/cli/` when run
 * from the sources (ts-node), `dist/cjs/cli/` when installed.
 */
export function packageVersion(from: string = moduleDirectory()): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    try {
      const manifest = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'pixiv-rx' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // no package.json here (or dist/cjs's own {"type":"commonjs"}): keep walking up
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

function moduleDirectory(): string {
  // the bin is CommonJS; an ES module build has no __dirname, so fall back to the script's path
  if (typeof __dirname === 'string') return __dirname;
  return path.dirname(fs.realpathSync(process.argv[1] ?? '.'));
}
