import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The version in pixiv-rx-cli's package.json, found by walking up from this file: `src/` when run
 * from the sources, `dist/` when installed.
 */
export function packageVersion(from: string = moduleDirectory()): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    try {
      const manifest = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'pixiv-rx-cli' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // no package.json here, or another package's: keep walking up
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

function moduleDirectory(): string {
  // the bundled bin is an ES module, without __dirname: the script's own path tells where it is
  if (typeof __dirname === 'string') return __dirname;
  return path.dirname(fs.realpathSync(process.argv[1] ?? '.'));
}
