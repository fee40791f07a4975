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
    [['https://www.pixiv.net/novel/show.php?id=5'], /Not a pixiv.net work, user or tag URL/],
    [['https://www.pixiv.net/artworks/abc'], /Not a valid illustration id: abc/],
    [['https://www.pixiv.net/artworks/123/extra'], /Not a pixiv.net work/],
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
    expect(describeTarget({ kind: 'ranking' })).toBe('ranking');
    expect(describeTarget({ kind: 'search', word: 'sky' })).toBe('search "sky"');
    expect(describeTarget({ kind: 'following' })).toBe('new works of followed artists');
  });
});
