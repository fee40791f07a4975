import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Observable, lastValueFrom, of, throwError } from 'rxjs';
import { DownloadError, PixivApiError } from '../../lib/errors';
import { AiType, Illustration, Novel, NovelText, Restriction, parseNovelMarkup, toPages } from '../../lib/models';
import { NovelDownloadClient, downloadNovel } from '../../lib/node';
import { ImageServer, sha256 } from './image-server';
import { exists, failure, listFiles, makeClient, makeTempDir, multiPage, removeDir, singlePage } from './support';

const MARKUP = [
  '[chapter:始まり]',
  '[[rb:春 > はる]]が来た。[[jumpuri:作者のサイト > https://example.com/]]',
  '[uploadedimage:5551]',
  '[pixivimage:300-2]',
  '[newpage]',
  '[jump:1] [pixivimage:301] [pixivimage:302] [uploadedimage:5551]',
].join('\n');

function novelOf(id: number): Novel {
  return {
    id,
    title: `novel ${id}`,
    caption: '',
    createDate: new Date('2024-01-01T00:00:00+09:00'),
    tags: [],
    user: { id: 1, account: 'writer', name: 'Writer', profileImageUrls: {}, isFollowed: false },
    series: null,
    pageCount: 2,
    textLength: MARKUP.length,
    totalBookmarks: 0,
    totalView: 0,
    isBookmarked: false,
    isMuted: false,
    visible: true,
    xRestrict: 0,
    aiType: AiType.NOT_AI,
    restriction: Restriction.NONE,
    imageUrls: { square_medium: '', medium: '', large: '' },
  };
}

