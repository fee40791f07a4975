import * as t from 'io-ts';
import { UrlRecord } from './codecs';

/** `ugoira_metadata`: the frames' zip and each frame's delay. */
export const RawUgoiraMetadata = t.type(
  {
    // `medium` (`…_ugoira600x600.zip`) is all the API has sent from 2020 to 2025.
    zip_urls: UrlRecord,
    frames: t.array(t.type({ file: t.string, delay: t.number }, 'UgoiraFrame'), 'Array<UgoiraFrame>'),
  },
  'UgoiraMetadata',
);
export type RawUgoiraMetadata = t.TypeOf<typeof RawUgoiraMetadata>;

/** One frame of a ugoira: its file in the zip and how long it shows, in milliseconds. */
export interface UgoiraFrame {
  /** The file name inside the zip, e.g. `000000.jpg`. */
  readonly file: string;
  /** How long the frame shows, in milliseconds. */
  readonly delay: number;
}

/** The frames zip of a ugoira (by size) and its frames in order. */
export interface UgoiraMetadata {
  /** Size name (`medium`) → zip URL. */
  readonly zipUrls: Readonly<Record<string, string>>;
  readonly frames: readonly UgoiraFrame[];
}

export function toUgoiraMetadata(raw: RawUgoiraMetadata): UgoiraMetadata {
  return {
    zipUrls: raw.zip_urls,
    frames: raw.frames.map((frame) => ({ file: frame.file, delay: frame.delay })),
  };
}
