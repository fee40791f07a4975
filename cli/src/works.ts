import { Observable, concat, defer, map, mergeMap, of, take } from 'rxjs';
import { AuthenticationRequired, ContentType, type Illustration, type PixivClient, RankingMode } from 'pixiv-rx';
import type { Target } from './target';

export interface WorksOptions {
  /** The refresh token, to learn the account's id for its own bookmarks. */
  readonly refreshToken?: string;
  /** For `ranking`. @default RankingMode.DAY */
  readonly mode?: RankingMode;
  /** For `ranking`: `YYYY-MM-DD`. @default the latest ranking */
  readonly date?: string;
  /** At most this many works. @default all */
  readonly limit?: number;
}

/** The works a target names, as a cold stream that pages only as far as it is read. */
export function works$(client: PixivClient, target: Target, options: WorksOptions = {}): Observable<Illustration> {
  const works = listing$(client, target, options);
  return options.limit === undefined ? works : works.pipe(take(options.limit));
}

function listing$(client: PixivClient, target: Target, options: WorksOptions): Observable<Illustration> {
  switch (target.kind) {
    case 'illustration':
      return client.illustration$(target.illustrationId);
    case 'user':
      // /v1/user/illusts lists one type at a time: illustrations (ugoira included), then manga
      return concat(
        client.userIllustrations$(target.userId, { contentType: ContentType.ILLUSTRATION }),
        client.userIllustrations$(target.userId, { contentType: ContentType.MANGA }),
      );
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
