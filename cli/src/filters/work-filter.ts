import { CliError } from '../cli-error';
import { ExitCode } from '../exit-codes';
import { AiType, type Illustration, Restriction } from 'pixiv-rx';

/** A filter the command cannot use: a usage error (exit code 2), found before any request. */
export class FilterError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.USAGE);
  }
}

/** The filter options of `pixiv-rx download`, as commander hands them over. */
export interface FilterOptions {
  /** `false` with `--no-ai`: drop works whose `aiType` is `AI` (unknown counts as not AI). @default true */
  readonly ai?: boolean;
  /** `--only-ai`: keep only works whose `aiType` is `AI`. @default false */
  readonly onlyAi?: boolean;
  /** `false` with `--no-r18`: drop R-18 and R-18G works. @default true */
  readonly r18?: boolean;
  /** `--tag <name>` (repeatable): keep works with any of these tags (name or translation, any case). @default any tag */
  readonly tag?: readonly string[];
  /** `--since <date>`: keep works created on or after this day (Japan's day) or instant. @default no bound */
  readonly since?: string;
  /** `--until <date>`: keep works created on or before this day (Japan's day) or before this instant. @default no bound */
  readonly until?: string;
  /** `--min-bookmarks <n>`: keep works with at least this many bookmarks. @default 0 */
  readonly minBookmarks?: number;
}

/** Whether a work is to be downloaded; checked before any request for it. */
export type WorkFilter = (work: Illustration) => boolean;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;
// Pixiv's days are Japan's (UTC+9, no daylight saving time)
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * The filter of the options, `undefined` when they filter nothing.
 * @throws FilterError for `--no-ai` with `--only-ai`, a date that is neither `YYYY-MM-DD` nor an
 * ISO 8601 instant, `--since` after `--until`, or an empty tag
 */
export function workFilter(options: FilterOptions): WorkFilter | undefined {
  const tests: WorkFilter[] = [];
  if (options.ai === false && options.onlyAi === true) throw new FilterError('--no-ai and --only-ai exclude each other');
  if (options.ai === false) tests.push((work) => work.aiType !== AiType.AI);
  if (options.onlyAi === true) tests.push((work) => work.aiType === AiType.AI);
  if (options.r18 === false) {
    tests.push((work) => work.restriction !== Restriction.R18 && work.restriction !== Restriction.R18G && work.xRestrict === 0);
  }
  if (options.tag !== undefined && options.tag.length > 0) {
    const wanted = new Set(
      options.tag.map((tag) => {
        const key = tagKey(tag);
        if (key === '') throw new FilterError('--tag needs a tag name');
        return key;
      }),
    );
    tests.push((work) => work.tags.some((tag) => wanted.has(tagKey(tag.name)) || (tag.translatedName !== null && wanted.has(tagKey(tag.translatedName)))));
  }
  const since = options.since === undefined ? undefined : parseBound(options.since, '--since', 'start');
  const until = options.until === undefined ? undefined : parseBound(options.until, '--until', 'end');
  if (since !== undefined && until !== undefined && since >= until) throw new FilterError(`--since ${options.since} is not before --until ${options.until}`);
  if (since !== undefined) tests.push((work) => work.createDate.getTime() >= since);
  if (until !== undefined) tests.push((work) => work.createDate.getTime() < until);
  const minBookmarks = options.minBookmarks;
  if (minBookmarks !== undefined && minBookmarks > 0) tests.push((work) => work.totalBookmarks >= minBookmarks);
  if (tests.length === 0) return undefined;
  return (work) => tests.every((test) => test(work));
}

function tagKey(tag: string): string {
  return tag.normalize('NFKC').trim().toLowerCase();
}

/**
 * A bound in milliseconds: `YYYY-MM-DD` is Japan's day, from its first instant (`start`) or up to
 * the first instant of the next day (`end`, exclusive); anything else must be an ISO 8601 instant.
 */
function parseBound(value: string, option: string, side: 'start' | 'end'): number {
  const day = DAY.exec(value.trim());
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const utc = Date.UTC(year, month - 1, date);
    const check = new Date(utc);
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
      throw new FilterError(`${option} ${value} is not a day of the calendar`);
    }
    return utc - TOKYO_OFFSET_MS + (side === 'end' ? DAY_MS : 0);
  }
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(value.trim()) ? Date.parse(value) : NaN;
  if (Number.isNaN(instant)) throw new FilterError(`${option} takes a day (YYYY-MM-DD) or an ISO 8601 time, got ${JSON.stringify(value)}`);
  return instant;
}
