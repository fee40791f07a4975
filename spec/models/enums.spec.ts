import { ContentType, Duration, RankingMode, SearchTarget, Size, Sort, Visibility, isEnumValue } from '../../lib/models';

describe('enums', () => {
  it('spell their values as the API does', () => {
    expect(Object.values(ContentType)).toEqual(['illust', 'manga', 'ugoira', 'novel']);
    expect(ContentType.ILLUSTRATION).toBe('illust');
    expect(Object.values(Duration)).toEqual(['within_last_day', 'within_last_week', 'within_last_month']);
    expect(Object.values(RankingMode)).toEqual([
      'day',
      'week',
      'month',
      'day_male',
      'day_female',
      'week_original',
      'week_rookie',
      'day_manga',
    ]);
    expect(Object.values(SearchTarget)).toEqual([
      'partial_match_for_tags',
      'exact_match_for_tags',
      'title_and_caption',
      'text',
      'keyword',
    ]);
    expect(Object.values(Size)).toEqual(['square_medium', 'medium', 'large', 'original']);
    expect(Object.values(Sort)).toEqual(['date_desc', 'date_asc', 'popular_desc']);
    expect(Object.values(Visibility)).toEqual(['public', 'private']);
  });

  it('keep the member names of the original library', () => {
    expect(Object.keys(ContentType)).toEqual(['ILLUSTRATION', 'MANGA', 'UGOIRA', 'NOVEL']);
    expect(Object.keys(Size)).toEqual(['SQUARE_MEDIUM', 'MEDIUM', 'LARGE', 'ORIGINAL']);
    expect(Object.keys(Duration)).toEqual(['LAST_DAY', 'LAST_WEEK', 'LAST_MONTH']);
    expect(Object.keys(SearchTarget)).toEqual(['TAGS_PARTIAL', 'TAGS_EXACT', 'TITLE_AND_CAPTION', 'TEXT', 'KEYWORD']);
    expect(Object.keys(Sort)).toEqual(['DATE_DESC', 'DATE_ASC', 'POPULAR_DESC']);
    expect(Object.keys(Visibility)).toEqual(['PUBLIC', 'PRIVATE']);
  });
});

describe('isEnumValue', () => {
  it('accepts a value of the enum', () => {
    expect(isEnumValue(Sort, 'date_desc')).toBe(true);
    expect(isEnumValue(Sort, Sort.DATE_ASC)).toBe(true);
    expect(isEnumValue(RankingMode, 'week_rookie')).toBe(true);
  });

  it('rejects member names, other enums’ values and non-strings', () => {
    expect(isEnumValue(Sort, 'DATE_DESC')).toBe(false);
    expect(isEnumValue(Sort, 'public')).toBe(false);
    expect(isEnumValue(Visibility, '')).toBe(false);
    expect(isEnumValue(Visibility, undefined)).toBe(false);
    expect(isEnumValue(Visibility, null)).toBe(false);
    expect(isEnumValue(Visibility, 0)).toBe(false);
    expect(isEnumValue(Visibility, 'toString')).toBe(false);
  });

  it('narrows the value to the enum type', () => {
    const value: unknown = 'private';
    if (!isEnumValue(Visibility, value)) throw new Error('expected a Visibility');
    const visibility: Visibility = value;
    expect(visibility).toBe(Visibility.PRIVATE);
  });
});
