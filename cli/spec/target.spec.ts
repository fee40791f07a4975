import { CliError } from '../src/cli-error';
import { ExitCode } from '../src/exit-codes';
import { Target, describeTarget, parseTarget } from '../src/target';

describe('parseTarget', () => {
  const cases: [string[], Target][] = [
    [['123'], { kind: 'illustration', illustrationId: 123 }],
    [['https://www.pixiv.net/artworks/123'], { kind: 'illustration', illustrationId: 123 }],
    [['https://www.pixiv.net/en/artworks/123'], { kind: 'illustration', illustrationId: 123 }],
    [['https://www.pixiv.net/zh-tw/artworks/123'], { kind: 'illustration', illustrationId: 123 }],
    [['http://pixiv.net/artworks/123?lang=en#comments'], { kind: 'illustration', illustrationId: 123 }],
    [['www.pixiv.net/artworks/123'], { kind: 'illustration', illustrationId: 123 }],
    [['https://www.pixiv.net/i/123'], { kind: 'illustration', illustrationId: 123 }],
    [['https://www.pixiv.net/member_illust.php?mode=medium&illust_id=123'], { kind: 'illustration', illustrationId: 123 }],
    [['user', '11'], { kind: 'user', userId: 11 }],
    [['USER', '11'], { kind: 'user', userId: 11 }],
    [['user', 'https://www.pixiv.net/en/users/11'], { kind: 'user', userId: 11 }],
    [['https://www.pixiv.net/users/11'], { kind: 'user', userId: 11 }],
    [['https://www.pixiv.net/en/users/11/artworks'], { kind: 'user', userId: 11 }],
    [['https://www.pixiv.net/users/11/illustrations'], { kind: 'user', userId: 11 }],
    [['https://www.pixiv.net/users/11/manga'], { kind: 'user', userId: 11 }],
    [['https://www.pixiv.net/member.php?id=11'], { kind: 'user', userId: 11 }],
    [['bookmarks'], { kind: 'bookmarks', userId: undefined }],
    [['bookmarks', '11'], { kind: 'bookmarks', userId: 11 }],
    [['bookmarks', 'https://www.pixiv.net/users/11'], { kind: 'bookmarks', userId: 11 }],
    [['https://www.pixiv.net/en/users/11/bookmarks/artworks'], { kind: 'bookmarks', userId: 11 }],
    [['https://www.pixiv.net/bookmark.php?id=11'], { kind: 'bookmarks', userId: 11 }],
    [['ranking'], { kind: 'ranking' }],
    [['following'], { kind: 'following' }],
    [['search', '初音ミク'], { kind: 'search', word: '初音ミク' }],
    [['search', 'blue', 'sky'], { kind: 'search', word: 'blue sky' }],
    [['https://www.pixiv.net/en/tags/%E5%88%9D%E9%9F%B3%E3%83%9F%E3%82%AF/artworks'], { kind: 'search', word: '初音ミク' }],
    [['series', '22'], { kind: 'series', seriesId: 22 }],
    [['https://www.pixiv.net/user/11/series/22'], { kind: 'series', seriesId: 22 }],
    [['https://www.pixiv.net/en/user/11/series/22'], { kind: 'series', seriesId: 22 }],
    [['series', 'https://www.pixiv.net/user/11/series/22'], { kind: 'series', seriesId: 22 }],
    [['novel', '123'], { kind: 'novel', novelId: 123 }],
    [['https://www.pixiv.net/novel/show.php?id=123'], { kind: 'novel', novelId: 123 }],
    [['https://www.pixiv.net/en/novel/show.php?id=123'], { kind: 'novel', novelId: 123 }],
    [['www.pixiv.net/novel/show.php?id=123&lang=ja'], { kind: 'novel', novelId: 123 }],
    [['novel', 'https://www.pixiv.net/novel/show.php?id=123'], { kind: 'novel', novelId: 123 }],
    [['novels', '11'], { kind: 'novels', userId: 11 }],
    [['novels', 'https://www.pixiv.net/en/users/11'], { kind: 'novels', userId: 11 }],
    [['https://www.pixiv.net/users/11/novels'], { kind: 'novels', userId: 11 }],
    [['https://www.pixiv.net/en/users/11/novels'], { kind: 'novels', userId: 11 }],
    [['novel-series', '22'], { kind: 'novel-series', seriesId: 22 }],
    [['https://www.pixiv.net/novel/series/22'], { kind: 'novel-series', seriesId: 22 }],
    [['https://www.pixiv.net/en/novel/series/22'], { kind: 'novel-series', seriesId: 22 }],
    [['novel-series', 'https://www.pixiv.net/novel/series/22'], { kind: 'novel-series', seriesId: 22 }],
  ];

  it.each(cases)('reads %j', (args, expected) => {
    expect(parseTarget(args)).toEqual(expected);
  });

  const bad: [string[], RegExp][] = [
    [[], /Missing target/],
    [['abc'], /Unknown target "abc"/],
    [['0'], /Not a valid illustration id: 0/],
    [['12.5'], /Unknown target/],
    [['99999999999999999999'], /Not a valid illustration id/],
    [['-5'], /Unknown target/],
    [['123', '456'], /Unexpected argument after 123: 456/],
    [['user'], /Missing user id/],
    [['user', 'abc'], /Not a valid user id: abc/],
    [['user', '11', '12'], /Unexpected argument/],
    [['user', 'https://www.pixiv.net/artworks/123'], /Not a user URL/],
    [['bookmarks', 'https://www.pixiv.net/artworks/123'], /Not a user/],
    [['ranking', 'day'], /Unexpected argument after ranking: day/],
    [['following', 'x'], /Unexpected argument/],
    [['search'], /Missing search word/],
    [['https://example.com/artworks/123'], /Not a pixiv.net URL/],
    [['https://www.pixiv.net/novel/show.php'], /Not a pixiv.net work, user, series, novel or tag URL/],
    [['https://www.pixiv.net/novel/show.php?id=abc'], /Not a valid novel id: abc/],
    [['novel'], /Missing novel id/],
    [['novel', '5', '6'], /Unexpected argument after novel: 6/],
    [['novel', 'https://www.pixiv.net/artworks/5'], /Not a novel URL/],
    [['series', 'https://www.pixiv.net/novel/series/5'], /Not a series URL/],
    [['novel-series', 'x'], /Not a valid novel series id: x/],
    [['novels'], /Missing user id/],
    [['novels', 'https://www.pixiv.net/artworks/5'], /Not a user URL/],
    [['https://www.pixiv.net/user/11/series/abc'], /Not a valid series id: abc/],
    [['https://www.pixiv.net/artworks/abc'], /Not a valid illustration id: abc/],
    [['https://www.pixiv.net/artworks/123/extra'], /Not a pixiv.net work/],
    [['novel-sereis', '5'], /Unknown target "novel-sereis": .*novel-series/],
  ];

  it.each(bad)('refuses %j with a usage error', (args, message) => {
    let error: unknown;
    try {
      parseTarget(args);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.USAGE);
    expect((error as CliError).message).toMatch(message);
  });

  it('ignores blank arguments', () => {
    expect(parseTarget(['  ', 'user', ' 11 '])).toEqual({ kind: 'user', userId: 11 });
  });
});

describe('describeTarget', () => {
  it('names each kind of target for messages', () => {
    expect(describeTarget({ kind: 'illustration', illustrationId: 5 })).toBe('illustration 5');
    expect(describeTarget({ kind: 'user', userId: 11 })).toBe('user 11');
    expect(describeTarget({ kind: 'bookmarks', userId: undefined })).toBe('your bookmarks');
    expect(describeTarget({ kind: 'bookmarks', userId: 11 })).toBe('bookmarks of user 11');
    expect(describeTarget({ kind: 'series', seriesId: 22 })).toBe('series 22');
    expect(describeTarget({ kind: 'novel', novelId: 7 })).toBe('novel 7');
    expect(describeTarget({ kind: 'novels', userId: 11 })).toBe('novels of user 11');
    expect(describeTarget({ kind: 'novel-series', seriesId: 22 })).toBe('novel series 22');
    expect(describeTarget({ kind: 'ranking' })).toBe('ranking');
    expect(describeTarget({ kind: 'search', word: 'sky' })).toBe('search "sky"');
    expect(describeTarget({ kind: 'following' })).toBe('new works of followed artists');
  });
});
