import { parseNovelMarkup, toPages } from '../../lib/models';
import { renderNovel } from '../../lib/render/render-novel';

/** A text with every kind of markup, and text Markdown would misread. */
const MARKUP = [
  '[chapter:第一章 出会い]',
  '春の[[rb:久世彩葉 > くぜ いろは]]は言った。',
  '詳しくは[[jumpuri:公式サイト > https://example.com/a_(b)]]へ。',
  '[uploadedimage:5551]',
  '[pixivimage:300-2][newpage]* not a list',
  '1. not a list either',
  '    indented <b>&amp;</b> #tag',
  '[jump:1]',
  '[pixivimage:301]',
  '[unknown:tag]',
].join('\n');

const novel = {
  title: 'テスト *novel*',
  pages: toPages(parseNovelMarkup(MARKUP)),
  images: { '5551': 'https://i.pximg.net/novel-cover-original/img/2024/01/01/00/00/00/5551_x.jpg' },
};

const written = (node: { type: string; illustrationId?: number }): string | undefined =>
  node.type === 'uploadedImage' ? '42/uploaded_5551.jpg' : node.illustrationId === 300 ? '42/300_p1.jpg' : undefined;

describe('renderNovel', () => {
  it('writes plain text: headings underlined, ruby in brackets, links, page breaks, image references', () => {
    expect(renderNovel(novel, { format: 'txt', imagePath: written })).toBe(
      [
        'テスト *novel*',
        '==============',
        '',
        '第一章 出会い',
        '-------------',
        '',
        '春の久世彩葉(くぜ いろは)は言った。',
        '詳しくは公式サイト <https://example.com/a_(b)>へ。',
        '[image: 42/uploaded_5551.jpg]',
        '[image: 42/300_p1.jpg]',
        '',
        '* * *',
        '',
        '* not a list',
        '1. not a list either',
        '    indented <b>&amp;</b> #tag',
        '(→ page 1)',
        '[illustration 301: https://www.pixiv.net/artworks/301]',
        '[unknown:tag]',
        '',
      ].join('\n'),
    );
  });

  it('writes Markdown: # headings, <ruby>, links, --- with page anchors, relative images, everything else escaped', () => {
    expect(renderNovel(novel, { format: 'md', imagePath: written })).toBe(
      [
        '# テスト \\*novel\\*',
        '',
        '<a id="page-1"></a>',
        '',
        '## 第一章 出会い',
        '',
        '',
        '春の<ruby>久世彩葉<rt>くぜ いろは</rt></ruby>は言った。  ',
        '詳しくは[公式サイト](https://example.com/a_%28b%29)へ。  ',
        '![image 5551](42/uploaded_5551.jpg)  ',
        '![illustration 300-2](42/300_p1.jpg)',
        '',
        '---',
        '',
        '<a id="page-2"></a>',
        '',
        '\\* not a list  ',
        '1\\. not a list either  ',
        '&#32;&#32;&#32;&#32;indented \\<b\\>\\&amp;\\</b\\> \\#tag  ',
        '[→ page 1](#page-1)  ',
        '[illustration 301](https://www.pixiv.net/artworks/301)  ',
        '\\[unknown:tag\\]',
        '',
      ].join('\n'),
    );
  });

  it('gives the addresses on Pixiv of images that were not written', () => {
    const txt = renderNovel(novel, { format: 'txt' });
    expect(txt).toContain(`[image 5551: ${novel.images['5551']}]`);
    expect(txt).toContain('[illustration 300-2: https://www.pixiv.net/artworks/300]');
    const md = renderNovel(novel, { format: 'md' });
    expect(md).toContain(`[image 5551](${novel.images['5551']})`);
    expect(md).toContain('[illustration 300-2](https://www.pixiv.net/artworks/300)');
    expect(md).not.toContain('![');
  });

  it('percent-encodes the names of written images in Markdown', () => {
    const md = renderNovel(
      { title: 'x', pages: toPages(parseNovelMarkup('[uploadedimage:1]')), images: {} },
      { format: 'md', imagePath: () => 'my novel (1)/uploaded_1.png' },
    );
    expect(md).toContain('![image 1](my%20novel%20%281%29/uploaded_1.png)');
  });

  it('keeps a one-page text without page marks, and ends with one line break', () => {
    const plain = { title: 'Short', pages: toPages(parseNovelMarkup('Line one\nLine two')), images: {} };
    expect(renderNovel(plain, { format: 'txt' })).toBe('Short\n=====\n\nLine one\nLine two\n');
    expect(renderNovel(plain, { format: 'md' })).toBe('# Short\n\nLine one  \nLine two\n');
  });
});
