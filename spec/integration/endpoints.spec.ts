import { firstValueFrom, lastValueFrom, take } from 'rxjs';
import {
  ContentType,
  Duration,
  RankingMode,
  SearchTarget,
  Size,
  Sort,
  Visibility,
  type PixivClient,
} from '../../lib';
import { FakePixivServer } from '../../lib/testing';
import { apiRequests, clientOf, collect, failure } from './helpers';

describe('every endpoint once, end to end', () => {
  let server: FakePixivServer;
  let client: PixivClient;

  beforeAll(async () => {
    server = await FakePixivServer.start({ seed: 12 });
    client = clientOf(server);
  });

  afterAll(() => server.close());

  beforeEach(() => server.resetLog());

  const lastRequest = () => apiRequests(server).at(-1);

  it('illustration$ maps a multi-page work', async () => {
    const id = server.world.samples.multiPageIllustId;
    const work = server.world.illustration(id);
    const illustration = await firstValueFrom(client.illustration$(id));
    expect(illustration).toMatchObject({ id, title: work?.title, type: ContentType.MANGA, pageCount: work?.pageCount });
    expect(illustration.createDate).toEqual(new Date(work?.createDate as string));
    expect(illustration.imageUrls[Size.ORIGINAL]).toBeNull();
    expect(illustration.metaPages.map((page) => page[Size.ORIGINAL])).toEqual(work?.originalUrls);
    expect(illustration.series).toEqual(work?.series);
    expect(illustration.user.id).toBe(work?.userId);
    expect(lastRequest()?.query).toMatchObject({ illust_id: String(id) });
  });

  it('illustration$ maps a single-page work and a restricted placeholder', async () => {
    const single = await firstValueFrom(client.illustration$(server.world.samples.singleIllustId));
    expect(single.imageUrls[Size.ORIGINAL]).toBe(server.world.illustration(single.id)?.originalUrls[0]);
    const hidden = await firstValueFrom(client.illustration$(server.world.samples.placeholderIllustId));
    expect(hidden).toMatchObject({ visible: false, title: '', width: 100, height: 100 });
    expect(hidden.user.isFollowed).toBeNull();
  });

  it('illustrationComments$ reads /v3/illust/comments', async () => {
    const id = server.world.samples.commentedIllustId;
    const comments = await collect(client.illustrationComments$(id).pipe(take(5)));
    const expected = server.world.commentsOf(id).slice(0, 5);
    expect(comments.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(comments[0]?.hasReplies).toBe(true);
    expect(comments[0]?.date).toEqual(new Date(expected[0]?.date));
    expect(lastRequest()?.path).toBe('/v3/illust/comments');
  });

  it('relatedIllustrations$', async () => {
    const works = await collect(client.relatedIllustrations$(server.world.samples.singleIllustId).pipe(take(3)));
    expect(works.map((w) => w.id)).toEqual(server.world.related(server.world.samples.singleIllustId).slice(0, 3));
  });

  it('followingIllustrations$ sends restrict from visibility', async () => {
    const works = await collect(client.followingIllustrations$({ visibility: Visibility.PRIVATE }).pipe(take(3)));
    expect(works.map((w) => w.id)).toEqual(server.world.followingFeed(server.world.accountId, 'private').slice(0, 3));
    expect(lastRequest()?.query.restrict).toBe('private');
  });

  it('recommendedIllustrations$ for manga', async () => {
    const works = await collect(client.recommendedIllustrations$({ contentType: ContentType.MANGA }).pipe(take(3)));
    expect(works.every((w) => w.type === ContentType.MANGA)).toBe(true);
    expect(lastRequest()?.query.content_type).toBe('manga');
  });

  it('rankingIllustrations$ with a mode and a date', async () => {
    const works = await collect(client.rankingIllustrations$({ mode: RankingMode.DAY_MANGA, date: '2025-01-10' }).pipe(take(3)));
    expect(works.map((w) => w.id)).toEqual(server.world.ranking('day_manga', '2025-01-10').slice(0, 3));
    expect(lastRequest()?.query).toMatchObject({ mode: 'day_manga', date: '2025-01-10' });
  });

  it('trendingTags$', async () => {
    const tags = await collect(client.trendingTags$());
    const expected = server.world.trendingTags();
    expect(tags.map((t) => t.tag)).toEqual(expected.map((t) => t.tag.name));
    expect(tags[0]?.translatedName).toBe(expected[0]?.tag.en);
    expect(tags[0]?.illustration.id).toBe(expected[0]?.illustId);
  });

  it('searchIllustrations$ with every option', async () => {
    const works = await collect(
      client
        .searchIllustrations$('風景', {
          searchTarget: SearchTarget.TAGS_EXACT,
          sort: Sort.DATE_ASC,
          duration: Duration.LAST_MONTH,
        })
        .pipe(take(3)),
    );
    expect(works.map((w) => w.id)).toEqual(server.world.search('風景', 'exact_match_for_tags', 'date_asc', 'within_last_month').slice(0, 3));
    expect(lastRequest()?.query).toMatchObject({ word: '風景', search_target: 'exact_match_for_tags', sort: 'date_asc', duration: 'within_last_month' });
  });

  it('bookmark$, addBookmark and deleteBookmark change and read the bookmark state', async () => {
    const id = server.world.samples.ugoiraIllustId;
    expect((await firstValueFrom(client.bookmark$(id))).isBookmarked).toBe(false);
    await lastValueFrom(client.addBookmark(id, { visibility: Visibility.PRIVATE, tags: ['動き', 'ref'] }), { defaultValue: undefined });
    const add = lastRequest();
    expect(add?.method).toBe('POST');
    expect(add?.form).toMatchObject({ illust_id: String(id), restrict: 'private', tags: ['動き', 'ref'] });
    const detail = await firstValueFrom(client.bookmark$(id));
    expect(detail.isBookmarked).toBe(true);
    expect(detail.visibility).toBe(Visibility.PRIVATE);
    expect(detail.tags.filter((t) => t.isRegistered).map((t) => t.name).sort()).toEqual(['ref', '動き']);
    const [first] = await collect(client.userBookmarks$(server.world.accountId, { visibility: Visibility.PRIVATE }).pipe(take(1)));
    expect(first?.id).toBe(id);
    await lastValueFrom(client.deleteBookmark(id), { defaultValue: undefined });
    expect(lastRequest()?.form).toEqual({ illust_id: String(id) });
    expect((await firstValueFrom(client.bookmark$(id))).isBookmarked).toBe(false);
  });

  it('user$ maps the full user', async () => {
    const userId = server.world.showcaseUserId;
    const user = await firstValueFrom(client.user$(userId));
    expect(user).toMatchObject({ id: userId, name: server.world.user(userId)?.name, isFollowed: true });
    expect((user.profile.totalIllusts ?? 0) + (user.profile.totalManga ?? 0)).toBe(100);
  });

  it('userIllustrations$, userBookmarks$, userBookmarkTags$, following$ and followers$', async () => {
    const { world } = server;
    expect((await collect(client.userIllustrations$(world.showcaseUserId).pipe(take(1))))[0]?.id).toBe(
      world.illustrationIdsOf(world.showcaseUserId, 'illust')[0],
    );
    expect((await collect(client.userBookmarks$(world.accountId).pipe(take(1))))[0]?.id).toBe(
      world.bookmarksOf(world.accountId, 'public')[0]?.illustId,
    );
    expect((await collect(client.userBookmarkTags$(world.accountId, { visibility: Visibility.PRIVATE }))).length).toBe(
      world.bookmarkTagsOf(world.accountId, 'private').length,
    );
    const [preview] = await collect(client.following$(world.accountId).pipe(take(1)));
    expect(preview?.user.id).toBe(world.followingOf(world.accountId, 'public')[0]?.userId);
    expect(preview?.illustrations.length).toBeGreaterThan(0);
    const [follower] = await collect(client.followers$().pipe(take(1)));
    expect(follower?.user.id).toBe(world.followersOf(world.accountId)[0]);
    expect(lastRequest()?.query.user_id).toBe(String(world.accountId));
  });

  it('ugoiraMetadata$', async () => {
    const id = server.world.samples.ugoiraIllustId;
    const metadata = await firstValueFrom(client.ugoiraMetadata$(id));
    const work = server.world.illustration(id);
    expect(metadata.zipUrls.medium).toBe(work?.zipUrls?.medium);
    expect(metadata.frames).toEqual(work?.ugoiraFrames?.map((f) => ({ file: f.file, delay: f.delay })));
  });

  it('sends the app headers and a Bearer token on API calls', async () => {
    await firstValueFrom(client.illustration$(server.world.samples.singleIllustId));
    const entry = lastRequest();
    expect(entry?.headers['user-agent']).toMatch(/^PixivAndroidApp\//);
    expect(entry?.headers['app-os']).toBe('android');
    expect(entry?.headers.authorization).toMatch(/^Bearer \S+$/);
    expect(entry?.headers['accept-language']).toBe('English');
  });

  it('refuses bad arguments with a TypeError before sending anything', async () => {
    server.resetLog();
    expect(await failure(client.userIllustrations$(-1))).toBeInstanceOf(TypeError);
    expect(await failure(client.rankingIllustrations$({ date: '2025-02-30' }))).toBeInstanceOf(TypeError);
    expect(await failure(client.searchIllustrations$(' '))).toBeInstanceOf(TypeError);
    expect(server.log).toHaveLength(0);
  });
});
