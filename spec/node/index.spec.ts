import * as node from '../../lib/node';

describe('pixiv-rx/node', () => {
  it('exports exactly the download functions and their defaults', () => {
    expect(Object.keys(node).sort()).toEqual([
      'DOWNLOAD_DEFAULTS',
      'DOWNLOAD_FILE_DEFAULTS',
      'DOWNLOAD_NOVEL_DEFAULTS',
      'PIXIV_PROXY_DEFAULTS',
      'createPixivProxy',
      'downloadFile',
      'downloadIllustration',
      'downloadIllustrations',
      'downloadNovel',
    ]);
  });

  it('documents its defaults', () => {
    expect(node.DOWNLOAD_DEFAULTS).toMatchObject({ size: 'original', concurrency: 4, overwrite: false, ugoira: 'frame' });
    expect(node.DOWNLOAD_DEFAULTS.referer).toBe('https://app-api.pixiv.net/');
    expect(node.DOWNLOAD_DEFAULTS.filename({ id: 42 } as never)).toBe('42');
    expect(node.DOWNLOAD_NOVEL_DEFAULTS).toMatchObject({ format: 'txt', images: true, overwrite: false, concurrency: 4 });
    expect(node.DOWNLOAD_NOVEL_DEFAULTS.filename({ id: 7 } as never)).toBe('7');
  });
});
