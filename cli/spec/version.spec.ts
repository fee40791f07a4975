import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageVersion } from '../src/version';

describe('packageVersion', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../package.json'), 'utf8')) as { version: string };

  it("reads pixiv-rx-cli's package.json from src/", () => {
    expect(packageVersion()).toBe(manifest.version);
  });

  it("walks past another package's package.json to pixiv-rx-cli's", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pixiv-rx-version-'));
    try {
      fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'pixiv-rx-cli', version: '9.8.7' }));
      fs.mkdirSync(path.join(root, 'dist', 'inner'), { recursive: true });
      fs.writeFileSync(path.join(root, 'dist', 'package.json'), JSON.stringify({ name: 'pixiv-rx', version: '1.0.0' }));
      expect(packageVersion(path.join(root, 'dist', 'inner'))).toBe('9.8.7');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
