import { IllustrationSeriesBody, decode, toIllustrationSeriesDetail } from '../../lib/models';
import { decodeError, fixture } from './fixture';
import { expectHostileBodiesHandled } from './mutations';

const recorded = () => fixture('v1-illust-series/pixez-flutter-2024-266067.json');

describe('IllustrationSeriesBody and toIllustrationSeriesDetail', () => {
  it('keeps only URL or null cover entries, a JSON __proto__ key as a plain key', () => {
    const body = recorded();
    body.illust_series_detail.cover_image_urls = JSON.parse('{"medium":"https://i.pximg.net/c.jpg","large":7,"__proto__":"x"}');
    const detail = toIllustrationSeriesDetail(decode(IllustrationSeriesBody, body).illust_series_detail);
    expect(Object.keys(detail.coverImageUrls)).toEqual(['medium', '__proto__']);
    expect(Object.getPrototypeOf(detail.coverImageUrls)).toBe(Object.prototype);
    expect(detail.coverImageUrls.medium).toBe('https://i.pximg.net/c.jpg');
  });

  it('maps a detail without its optional fields', () => {
    const { id, title, caption, user } = recorded().illust_series_detail;
    const body = { ...recorded(), illust_series_detail: { id, title, caption, user } };
    expect(toIllustrationSeriesDetail(decode(IllustrationSeriesBody, body).illust_series_detail)).toEqual({
      id,
      title,
      caption,
      user: expect.objectContaining({ id: user.id }),
      coverImageUrls: {},
      seriesWorkCount: undefined,
      createDate: undefined,
      width: undefined,
      height: undefined,
      watchlistAdded: undefined,
    });
  });

  it('refuses a detail whose caption is missing', () => {
    const body = recorded();
    delete body.illust_series_detail.caption;
    expect(decodeError(IllustrationSeriesBody, body).path).toBe('illust_series_detail.caption');
  });

  it('decodes or refuses damaged bodies, never throwing anything else', () => {
    const body = recorded();
    body.illusts = body.illusts.slice(0, 1);
    expectHostileBodiesHandled(IllustrationSeriesBody, { illust_series_detail: body.illust_series_detail, illusts: [], next_url: null }, (b) =>
      toIllustrationSeriesDetail(b.illust_series_detail),
    );
  });
});
