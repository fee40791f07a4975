import type { RankingMode } from 'pixiv-rx';
import { usageError } from '../cli-error';
import type { Target } from '../target';

/** `--mode` and `--date` choose a ranking: refused with any other target. */
export function checkRankingOptions(target: Target, options: { readonly mode?: RankingMode; readonly date?: string }): void {
  if (target.kind === 'ranking') return;
  if (options.mode !== undefined) throw usageError('--mode is for the ranking target only');
  if (options.date !== undefined) throw usageError('--date is for the ranking target only');
}
