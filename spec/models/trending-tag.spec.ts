import { TrendingTagsBody, decode, toTrendingTag } from '../../lib/models';
import { fixture } from './fixture';

describe('toTrendingTag', () => {
  const tags = decode(TrendingTagsBody, fixture('v1-trending-tags-illust/azuline-2021.json')).trend_tags.map(toTrendingTag);

  it('maps 24 tags with their translation and an illustration', () => {
    expect(tags).toHaveLength(24);
    expect(tags[0].tag).toBe('甘雨(原神)');
    expect(tags[0].translatedName).toBe('Ganyu (Genshin Impact)');
    expect(tags[0].illustration.id).toBe(87521667);
    expect(tags[0].illustration.createDate).toBeInstanceOf(Date);
  });

  it('keeps a null translation as null', () => {
    expect(tags[3]).toMatchObject({ tag: 'GenshinImpact', translatedName: null });
    expect(tags.filter((tag) => tag.translatedName === null)).toHaveLength(2);
  });

  it('maps a missing translated_name to null', () => {
    const body = fixture('v1-trending-tags-illust/azuline-2021.json');
    delete body.trend_tags[0].translated_name;
    expect(toTrendingTag(decode(TrendingTagsBody, body).trend_tags[0]).translatedName).toBeNull();
  });
});
