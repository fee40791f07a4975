import { first, type ParsedParams } from '../params';
import { json, type FakeRequest, type Reply } from '../reply';
import type { Viewer } from '../serialize';
import type { NovelSearchTarget, SearchDuration, SearchFilters, SearchSort, SearchTarget } from '../world';
import { MAX_SEARCH_OFFSET, date, filterOf, invalid, offset, oneOf, type RouteContext, type RouteTable } from './kit';

const SORTS = ['date_desc', 'date_asc', 'popular_desc'] as const satisfies readonly SearchSort[];
const DURATIONS = ['within_last_day', 'within_last_week', 'within_last_month'] as const satisfies readonly SearchDuration[];
/** `search_span_limit` of real search pages (a year, in seconds). */
const SEARCH_SPAN_LIMIT = 31_536_000;

interface SearchParams {
  readonly word: string;
  readonly sort: SearchSort;
  readonly duration: SearchDuration | undefined;
  readonly startDate: string | undefined;
  readonly endDate: string | undefined;
  readonly searchAiType: '0' | '1' | undefined;
  readonly start: number;
  readonly filters: SearchFilters;
}

/** The parameters both searches share, checked as Pixiv does (the offset cap included). */
function searchParams(q: ParsedParams, viewer: Viewer, ctx: RouteContext): SearchParams {
  const word = first(q, 'word');
  if (!word?.trim()) invalid('word', 'word is required');
  const sort = oneOf<SearchSort>(q, 'sort', SORTS, 'date_desc');
  const duration = first(q, 'duration') ? oneOf<SearchDuration>(q, 'duration', DURATIONS) : undefined;
  const startDate = date(q, 'start_date');
  const endDate = date(q, 'end_date');
  const searchAiType = first(q, 'search_ai_type') ? oneOf(q, 'search_ai_type', ['0', '1'] as const) : undefined;
  const start = offset(q);
  // the real wording (the case varies between reports): PROTOCOL.md "Search past the cap"
  if (start > MAX_SEARCH_OFFSET) invalid('offset', `offset must be no more than ${MAX_SEARCH_OFFSET}`);
  const hideAi = searchAiType === undefined ? !ctx.showsAi(viewer) : searchAiType === '1';
  return { word, sort, duration, startDate, endDate, searchAiType, start, filters: { duration, startDate, endDate, hideAi } };
}

/** Searches: illustrations, novels, users, and tag autocompletion. */
export function searchRoutes(ctx: RouteContext): RouteTable {
  const { world } = ctx;

  const searchIllust = (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    const target = oneOf<SearchTarget>(q, 'search_target', ['partial_match_for_tags', 'exact_match_for_tags', 'title_and_caption'], 'partial_match_for_tags');
    const p = searchParams(q, viewer, ctx);
    const { items, next } = ctx.page(world.search(p.word, target, p.sort, p.filters), p.start);
    return json(200, {
      illusts: ctx.illusts(items, viewer),
      // past the cap the next_url is still sent: following it answers the 400 (as Pixiv does)
      next_url:
        next === null
          ? null
          : ctx.nextUrl(request.path, [
              ['search_target', target],
              ['sort', p.sort],
              ['word', p.word],
              ['filter', filterOf(request)],
              ['duration', p.duration],
              ['start_date', p.startDate],
              ['end_date', p.endDate],
              ['search_ai_type', p.searchAiType],
              ['offset', next],
            ]),
      search_span_limit: SEARCH_SPAN_LIMIT,
    });
  };

  const searchNovel = (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    const target = oneOf<NovelSearchTarget>(q, 'search_target', ['partial_match_for_tags', 'exact_match_for_tags', 'text', 'keyword'], 'partial_match_for_tags');
    const p = searchParams(q, viewer, ctx);
    const { items, next } = ctx.page(world.searchNovels(p.word, target, p.sort, p.filters), p.start);
    return json(200, {
      novels: ctx.novels(items, viewer),
      next_url:
        next === null
          ? null
          : ctx.nextUrl(request.path, [
              ['include_translated_tag_results', first(q, 'include_translated_tag_results')],
              ['merge_plain_keyword_results', first(q, 'merge_plain_keyword_results')],
              ['word', p.word],
              ['sort', p.sort],
              ['search_target', target],
              ['duration', p.duration],
              ['start_date', p.startDate],
              ['end_date', p.endDate],
              ['search_ai_type', p.searchAiType],
              ['offset', next],
            ]),
      search_span_limit: SEARCH_SPAN_LIMIT,
      show_ai: ctx.showsAi(viewer),
    });
  };

  const searchUser = (request: FakeRequest, viewer: Viewer): Reply => {
    const q = request.query;
    const word = first(q, 'word');
    if (!word?.trim()) invalid('word', 'word is required');
    const { items, next } = ctx.page(world.searchUsers(word), offset(q));
    return json(200, {
      user_previews: ctx.previews(items, viewer),
      next_url: next === null ? null : ctx.nextUrl(request.path, [['filter', filterOf(request)], ['word', word], ['offset', next]]),
    });
  };

  const autocomplete = (request: FakeRequest, viewer: Viewer): Reply => {
    const word = first(request.query, 'word');
    if (word === undefined) invalid('word', 'word is required');
    return json(200, {
      tags: world.autocomplete(word).map((tag) => ({ name: tag.name, translated_name: viewer.language ? tag[viewer.language] : null })),
    });
  };

  return {
    'GET /v1/search/illust': searchIllust,
    'GET /v1/search/novel': searchNovel,
    'GET /v1/search/user': searchUser,
    'GET /v2/search/autocomplete': autocomplete,
  };
}
