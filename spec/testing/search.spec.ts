import { FakePixivServer } from '../../lib/testing';
import { allPages, apiGet } from './http-helpers';

const day = (iso: string) => iso.slice(0, 10);

describe('FakePixivServer search: sort, date windows, AI type and the offset cap', () => {
  let server: FakePixivServer;
  let token: string;

  beforeAll(async () => {
    server = await FakePixivServer.start({ seed: 2, prolificWorks: 6000 });
    token = server.issueAccessToken();
  });

  afterAll(() => server.close());

  const get = (path: string) => apiGet(server, path, token);
  const tag = () => encodeURIComponent(server.world.samples.prolificTag);

  it('holds more than 5,000 works of the prolific tag, spread over many Tokyo days', () => {
    const ids = server.world.search(server.world.samples.prolificTag, 'exact_match_for_tags', 'date_desc');
    expect(ids.length).toBe(6000);
    const days = new Set(ids.map((id) => day(server.world.illustration(id)?.createDate as string)));
    expect(days.size).toBeGreaterThan(300);
  });

  it('sends a next_url up to the cap; following it past 5000 answers the real 400', async () => {
    const last = (await get(`/v1/search/illust?word=${tag()}&search_target=exact_match_for_tags&sort=date_desc&offset=4980`)).json();
    expect(last.illusts).toHaveLength(30);
    expect(new URL(last.next_url).searchParams.get('offset')).toBe('5010');
    const refused = await apiGet(server, last.next_url, token);
    expect(refused.status).toBe(400);
    expect(refused.json()).toEqual({
      error: { user_message: '', message: '{"offset":["offset must be no more than 5000"]}', reason: '', user_message_details: {} },
    });
    expect((await get(`/v1/search/illust?word=${tag()}&search_target=exact_match_for_tags&offset=5000`)).status).toBe(200);
    const novels = await get(`/v1/search/novel?word=novel&offset=5001`);
    expect(novels.status).toBe(400);
  });

  it('honours start_date and end_date as Tokyo days, inclusive, and carries them in next_url', async () => {
    const ids = server.world.search(server.world.samples.prolificTag, 'exact_match_for_tags', 'date_desc');
    const end = day(server.world.illustration(ids[400])?.createDate as string);
    const start = day(server.world.illustration(ids[700])?.createDate as string);
    const pages = await allPages(server, `/v1/search/illust?word=${tag()}&search_target=exact_match_for_tags&sort=date_desc&start_date=${start}&end_date=${end}`, token);
    const works = pages.flatMap((p) => p.illusts);
    expect(works.length).toBeGreaterThan(250);
    expect(works.every((w: any) => day(w.create_date) >= start && day(w.create_date) <= end)).toBe(true);
    const expected = ids.filter((id) => {
      const d = day(server.world.illustration(id)?.createDate as string);
      return d >= start && d <= end;
    });
    expect(works.map((w: any) => w.id)).toEqual(expected);
    const next = new URL(pages[0].next_url).searchParams;
    expect(next.get('start_date')).toBe(start);
    expect(next.get('end_date')).toBe(end);
    expect((await get(`/v1/search/illust?word=${tag()}&end_date=2025-02-30`)).status).toBe(400);
  });

  it('sorts by date both ways and by popularity', async () => {
    const asc = (await get(`/v1/search/illust?word=${tag()}&search_target=exact_match_for_tags&sort=date_asc`)).json().illusts;
    const dates = asc.map((w: any) => Date.parse(w.create_date));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const popular = (await get(`/v1/search/illust?word=${tag()}&search_target=exact_match_for_tags&sort=popular_desc`)).json().illusts;
    const counts = popular.map((w: any) => w.total_bookmarks);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('leaves AI works out with search_ai_type=1 and keeps them with 0', async () => {
    const q = `/v1/search/illust?word=${tag()}&search_target=exact_match_for_tags&sort=date_desc`;
    const hide = (await get(`${q}&search_ai_type=1`)).json();
    expect(hide.illusts.some((w: any) => server.world.isAiIllustration(w.id))).toBe(false);
    expect(new URL(hide.next_url).searchParams.get('search_ai_type')).toBe('1');
    const all = server.world.search(server.world.samples.prolificTag, 'exact_match_for_tags', 'date_desc', { hideAi: false });
    expect(all.slice(0, 300).some((id) => server.world.isAiIllustration(id))).toBe(true);
    const shown = await allPages(server, `${q}&search_ai_type=0&start_date=${day(server.world.illustration(all[299])?.createDate as string)}`, token);
    expect(shown.flatMap((p) => p.illusts).some((w: any) => server.world.isAiIllustration(w.id))).toBe(true);
    expect((await get(`${q}&search_ai_type=2`)).status).toBe(400);
  });

  it('searches novels by tag and by text with the real keys', async () => {
    const res = (await get('/v1/search/novel?word=novel&search_target=partial_match_for_tags&sort=date_desc&merge_plain_keyword_results=true&include_translated_tag_results=true')).json();
    expect(Object.keys(res)).toEqual(['novels', 'next_url', 'search_span_limit', 'show_ai']);
    expect(res.novels.length).toBe(30);
    expect(new URL(res.next_url).searchParams.get('merge_plain_keyword_results')).toBe('true');
    const sentence = '遠くで汽笛が鳴った。';
    const text = await allPages(server, `/v1/search/novel?word=${encodeURIComponent(sentence)}&search_target=text`, token);
    const found = text.flatMap((p) => p.novels.map((n: any) => n.id));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((id: number) => server.world.novel(id)?.text.includes(sentence))).toBe(true);
  });
});

describe('FakePixivServer search with more than 5,000 works on one day', () => {
  it('puts every work of the prolific tag on one Tokyo day with a short span', async () => {
    const server = await FakePixivServer.start({ seed: 2, prolificWorks: 5200, spanDays: 0.25, users: 8 });
    try {
      const { world } = server;
      const ids = world.search(world.samples.prolificTag, 'exact_match_for_tags', 'date_desc');
      const days = new Set(ids.map((id) => day(world.illustration(id)?.createDate as string)));
      expect(ids.length).toBe(5200);
      expect([...days]).toEqual(['2025-02-01']);
      const res = await apiGet(server, `/v1/search/illust?word=${encodeURIComponent(world.samples.prolificTag)}&start_date=2025-02-01&end_date=2025-02-01&offset=4980`);
      expect(new URL(res.json().next_url).searchParams.get('offset')).toBe('5010');
    } finally {
      await server.close();
    }
  }, 60_000);
});
