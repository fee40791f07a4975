import type { RankingMode, Size } from 'pixiv-rx';
import type { NovelFormat, UgoiraMode } from 'pixiv-rx/node';

/**
 * The values of one of the library's string enums or unions, spelled out so that `--help` can
 * list them without loading the library (which would double the command's start time). The type
 * check fails when the type has a value the list lacks; `spec/choices.spec.ts` compares the enum
 * lists with the enums at run time too.
 */
function allOf<E extends string>() {
  return <const L extends readonly E[]>(list: L & ([E] extends [L[number]] ? unknown : never)): readonly E[] => list;
}

/** `--size`: every `Size`. */
export const SIZES = allOf<`${Size}`>()(['square_medium', 'medium', 'large', 'original']);

/** `--mode`: every `RankingMode`. */
export const RANKING_MODES = allOf<`${RankingMode}`>()([
  'day',
  'week',
  'month',
  'day_male',
  'day_female',
  'week_original',
  'week_rookie',
  'day_manga',
]);

/** `--ugoira`: every `UgoiraMode` of `pixiv-rx/node`. */
export const UGOIRA_MODES = allOf<UgoiraMode>()(['frame', 'zip', 'gif', 'webm', 'mp4']);

/** `--novel-format`: every `NovelFormat` of `pixiv-rx/node`. */
export const NOVEL_FORMATS = allOf<NovelFormat>()(['txt', 'md']);
