import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { workMetadataJson, writeWorkMetadata } from '../../src/metadata/work-metadata';
import { sampleWork } from '../filters/sample-work';

describe('workMetadataJson', () => {
  it('is the model with its keys sorted at every level, user and tags as objects', () => {
    const work = sampleWork();
    const json = workMetadataJson(work);
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(Object.keys(parsed).sort());
    expect(parsed.user).toEqual({ account: 'pixiv', id: 11, isFollowed: null, name: 'pixiv事務局', profileImageUrls: {} });
    expect(Object.keys(parsed.user as object)).toEqual(['account', 'id', 'isFollowed', 'name', 'profileImageUrls']);
    expect(parsed.tags).toEqual([
      { name: '空', translatedName: 'sky' },
      { name: 'オリジナル', translatedName: 'original' },
    ]);
    expect(parsed.createDate).toBe('2024-02-29T15:30:00.000Z');
    expect(parsed.id).toBe(123);
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('writes the same bytes whatever order the model has its keys in', () => {
    const work = sampleWork();
    const shuffled = Object.fromEntries(Object.entries(work).reverse()) as typeof work;
    expect(workMetadataJson(shuffled)).toBe(workMetadataJson(work));
  });
});

describe('writeWorkMetadata', () => {
  it('writes the sidecar whole, creating its folder, and leaves no .part', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pixiv-rx-metadata-'));
    try {
      const file = path.join(dir, '11', '123.json');
      const bytes = await writeWorkMetadata(file, sampleWork());
      expect(fs.readFileSync(file, 'utf8')).toBe(workMetadataJson(sampleWork()));
      expect(bytes).toBe(fs.statSync(file).size);
      expect(fs.readdirSync(path.dirname(file))).toEqual(['123.json']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
