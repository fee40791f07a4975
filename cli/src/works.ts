import { type MonoTypeOperatorFunction, Observable, concat, defer, identity, map, mergeMap, of, take } from 'rxjs';
import { AuthenticationRequired, ContentType, type Illustration, type Novel, type PixivClient, RankingMode } from 'pixiv-rx';
import type { NovelTarget, Target } from './target';

/** The targets that list illustrations, manga and ugoira. */
export type IllustrationTarget = Exclude<Target, NovelTarget>;

export interface WorksOptions {
  /** The refresh token, to learn the account's id for its own bookmarks. */
  readonly refreshToken?: string;
  /** For `ranking`. @default RankingMode.DAY */
  readonly mode?: RankingMode;
  /** For `ranking`: `YYYY-MM-DD`. @default the latest ranking */
  readonly date?: string;
  /** At most this many works. @default all */
  readonly limit?: number;
  /**
   * Applied to each listing the target reads (`user` reads two: illustrations, then manga), e.g.
   * to stop each at its first archived work.
   * @default none
   */
  readonly eachListing?: MonoTypeOperatorFunction<Illustration>;
}

/** The works a target names, as a cold stream that pages only as far as it is read. */
export function works$(client: PixivClient, target: IllustrationTarget, options: WorksOptions = {}): Observable<Illustration> {
  return limited(listing$(client, target, options), options.limit);
}

/** The novels a novel target names, as a cold stream that pages only as far as it is read. */
export function novels$(client: PixivClient, target: NovelTarget, options: Pick<WorksOptions, 'limit'> = {}): Observable<Novel> {
  switch (target.kind) {
    case 'novel':
      return client.novel$(target.novelId);
    case 'novels':
      return limited(client.userNovels$(target.userId), options.limit);
    case 'novel-series':
      return limited(client.novelSeries$(target.seriesId), options.limit);
  }
}

function limited<T>(works: Observable<T>, limit: number | undefined): Observable<T> {
  return limit === undefined ? works : works.pipe(take(limit));
}

function listing$(client: PixivClient, target: IllustrationTarget, options: WorksOptions): Observable<Illustration> {
  const each = options.eachListing ?? identity;
  if (target.kind === 'user') {
    // /v1/user/illusts lists one type at a time: illustrations (ugoira included), then manga
    return concat(
      each(client.userIllustrations$(target.userId, { contentType: ContentType.ILLUSTRATION })),
      each(client.userIllustrations$(target.userId, { contentType: ContentType.MANGA })),
    );
  }
  return each(singleListing$(client, target, options));
}

function singleListing$(client: PixivClient, target: Exclude<IllustrationTarget, { kind: 'user' }>, options: WorksOptions): Observable<Illustration> {
  switch (target.kind) {
    case 'illustration':
      return client.illustration$(target.illustrationId);
    case 'bookmarks':
      return target.userId === undefined
        ? ownId$(client, options.refreshToken).pipe(mergeMap((userId) => client.userBookmarks$(userId)))
        : client.userBookmarks$(target.userId);
    case 'ranking':
      return client.rankingIllustrations$({ mode: options.mode ?? RankingMode.DAY, date: options.date });
    case 'search':
      return client.searchIllustrations$(target.word);
    case 'following':
      return client.followingIllustrations$();
    case 'series':
      return client.illustrationSeries$(target.seriesId);
  }
}

/** The authenticated account's id (authenticating first when the session has not started). */
function ownId$(client: PixivClient, refreshToken: string | undefined): Observable<number> {
  return defer(() => {
    if (client.account) return of(client.account.id);
    if (refreshToken === undefined) throw new AuthenticationRequired();
    return client.authenticate(refreshToken).pipe(map((account) => account.id));
  });
}
