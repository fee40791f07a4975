import * as t from 'io-ts';
import { AiType } from './enums';
import { RawUser, User, toUser } from './user';
import { toAiType } from './work-flags';

/**
 * `novel_series_detail` of `/v2/novel/series`. Bodies from 2020 carry `content_count` and
 * `total_character_count`; those from 2025 add `novel_ai_type` and `watchlist_added`.
 */
export const RawNovelSeriesDetail = t.intersection(
  [
    t.type({ id: t.number, title: t.string, caption: t.string, user: RawUser }, 'NovelSeriesDetailFields'),
    t.partial(
      {
        display_text: t.string,
        is_original: t.boolean,
        is_concluded: t.boolean,
        content_count: t.number,
        total_character_count: t.number,
        novel_ai_type: t.number,
        watchlist_added: t.boolean,
      },
      'OptionalNovelSeriesDetailFields',
    ),
  ],
  'NovelSeriesDetail',
);
export type RawNovelSeriesDetail = t.TypeOf<typeof RawNovelSeriesDetail>;

/** A novel series: its header, as `novelSeriesPages$` gives it in `seriesDetail`. */
export interface NovelSeriesDetail {
  readonly id: number;
  readonly title: string;
  /** The series' description as the author wrote it (plain text with line breaks). */
  readonly caption: string;
  readonly user: User;
  /** The caption as the app shows it. */
  readonly displayText?: string;
  readonly isOriginal?: boolean;
  /** Whether the author marked the series finished. */
  readonly isConcluded?: boolean;
  /** How many novels the series holds. */
  readonly contentCount?: number;
  readonly totalCharacterCount?: number;
  /** From `novel_ai_type`; `UNKNOWN` when absent. */
  readonly aiType: AiType;
  /** Whether the authenticated account has the series on its watchlist. */
  readonly watchlistAdded?: boolean;
}

/** Maps a decoded `novel_series_detail` to the {@link NovelSeriesDetail} model. */
export function toNovelSeriesDetail(raw: RawNovelSeriesDetail): NovelSeriesDetail {
  return {
    id: raw.id,
    title: raw.title,
    caption: raw.caption,
    user: toUser(raw.user),
    displayText: raw.display_text,
    isOriginal: raw.is_original,
    isConcluded: raw.is_concluded,
    contentCount: raw.content_count,
    totalCharacterCount: raw.total_character_count,
    aiType: toAiType(raw.novel_ai_type),
    watchlistAdded: raw.watchlist_added,
  };
}
