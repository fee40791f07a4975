import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageVersion } from '../../lib/cli/version';

describe('packageVersion', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string };

  it("reads pixiv-rx's package.json from lib/cli", () => {
    expect(packageVersion()).toBe(manifest.version);
  });

  it("walks past dist/cjs's own package.json to pixiv-rx's", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pixiv-rx-version-'));
    try {
      fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'pixiv-rx', version: '9.8.7' }));
      fs.mkdirSync(path.join(root, 'dist', 'cjs', 'cli'), { recursive: true });
      fs.writeFileSync(path.join(root, 'dist', 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
      expect(packageVersion(path.join(root, 'dist', 'cjs', 'cli'))).toBe('9.8.7');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
