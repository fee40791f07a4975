import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The recorded novel object of `/webview/v2/novel` (spec/fixtures/SOURCES.md), as its raw text. */
export const WEBVIEW_NOVEL_PATH = 'webview-v2-novel/pixko-2023-19713880-embedded-novel-json.json';

/**
 * The recorded object as the page embeds it: one line, the `\/` escapes kept (its pretty-printing
 * has line breaks only between tokens, never inside a string).
 */
export function webviewNovelJson(): string {
  return readFileSync(join(__dirname, '..', 'fixtures', WEBVIEW_NOVEL_PATH), 'utf8').replace(/\n\s*/g, '');
}

/**
 * A `/webview/v2/novel` page around `novel` (JSON text) the way PROTOCOL.md reconstructs it: the
 * `window.pixiv` literal with unquoted keys, single quotes and trailing commas, a script before it
 * and one after it.
 */
export function webviewPage(novel: string = webviewNovelJson(), { before = '', after = '' } = {}): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="ja">',
    '<head>',
    '<meta charset="utf-8">',
    '<title>pixiv</title>',
    '<script>window.dataLayer = [{ login: "yes", novel: "not this one" }];</script>',
    '<script>',
    "  Object.defineProperty(window, 'pixiv', {",
    '    value: {',
    "      viewerVersion: '20221031_ai',",
    "      userLang: 'ja',",
    `      ${before}novel: ${novel},`,
    `      isOwnWork: false,${after}`,
    '      authorDetails: {"userId":"29782420","userName":"\\u53cb\\u5948","isFollowed":false},',
    '      ads: { novel: null },',
    '    },',
    '  });',
    '</script>',
    '<script src="https://s.pximg.net/www/js/build/viewer.js"></script>',
    '</head>',
    '<body><div id="root"></div></body>',
    '</html>',
  ].join('\n');
}