describe('downloadNovel', () => {
  let server: ImageServer;
  let dir: string;
  const uploadedPath = '/novel-cover-original/img/2024/01/01/00/00/00/5551_4f2a.jpg';

  beforeEach(async () => {
    server = await ImageServer.start();
    dir = await makeTempDir();
  });

  afterEach(async () => {
    await server.close();
    await removeDir(dir);
  });

  /** A stand-in for PixivClient: the text above; 300 has 3 pages, 301 one, 302 is gone. */
  function client(): NovelDownloadClient & { texts: number[]; illustrations: number[] } {
    const texts: number[] = [];
    const illustrations: number[] = [];
    const text = (id: number): NovelText => ({
      novelId: id,
      title: `novel ${id}`,
      text: MARKUP,
      pages: toPages(parseNovelMarkup(MARKUP)),
      images: { '5551': server.url(uploadedPath) },
      illustrations: {},
      seriesNavigation: null,
      coverUrl: null,
    });
    return {
      texts,
      illustrations,
      http: makeClient().http,
      novelText$: (id) => {
        texts.push(id);
        return of(text(id));
      },
      illustration$: (id): Observable<Illustration> => {
        illustrations.push(id);
        if (id === 302) return throwError(() => new PixivApiError('Not found', { status: 404 }));
        return of(id === 300 ? multiPage(server.origin, 300, 3) : singlePage(server.origin, id));
      },
    };
  }

  function serveImages(): Record<string, Buffer> {
    return {
      uploaded: server.addFile(uploadedPath, 3000),
      page: server.addFile('/img-original/300_p1.jpg', 4000),
      single: server.addFile('/img-original/301_p0.png', 5000),
    };
  }

  it('writes <id>.md referencing every image it downloads to <id>/', async () => {
    const images = serveImages();

    const result = await lastValueFrom(downloadNovel(client(), novelOf(42), { directory: dir, format: 'md' }));

    expect(await listFiles(dir)).toEqual(['42.md', '42/300_p1.jpg', '42/301_p0.png', '42/uploaded_5551.jpg']);
    expect(result.paths).toEqual([
      path.join(dir, '42.md'),
      path.join(dir, '42', 'uploaded_5551.jpg'),
      path.join(dir, '42', '300_p1.jpg'),
      path.join(dir, '42', '301_p0.png'),
    ]);
    expect(result.skipped).toBe(false);
    const md = await fs.readFile(path.join(dir, '42.md'), 'utf8');
    expect(result.bytes).toBe(Buffer.byteLength(md) + 3000 + 4000 + 5000);
    expect(md).toContain('# novel 42');
    expect(md).toContain('## 始まり');
    expect(md).toContain('<ruby>春<rt>はる</rt></ruby>が来た。[作者のサイト](https://example.com/)');
    expect(md).toContain('![image 5551](42/uploaded_5551.jpg)');
    expect(md).toContain('![illustration 300-2](42/300_p1.jpg)');
    expect(md).toContain('![illustration 301](42/301_p0.png)');
    // gone: linked on pixiv.net instead
    expect(md).toContain('[illustration 302](https://www.pixiv.net/artworks/302)');
    expect(md).toContain('---\n\n<a id="page-2"></a>');
    expect(md).toContain('[→ page 1](#page-1)');
    expect(sha256(await fs.readFile(path.join(dir, '42', '300_p1.jpg')))).toBe(sha256(images.page));
    // each image once, though the text shows one twice
    expect(server.requests.map((request) => request.path).sort()).toEqual(
      ['/img-original/300_p1.jpg', '/img-original/301_p0.png', uploadedPath].sort(),
    );
  });

  it("writes <id>.txt by default, with ruby as base(ruby)", async () => {
    serveImages();

    const result = await lastValueFrom(downloadNovel(client(), novelOf(42), { directory: dir }));

    const txt = await fs.readFile(result.paths[0], 'utf8');
    expect(result.paths[0]).toBe(path.join(dir, '42.txt'));
    expect(txt).toContain('始まり\n---');
    expect(txt).toContain('春(はる)が来た。作者のサイト <https://example.com/>');
    expect(txt).toContain('[image: 42/uploaded_5551.jpg]');
    expect(txt).toContain('\n* * *\n');
  });

  it('with images: false, requests no image and gives their addresses', async () => {
    const downloads = client();

    const result = await lastValueFrom(downloadNovel(downloads, novelOf(42), { directory: dir, images: false, filename: 'story' }));

    expect(await listFiles(dir)).toEqual(['story.txt']);
    expect(result.paths).toEqual([path.join(dir, 'story.txt')]);
    expect(server.requests).toHaveLength(0);
    expect(downloads.illustrations).toEqual([]);
    expect(await fs.readFile(result.paths[0], 'utf8')).toContain(`[image 5551: ${server.url(uploadedPath)}]`);
  });

  it('skips a novel whose text exists, without a request', async () => {
    await fs.writeFile(path.join(dir, '42.md'), '# done\n');
    const downloads = client();

    const result = await lastValueFrom(downloadNovel(downloads, novelOf(42), { directory: dir, format: 'md' }));

    expect(result).toMatchObject({ skipped: true, bytes: 7, paths: [path.join(dir, '42.md')] });
    expect(downloads.texts).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('leaves no text file when unsubscribed while an image arrives', async () => {
    serveImages();
    server.addFile('/img-original/301_p0.png', 200_000);
    server.failAlways('/img-original/301_p0.png', { kind: 'trickle', chunkBytes: 1024, intervalMs: 10 });

    const subscription = downloadNovel(client(), novelOf(42), { directory: dir, format: 'md' }).subscribe();
    await server.until(() => server.requests.some((request) => request.path === '/img-original/301_p0.png'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    subscription.unsubscribe();
    await server.until(() => server.active === 0);

    expect(await exists(path.join(dir, '42.md'))).toBe(false);
    expect(await exists(path.join(dir, '42.md.part'))).toBe(false);
  });

  it('fails with a DownloadError naming the image when one cannot be downloaded, writing no text', async () => {
    serveImages();
    server.failAlways(uploadedPath, { kind: 'status', status: 500 });

    const error = await failure(lastValueFrom(downloadNovel(client(), novelOf(42), { directory: dir })));

    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).url).toBe(server.url(uploadedPath));
    expect(await exists(path.join(dir, '42.txt'))).toBe(false);
  });

  it.each([
    ['an unknown format', { format: 'pdf' as never }],
    ['a filename with a separator', { filename: 'a/b' }],
    ['a directory with ..', { directory: '../outside' }],
  ])('refuses %s with a TypeError before any request', async (_what, options) => {
    const downloads = client();
    const error = await failure(lastValueFrom(downloadNovel(downloads, novelOf(42), { directory: dir, ...options })));
    expect(error).toBeInstanceOf(TypeError);
    expect(downloads.texts).toEqual([]);
  });
});
