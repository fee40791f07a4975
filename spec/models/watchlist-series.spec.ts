import { WatchlistBody, decode, toWatchlistSeries } from '../../lib/models';
import { decodeError, fixture } from './fixture';
import { expectHostileBodiesHandled } from './mutations';

const recorded = () => fixture('v1-watchlist-manga/pixez-flutter-2024.json');

describe('WatchlistBody and toWatchlistSeries', () => {
  it('maps the recorded entry, dates as Dates and absent fields as undefined or null', () => {
    const [series] = decode(WatchlistBody, recorded()).series.map(toWatchlistSeries);
    expect(series.lastPublishedContentDate).toEqual(new Date('2024-12-25T16:27:48.000Z'));
    const minimal = toWatchlistSeries(decode(WatchlistBody, { series: [{ id: 1, title: 't', user: recorded().series[0].user }] }).series[0]);
    expect(minimal).toEqual({
      id: 1,
      title: 't',
      user: expect.objectContaining({ id: 4004637 }),
      latestContentId: undefined,
      lastPublishedContentDate: undefined,
      publishedContentCount: undefined,
      url: null,
      maskText: null,
    });
  });

  it('refuses an entry with an unreadable date or without its title', () => {
    const body = recorded();
    body.series[0].last_published_content_datetime = 'yesterday';
    expect(decodeError(WatchlistBody, body).path).toBe('series.0.last_published_content_datetime');
    const untitled = recorded();
    delete untitled.series[0].title;
    expect(decodeError(WatchlistBody, untitled).path).toBe('series.0.title');
  });

  it('decodes or refuses damaged bodies, never throwing anything else', () => {
    expectHostileBodiesHandled(WatchlistBody, recorded(), (b) => b.series.map(toWatchlistSeries));
  });
});
