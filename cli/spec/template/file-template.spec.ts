import * as path from 'node:path';
import fc from 'fast-check';
import { ContentType } from 'pixiv-rx';
import { FileTemplate, STEM_RESERVE_BYTES, TemplateError, formatTokyoDate } from '../../src/template/file-template';
import { MAX_NAME_BYTES, safeName } from '../../src/template/safe-name';
import { sampleWork } from '../filters/sample-work';

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/** What every common file system takes as one name. */
function expectPortableName(name: string): void {
  expect(name).not.toBe('');
  expect(name).not.toBe('.');
  expect(name).not.toBe('..');
  // eslint-disable-next-line no-control-regex
  expect(name).not.toMatch(/[/\\<>:"|?*\u0000-\u001f\u007f-\u009f]/);
  expect(name).not.toMatch(/[. ]$/);
  expect(name).not.toMatch(WINDOWS_DEVICE);
  expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(MAX_NAME_BYTES);
  // valid UTF-16: it survives a round trip through UTF-8 unchanged
  expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name);
}

describe('safeName', () => {
  it.each([
    ['a/b\\c', 'a_b_c'],
    ['..', '_'],
    ['.', '_'],
    ['', '_'],
    ['nul\u0000byte', 'nulbyte'],
    ['tab\there', 'tabhere'],
    ['what? <yes> "no" a|b *:', 'what_ _yes_ _no_ a_b __'],
    ['trailing. . ', 'trailing'],
    ['CON', '_CON'],
    ['com1.txt', '_com1.txt'],
    ['LPT¹', '_LPT¹'],
    ['console', 'console'],
  ])('makes %j safe as %j', (value, safe) => {
    expect(safeName(value)).toBe(safe);
  });

  it('cuts at 255 UTF-8 bytes on a character boundary', () => {
    const name = safeName('あ'.repeat(100)); // 3 bytes each
    expect(name).toBe('あ'.repeat(85));
    const emoji = safeName('😀'.repeat(70)); // 4 bytes, two UTF-16 units each
    expect(emoji).toBe('😀'.repeat(63));
  });

  it('gives every string a portable name, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (value) => {
        const name = safeName(value);
        expectPortableName(name);
        expect(safeName(name)).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('FileTemplate.parse', () => {
  it.each([
    ['', /empty/],
    ['/abs/{id}_p{page}.{ext}', /absolute/],
    ['\\abs\\{id}_p{page}.{ext}', /absolute/],
    ['C:{id}_p{page}.{ext}', /absolute/],
    ['../{id}_p{page}.{ext}', /leave the download folder/],
    ['a/../../{id}_p{page}.{ext}', /leave the download folder/],
    ['./{id}_p{page}.{ext}', /leave the download folder/],
    ['a//{id}_p{page}.{ext}', /empty folder/],
    ['a\\{id}_p{page}.{ext}', /refuse/],
    ['{id}_p{page}?.{ext}', /refuse/],
    ['{nope}/{id}_p{page}.{ext}', /Unknown template field \{nope\}/],
    ['{title:x}_{id}_p{page}.{ext}', /Unknown template field/],
    ['{id_p{page}.{ext}', /does not open or close/],
    ['{id}}_p{page}.{ext}', /does not open or close/],
    ['{title}_p{page}.{ext}', /no \{id\}/],
    ['{id}.{ext}', /no \{page\}/],
    ['{id}_p{page}', /must end with \.\{ext\}/],
    ['{id}_p{page}{ext}', /must end with \.\{ext\}/],
    ['{id}_p{page}.{ext}/', /empty folder/],
  ])('refuses %j', (source, message) => {
    expect(() => FileTemplate.parse(source)).toThrow(TemplateError);
    expect(() => FileTemplate.parse(source)).toThrow(message);
  });

  it('takes every documented field', () => {
    const template = FileTemplate.parse('{user.id} {user.name} {user.account}/{type}/{date:YYYY-MM}/{date}_{title}_{id}_p{page}.{ext}');
    expect(template.render(sampleWork(), { page: 2, ext: 'png' })).toEqual([
      '11 pixiv事務局 pixiv',
      'illust',
      '2024-03',
      '2024-03-01_Blue sky_123_p2.png',
    ]);
  });
});

describe('FileTemplate.render', () => {
  it('names a file by its fields, with folders for /', () => {
    const template = FileTemplate.parse('{user.id}/{id}_p{page}.{ext}');
    expect(template.render(sampleWork(), { page: 0, ext: 'jpg' })).toEqual(['11', '123_p0.jpg']);
    expect(template.sidecar(sampleWork(), 'jpg')).toEqual(['11', '123_p0.json']);
  });

  it("cleans fields that would leave the folder or be unwritable", () => {
    const template = FileTemplate.parse('{user.name}/{title}/{id}_p{page}.{ext}');
    const work = sampleWork({ title: '../../etc/passwd', user: { ...sampleWork().user, name: '..' } });
    const segments = template.render(work, { page: 0, ext: 'png' });
    expect(segments).toEqual(['_', '.._.._etc_passwd', '123_p0.png']);
    const title = template.render(sampleWork({ title: 'CON' }), { page: 0, ext: 'png' });
    expect(title[1]).toBe('_CON');
  });

  it('keeps the id, the page, the extension and room for .part when it cuts a long title', () => {
    const template = FileTemplate.parse('{title}_{id}_p{page}.{ext}');
    const [name] = template.render(sampleWork({ title: '長'.repeat(200) }), { page: 0, ext: 'jpg' });
    expect(name).toMatch(/^長+_123_p0\.jpg$/);
    expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(MAX_NAME_BYTES - STEM_RESERVE_BYTES + '.jpg'.length);
    expect(Buffer.byteLength(`${name.slice(0, -4)}.ugoira.json.part`, 'utf8')).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it('stays inside the download folder and portable whatever the work says (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 300 });
    const template = FileTemplate.parse('{user.name}/{user.account}/{title}_{type}_{id}_p{page}.{ext}');
    const base = path.resolve('/downloads');
    fc.assert(
      fc.property(text, text, text, text, fc.nat(), fc.nat(200), (title, name, account, ext, id, page) => {
        const work = sampleWork({ id, title, type: ContentType.MANGA, user: { ...sampleWork().user, name, account } });
        const segments = template.render(work, { page, ext });
        segments.forEach(expectPortableName);
        expect(Buffer.byteLength(`${segments[segments.length - 1]}.part`, 'utf8')).toBeLessThanOrEqual(MAX_NAME_BYTES);
        const resolved = path.resolve(base, ...segments);
        expect(resolved.startsWith(`${base}${path.sep}`)).toBe(true);
        expect(path.relative(base, resolved).split(path.sep)).toHaveLength(3);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives two pages or two works different paths, however long the title (property)', () => {
    const template = FileTemplate.parse('{title}/{title}{id}_p{page}.{ext}');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.nat(), fc.nat(), fc.nat(50), fc.nat(50), (title, a, b, pageA, pageB) => {
        fc.pre(a !== b || pageA !== pageB);
        const one = template.render(sampleWork({ id: a, title }), { page: pageA, ext: 'png' }).join('/');
        const other = template.render(sampleWork({ id: b, title }), { page: pageB, ext: 'png' }).join('/');
        expect(one).not.toBe(other);
      }),
    );
  });
});

describe('formatTokyoDate', () => {
  it("uses Japan's day, as pixiv.net shows it", () => {
    // 2024-03-01 00:30 in Tokyo is still February in UTC
    const date = new Date('2024-02-29T15:30:05Z');
    expect(formatTokyoDate(date, 'YYYY-MM-DD')).toBe('2024-03-01');
    expect(formatTokyoDate(date, 'YYYYMMDD_HHmmss')).toBe('20240301_003005');
  });
});
