import * as t from 'io-ts';
import { BadApiResponse, PixivError } from '../../lib/errors';
import {
  CommentsBody,
  IllustrationDetailBody,
  IllustrationsBody,
  TokenBody,
  UserDetailBody,
  UserPreviewsBody,
  decode,
} from '../../lib/models';
import { decodeError, fixture } from './fixture';

describe('decode', () => {
  it('returns the decoded body itself, without copying it', () => {
    const body = fixture('v1-illust-ranking/pixivpy-2025-day.json');
    expect(decode(IllustrationsBody, body)).toBe(body);
  });

  it('tolerates unknown fields anywhere', () => {
    const body = fixture('v1-illust-detail/pixivpy-2025-126839540.json');
    body.seasonal_effect_animation_urls = null;
    body.illust.event_banners = [{ id: 1 }];
    body.illust.request = null;
    body.illust.user.is_accept_request = true;
    body.illust.tags[0].added_by_uploaded_user = true;
    expect(decode(IllustrationDetailBody, body).illust.id).toBe(126839540);
  });

  describe('a missing core field', () => {
    it('reports a missing id with its path', () => {
      const body = fixture('v1-illust-ranking/pixivpy-2025-day.json');
      delete body.illusts[3].id;
      const error = decodeError(IllustrationsBody, body);
      expect(error.path).toBe('illusts.3.id');
      expect(error.message).toBe('Unexpected API response at illusts.3.id: expected number, but the field is missing');
    });

    it('reports a missing image size by its body path (no io-ts member indexes)', () => {
      const body = fixture('v1-illust-ranking/pixivpy-2025-day.json');
      delete body.illusts[3].image_urls.medium;
      expect(decodeError(IllustrationsBody, body).path).toBe('illusts.3.image_urls.medium');
    });

    it('reports a missing title and a missing image_urls', () => {
      const noTitle = fixture('v1-illust-detail/pixivpy-2025-126839540.json');
      delete noTitle.illust.title;
      expect(decodeError(IllustrationDetailBody, noTitle).path).toBe('illust.title');
      const noImages = fixture('v1-illust-detail/pixivpy-2025-126839540.json');
      delete noImages.illust.image_urls;
      expect(decodeError(IllustrationDetailBody, noImages).message).toBe(
        'Unexpected API response at illust.image_urls: expected ImageUrls, but the field is missing',
      );
    });
  });

  describe('a wrong type deep inside', () => {
    it('names the exact path, what was expected and what was found', () => {
      const body = fixture('v1-user-following/azuline-2021-126852.json');
      body.user_previews[4].illusts[1].meta_pages = [{ image_urls: { square_medium: 's', medium: 'm', large: 'l', original: 42 } }];
      const error = decodeError(UserPreviewsBody, body);
      expect(error.path).toBe('user_previews.4.illusts.1.meta_pages.0.image_urls.original');
      expect(error.message).toBe(
        'Unexpected API response at user_previews.4.illusts.1.meta_pages.0.image_urls.original: expected string, found 42',
      );
    });

    it('names the nullable type of a nullable field', () => {
      const body = fixture('v1-illust-ranking/pixivpy-2025-day.json');
      body.next_url = 30;
      const error = decodeError(IllustrationsBody, body);
      expect(error.path).toBe('next_url');
      expect(error.message).toBe('Unexpected API response at next_url: expected string | null, found 30');
    });

    it('goes into a populated series', () => {
      const body = fixture('v1-illust-ranking/pixivpy-2025-day.json');
      body.illusts[2].series.id = '198059';
      const error = decodeError(IllustrationsBody, body);
      expect(error.path).toBe('illusts.2.series.id');
      expect(error.message).toContain('expected number, found "198059"');
    });

    it('rejects an unparsable date', () => {
      const body = fixture('v1-illust-detail/pixivpy-2025-126839540.json');
      body.illust.create_date = 'yesterday';
      const error = decodeError(IllustrationDetailBody, body);
      expect(error.path).toBe('illust.create_date');
      expect(error.message).toBe('Unexpected API response at illust.create_date: expected IsoDateString, found "yesterday"');
    });

    it('rejects a content type outside ContentType', () => {
      const body = fixture('v1-illust-detail/pixivpy-2025-126839540.json');
      body.illust.type = 'webtoon';
      expect(decodeError(IllustrationDetailBody, body).message).toBe(
        'Unexpected API response at illust.type: expected ContentType, found "webtoon"',
      );
    });

    it('reports the first bad field when several are bad', () => {
      const body = fixture('v1-illust-ranking/pixivpy-2025-day.json');
      body.illusts[9].id = 'x';
      body.illusts[7].width = '1200';
      body.illusts[7].user.name = null;
      // Items in order; within an item, fields in the codec's order (`user` before `width`).
      expect(decodeError(IllustrationsBody, body).path).toBe('illusts.7.user.name');
    });

    it('goes through the recursive comment codec', () => {
      const body = fixture('v1-illust-comments/azuline-2021-86979680.json');
      body.comments[15].parent_comment.user.id = 'Anoxia';
      expect(decodeError(CommentsBody, body).path).toBe('comments.15.parent_comment.user.id');
    });

    it('goes through nested intersections (a detail user is a user plus a comment)', () => {
      const body = fixture('v1-user-detail/azuline-2021-2188232.json');
      body.user.profile_image_urls = { medium: null };
      expect(decodeError(UserDetailBody, body).path).toBe('user.profile_image_urls.medium');
    });
  });

  describe('the path skips io-ts member indexes', () => {
    const Body = t.intersection([
      t.type({ items: t.array(t.intersection([t.type({ id: t.number }), t.partial({ tags: t.array(t.string) })])) }),
      t.partial({ extra: t.union([t.type({ a: t.string }), t.null]) }),
    ]);

    it('of an intersection', () => {
      const error = decodeError(Body, { items: [{ id: 1 }, { id: 2, tags: ['a', 3] }] });
      expect(error.path).toBe('items.1.tags.1');
      expect(error.message).toBe('Unexpected API response at items.1.tags.1: expected string, found 3');
    });

    it('of a union', () => {
      const error = decodeError(Body, { items: [], extra: { a: 1 } });
      expect(error.path).toBe('extra.a');
    });

    it('but keeps real keys named 0 and 1', () => {
      const Record = t.type({ zip_urls: t.record(t.string, t.string) });
      expect(decodeError(Record, { zip_urls: { 0: 'a', 1: 2 } }).path).toBe('zip_urls.1');
      const Arrays = t.type({ pages: t.array(t.array(t.number)) });
      expect(decodeError(Arrays, { pages: [[1], [2, 'x']] }).path).toBe('pages.1.1');
    });
  });

  describe('a body that is not an object', () => {
    it.each([
      ['null', null, 'found null'],
      ['a string', 'Service Unavailable', 'found "Service Unavailable"'],
      ['a number', 42, 'found 42'],
      ['an array', [1, 2, 3], 'found an array of 3 items'],
      ['nothing', undefined, 'found no body'],
    ])('rejects %s at the body itself (path "")', (_, body, found) => {
      const error = decodeError(IllustrationsBody, body);
      expect(error.path).toBe('');
      expect(error.message).toBe(`Unexpected API response: expected IllustrationsBody, ${found}`);
    });

    it('rejects an object of the wrong endpoint by its first missing field', () => {
      const error = decodeError(IllustrationsBody, fixture('v1-user-bookmark-tags-illust/azuline-2021.json'));
      expect(error.path).toBe('illusts');
    });
  });

  describe('the error', () => {
    it('is a BadApiResponse in the PixivError family, with the request and status when given', () => {
      let thrown: unknown;
      try {
        decode(IllustrationsBody, null, { status: 200, request: { method: 'get', url: 'https://app-api.pixiv.net/v1/illust/ranking?mode=day' } });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(BadApiResponse);
      expect(thrown).toBeInstanceOf(PixivError);
      expect(thrown).toMatchObject({ code: 'BAD_API_RESPONSE', status: 200, request: { method: 'GET' } });
      expect((thrown as Error).message).toContain('(GET https://app-api.pixiv.net/v1/illust/ranking?mode=day)');
    });

    it('shortens what it found to about 80 characters', () => {
      const body = fixture('v1-illust-detail/pixivpy-2025-126839540.json');
      body.illust.create_date = 'x'.repeat(5000);
      const error = decodeError(IllustrationDetailBody, body);
      const found = error.message.slice(error.message.indexOf('found ') + 'found '.length);
      expect(found.length).toBeLessThanOrEqual(80);
      expect(found.endsWith('…')).toBe(true);
    });

    it('describes an array by its length and an object by some of its keys, never by their content', () => {
      const illusts = fixture('v1-illust-ranking/pixivpy-2025-day.json').illusts;
      expect(decodeError(IllustrationDetailBody, { illust: illusts }).message).toBe(
        'Unexpected API response at illust: expected Illustration, found an array of 30 items',
      );
      expect(decodeError(IllustrationsBody, { illusts: illusts[0], next_url: null }).message).toBe(
        'Unexpected API response at illusts: expected Array<Illustration>, found an object with keys id, title, type, image_urls, caption, restrict, user, …',
      );
    });

    it('never contains the body', () => {
      const body = fixture('v1-illust-ranking/pixivpy-2025-day.json');
      delete body.illusts[29].user;
      const error = decodeError(IllustrationsBody, body);
      expect(error.path).toBe('illusts.29.user');
      const serialised = JSON.stringify(error);
      expect(serialised).not.toContain('奏鳴の宙');
      expect(serialised).not.toContain('i.pximg.net');
      expect(serialised.length).toBeLessThan(400);
      expect(Object.values(error)).not.toContain(body);
    });

    it('never shows a token value that has the wrong type', () => {
      const body = fixture('auth-token/pixiv-shaft-2020-12-password-grant.json');
      body.refresh_token = 1234567890123;
      delete body.response;
      const error = decodeError(TokenBody, body);
      expect(error.path).toBe('refresh_token');
      expect(error.message).toBe('Unexpected API response at refresh_token: expected string, found <redacted>');
    });
  });
});
