import * as path from 'node:path';
import { assertSafeName, extensionOfUrl, fileNameOfUrl, resolveSafeDirectory } from '../../lib/node/safe-path';

describe('safe paths', () => {
  describe('assertSafeName', () => {
    it.each(['123', '123_p0.png', 'タイトル', 'a b', '.hidden', 'x..y'])('accepts %j', (name) => {
      expect(() => assertSafeName(name, 'filename')).not.toThrow();
    });

    it.each(['', '.', '..', '/abs', 'a/b', 'a\\b', 'a\0b', '../x', 42, undefined])('refuses %j', (name) => {
      expect(() => assertSafeName(name, 'filename')).toThrow(TypeError);
    });
  });

  describe('resolveSafeDirectory', () => {
    it('accepts absolute and relative directories and resolves them', () => {
      expect(resolveSafeDirectory('/tmp/pixiv')).toBe(path.resolve('/tmp/pixiv'));
      expect(resolveSafeDirectory('downloads/pixiv')).toBe(path.resolve('downloads/pixiv'));
    });

    it.each(['', '..', '../x', 'a/../../b', 'a\\..\\b', 'a\0b'])('refuses %j', (directory) => {
      expect(() => resolveSafeDirectory(directory)).toThrow(TypeError);
    });
  });

  describe('fileNameOfUrl', () => {
    it('names the file as the last segment of the URL path, decoded, without the query', () => {
      expect(fileNameOfUrl('https://i.pximg.net/img-original/img/2021/01/11/15/54/04/86979680_p0.jpg')).toBe('86979680_p0.jpg');
      expect(fileNameOfUrl('https://i.pximg.net/img/a%20b.png?x=1#y')).toBe('a b.png');
      expect(extensionOfUrl('https://i.pximg.net/img/86979680_p0.png')).toBe('.png');
      expect(extensionOfUrl('https://i.pximg.net/img/noext')).toBe('');
    });

    it.each(['https://i.pximg.net/', 'https://i.pximg.net/img/..%2Fx.png', 'https://i.pximg.net/a%00b', 'ftp://host/a.png', 'not a url'])(
      'refuses %j',
      (url) => {
        expect(() => fileNameOfUrl(url)).toThrow(TypeError);
      },
    );
  });
});
