import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { firstValueFrom, lastValueFrom, mergeMap } from 'rxjs';
import { PixivClient } from '../../lib';
import { downloadNovel } from '../../lib/node';
import { FakePixivServer } from '../../lib/testing';
import { listFiles, makeTempDir, removeDir } from './support';

describe('downloadNovel against the fake server', () => {
  let server: FakePixivServer;
  let client: PixivClient;
  let dir: string;

  beforeEach(async () => {
    server = await FakePixivServer.start({ seed: 11 });
    client = new PixivClient({
      apiBaseUrl: server.apiBaseUrl,
      oauthBaseUrl: server.oauthBaseUrl,
      refreshToken: server.refreshToken,
      retry: { maxRetries: 1, baseDelayMs: 1 },
    });
    dir = await makeTempDir();
  });

  afterEach(async () => {
    await server.close();
    await removeDir(dir);
  });

  it('writes the Markdown of a novel with every kind of markup, and each image it shows beside it', async () => {
    const id = server.world.samples.markupNovelId;
    const text = await firstValueFrom(client.novelText$(id));
    const uploaded = Object.keys(text.images);
    const shown = text.pages.flat().filter((node) => node.type === 'pixivImage');
    expect(uploaded.length).toBeGreaterThan(0);
    expect(shown.length).toBeGreaterThan(0);

    const result = await lastValueFrom(
      client.novel$(id).pipe(mergeMap((novel) => downloadNovel(client, novel, { directory: dir, format: 'md' }))),
    );

    const md = await fs.readFile(path.join(dir, `${id}.md`), 'utf8');
    const files = await listFiles(dir);
    expect(files).toContain(`${id}.md`);
    for (const imageId of uploaded) {
      expect(files).toContain(`${id}/uploaded_${imageId}.jpg`);
      expect(md).toContain(`](${id}/uploaded_${imageId}.jpg)`);
    }
    // one file per illustration page shown, each referenced from the text
    const illustrationFiles = files.filter((file) => file.startsWith(`${id}/`) && !file.includes('uploaded_'));
    expect(illustrationFiles).toHaveLength(new Set(shown.map((node) => `${node.illustrationId}-${node.page ?? 0}`)).size);
    for (const file of illustrationFiles) expect(md).toContain(`](${file})`);
    // every file is the host's bytes: the uploaded images' originals, the illustrations' pages
    expect(result.paths.slice(1).sort()).toEqual(files.filter((file) => file !== `${id}.md`).map((file) => path.join(dir, file)).sort());
    for (const imageId of uploaded) {
      const bytes = await fs.readFile(path.join(dir, String(id), `uploaded_${imageId}.jpg`));
      expect(bytes.equals(server.imageBytesOf(text.images[imageId]))).toBe(true);
    }
    const imagePaths = server.requests({ origin: 'image' }).map((request) => request.path);
    for (const file of illustrationFiles) {
      const served = imagePaths.find((requested) => requested.endsWith(`/${path.basename(file)}`));
      expect(served).toBeDefined();
      expect((await fs.readFile(path.join(dir, file))).equals(server.imageBytesOf(served as string))).toBe(true);
    }
    expect(md).toContain('<ruby>');
    expect(md).toContain('## ');
    expect(md).toContain('<a id="page-2"></a>');
  });
});
