/**
 * The `/webview/v2/novel` page: the novel object is found in the window.pixiv script and read as
 * one balanced JSON object; a page without it is a BadApiResponse that says what is missing.
 */
import fc from 'fast-check';
import { BadApiResponse } from '../../lib/errors';
import { NovelTextPage, decode, toNovelText } from '../../lib/models';
import { decodeError } from './fixture';
import { webviewNovelJson, webviewPage } from './novel-webview';

const novelOf = (page: string) => toNovelText(decode(NovelTextPage, page));

/** A small novel object, as JSON text. */
function novelJson(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ id: '1', title: 'T', text: 'body', coverUrl: null, images: [], illusts: [], ...fields });
}

describe('NovelTextPage', () => {
  it('reads the recorded novel object from the page shape the real viewer has', () => {
    const novel = novelOf(webviewPage());
    expect(novel.novelId).toBe(19713880);
    expect(novel.title).toBe('友奈vs若葉 (ai小说测试)');
    // the `\/` escapes of the page are JSON: the URLs come out plain
    expect(novel.coverUrl).toMatch(/^https:\/\/i\.pximg\.net\/c\/240x480_80\/novel-cover-master\//);
    expect(Object.keys(novel.images)).toHaveLength(3);
    expect(novel.illustrations).toEqual({});
    expect(novel.text.startsWith('友奈和若叶两位女生')).toBe(true);
    expect(novel.pages.flat().filter((node) => node.type === 'uploadedImage')).toHaveLength(3);
  });

  it('is not misled by a "novel:" in another script, in a string or in a longer key', () => {
    const page = webviewPage(novelJson({ title: 'right' }), {
      before: `caption: 'novel: {"id":"2"}', userNovels: {"id":"3"}, "title": "novel: {",\n      `,
    });
    expect(novelOf(page).title).toBe('right');
  });

  it('reads braces, brackets, quotes and escapes inside strings as text', () => {
    const title = 'a } ] { [ " \\ \u2028 </b> }}';
    const text = '{"not":"an object"}\n[newpage]\\"}';
    const novel = novelOf(webviewPage(novelJson({ title, text })));
    expect(novel.title).toBe(title);
    expect(novel.text).toBe(text);
  });

  it('accepts the key quoted, and a double-quoted window.pixiv', () => {
    const page = `<script>Object.defineProperty(window, "pixiv", { value: { "novel" : ${novelJson({ title: 'q' })} } })</script>`;
    expect(novelOf(page).title).toBe('q');
  });

  it('maps seriesNavigation, illusts with an original, and a page without the optional fields', () => {
    const novel = novelOf(
      webviewPage(
        novelJson({
          seriesNavigation: { prevNovel: null, nextNovel: { id: 42, title: 'next', viewable: true, contentOrder: '2' } },
          illusts: { '75523989-2': { illust: { images: { small: 's', original: 'https://i.pximg.net/o.png' } } }, '1': {} },
          images: { '99': { urls: { original: 'https://i.pximg.net/u.png', '240mw': 'x' } } },
        }),
      ),
    );
    expect(novel.seriesNavigation).toEqual({ previous: null, next: { id: 42, title: 'next' } });
    expect(novel.illustrations).toEqual({ '75523989-2': 'https://i.pximg.net/o.png' });
    expect(novel.images).toEqual({ '99': 'https://i.pximg.net/u.png' });
    const bare = novelOf(webviewPage(JSON.stringify({ id: 7, title: 'bare', text: '' })));
    expect(bare).toMatchObject({ novelId: 7, images: {}, illustrations: {}, seriesNavigation: null, coverUrl: null, pages: [[]] });
  });

  describe('refuses with a BadApiResponse that says what is missing', () => {
    it.each([
      ['a page without the window.pixiv script', '<!DOCTYPE html><html><body>ログイン</body></html>', 'pixiv'],
      ['a script that defines another property', `<script>Object.defineProperty(window, 'dataLayer', { value: { novel: ${novelJson()} } })</script>`, 'pixiv'],
      ['a script without the novel key', webviewPage(novelJson()).replace('novel: {', 'story: {'), 'novel'],
      ['a novel key only in a string', `<script>Object.defineProperty(window, 'pixiv', { value: { x: 'novel: ${novelJson()}' } })</script>`, 'novel'],
      ['a novel that is null', webviewPage('null'), 'novel'],
      ['a novel object cut short', webviewPage(webviewNovelJson().slice(0, 2_000)), 'novel'],
      ['a novel object cut after its text', webviewPage(webviewNovelJson().replace(/,"marker".*$/, '')), 'novel'],
      ['a novel object cut inside a string', webviewPage('{"id":"1","title":"}'), 'novel'],
      ['a novel object cut at the end of the page', `<script>Object.defineProperty(window, 'pixiv', { value: { novel: {"id":"1","title":"x"`, 'novel'],
      ['a novel object that is JavaScript, not JSON', webviewPage("{id: '1', title: 'x', text: ''}"), 'novel'],
      ['a novel object with a trailing comma', webviewPage('{"id":"1","title":"x","text":"",}'), 'novel'],
      ['a novel without its text', webviewPage(JSON.stringify({ id: '1', title: 'x' })), 'novel.text'],
      ['a novel whose id is not numeric', webviewPage(novelJson({ id: 'abc' })), 'novel.id'],
      ['an uploaded image without its original', webviewPage(novelJson({ images: { '9': { urls: { '240mw': 'x' } } } })), 'novel.images.9.urls.original'],
    ])('%s', (_, page, path) => {
      const error = decodeError(NovelTextPage, page);
      expect(error).toBeInstanceOf(BadApiResponse);
      expect(error.path).toBe(path);
      expect(error.message).not.toMatch(/SyntaxError|JSON at position/);
    });

    it('names the script and the object in the message', () => {
      expect(decodeError(NovelTextPage, '<html></html>').message).toBe(
        "Unexpected API response at pixiv: expected the script Object.defineProperty(window, 'pixiv', …), but the field is missing",
      );
      const cut = `<script>Object.defineProperty(window, 'pixiv', { value: { novel: ${webviewNovelJson().slice(0, 100)}`;
      expect(decodeError(NovelTextPage, cut).message).toMatch(
        /^Unexpected API response at novel: expected a complete JSON object \(it is cut short\), found "\{\\"id\\": \\"19713880\\"/,
      );
      // cut short inside a whole page, the object runs on into the page and is no JSON
      expect(decodeError(NovelTextPage, webviewPage(webviewNovelJson().slice(0, 100))).message).toMatch(
        /^Unexpected API response at novel: expected a valid JSON object, found /,
      );
    });

    it('a body that is not text at all', () => {
      expect(decodeError(NovelTextPage, { novel: {} }).path).toBe('');
    });
  });

  it('never throws anything but a BadApiResponse, whatever the page holds around the object (fast-check)', () => {
    const pieces = fc.constantFrom('{', '}', '[', ']', '"', "'", '`', '\\', ':', ',', 'novel', ' ', '\n', '</script>', 'x', '1');
    const noise = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(noise, noise, fc.nat(webviewNovelJson().length), (before, after, cut) => {
        const page = webviewPage(webviewNovelJson().slice(0, cut) + after, { before });
        try {
          novelOf(page);
        } catch (error) {
          expect(error).toBeInstanceOf(BadApiResponse);
          expect(typeof (error as BadApiResponse).path).toBe('string');
        }
      }),
      { seed: 20_251_201, numRuns: 300 },
    );
  });

  it('reads a page of several megabytes', () => {
    const text = '本文'.repeat(1_000_000);
    expect(novelOf(webviewPage(novelJson({ text }))).text).toHaveLength(2_000_000);
  });
});
