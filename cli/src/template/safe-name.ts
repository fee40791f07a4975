/** Most bytes of one file or folder name on the common file systems (ext4, APFS, NTFS, exFAT). */
export const MAX_NAME_BYTES = 255;

// C0 and C1 control characters, DEL, and lone surrogates (which no file system can store as UTF-8)
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// separators, and the characters Windows refuses in a name
const RESERVED_CHARACTERS = /[/\\<>:"|?*]/g;
// CON, PRN, AUX, NUL, COM1–9, LPT1–9 (and their superscript-digit forms) are devices on Windows,
// with or without an extension, in any case
const RESERVED_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/**
 * Makes `value` a name every common file system accepts, as one path component: separators and
 * Windows-reserved characters become `_`, control characters and lone surrogates are dropped,
 * trailing dots and spaces go (Windows strips them, so `a.` and `a` would be one file), a
 * Windows device name gets a `_` in front, `.`/`..`/empty become `_`, and the name is cut to
 * `maxBytes` of UTF-8 on a character boundary. Idempotent: a safe name comes back unchanged.
 */
export function safeName(value: string, maxBytes: number = MAX_NAME_BYTES): string {
  let name = cutToBytes(cleanText(value), maxBytes);
  name = name.replace(/[. ]+$/, '');
  if (RESERVED_NAME.test(name)) name = cutToBytes(`_${name}`, maxBytes).replace(/[. ]+$/, '');
  return name === '' ? '_' : name;
}

/**
 * `value` in NFC, without control characters and lone surrogates, separators and
 * Windows-reserved characters replaced by `_`: the part of {@link safeName} that does not depend
 * on where the text ends up in a name.
 */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(UNSTORABLE, '').replace(RESERVED_CHARACTERS, '_');
}

/** The UTF-8 size of `text`. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8, never splitting a code point. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    const size = utf8Length(character);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += character.length;
  }
  return text.slice(0, end);
}
