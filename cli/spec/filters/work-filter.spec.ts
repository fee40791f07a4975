import { AiType, Restriction } from 'pixiv-rx';
import { FilterError, workFilter } from '../../src/filters/work-filter';
import { sampleWork } from './sample-work';

describe('workFilter', () => {
  it('filters nothing without options', () => {
    expect(workFilter({})).toBeUndefined();
    expect(workFilter({ ai: true, r18: true, tag: [], minBookmarks: 0 })).toBeUndefined();
  });

  it('drops AI works with --no-ai, keeping unknown ones', () => {
    const keep = workFilter({ ai: false })!;
    expect(keep(sampleWork({ aiType: AiType.AI }))).toBe(false);
    expect(keep(sampleWork({ aiType: AiType.NOT_AI }))).toBe(true);
    expect(keep(sampleWork({ aiType: AiType.UNKNOWN }))).toBe(true);
  });

  it('keeps only AI works with --only-ai', () => {
    const keep = workFilter({ onlyAi: true })!;
    expect(keep(sampleWork({ aiType: AiType.AI }))).toBe(true);
    expect(keep(sampleWork({ aiType: AiType.NOT_AI }))).toBe(false);
    expect(keep(sampleWork({ aiType: AiType.UNKNOWN }))).toBe(false);
    expect(() => workFilter({ ai: false, onlyAi: true })).toThrow(new FilterError('--no-ai and --only-ai exclude each other'));
  });

  it('drops R-18 and R-18G works with --no-r18', () => {
    const keep = workFilter({ r18: false })!;
    expect(keep(sampleWork({ restriction: Restriction.R18, xRestrict: 1 }))).toBe(false);
    expect(keep(sampleWork({ restriction: Restriction.R18G, xRestrict: 2 }))).toBe(false);
    expect(keep(sampleWork({ restriction: Restriction.NONE }))).toBe(true);
  });

  it('keeps works with any of the tags, by name or translation, in any case', () => {
    const keep = workFilter({ tag: ['SKY', 'landscape'] })!;
    expect(keep(sampleWork())).toBe(true);
    expect(keep(sampleWork({ tags: [{ name: '風景', translatedName: 'Landscape' }] }))).toBe(true);
    expect(keep(sampleWork({ tags: [{ name: '海', translatedName: null }] }))).toBe(false);
    expect(workFilter({ tag: ['空'] })!(sampleWork())).toBe(true);
    expect(() => workFilter({ tag: [' '] })).toThrow(FilterError);
  });

  it("bounds the creation date by Japan's days, both ends included", () => {
    const keep = workFilter({ since: '2024-03-01', until: '2024-03-31' })!;
    // 2024-03-01 00:30 in Tokyo
    expect(keep(sampleWork({ createDate: new Date('2024-02-29T15:30:00Z') }))).toBe(true);
    expect(keep(sampleWork({ createDate: new Date('2024-02-29T14:59:59Z') }))).toBe(false);
    expect(keep(sampleWork({ createDate: new Date('2024-03-31T23:59:00+09:00') }))).toBe(true);
    expect(keep(sampleWork({ createDate: new Date('2024-04-01T00:00:00+09:00') }))).toBe(false);
    const instant = workFilter({ since: '2024-03-01T12:00:00Z' })!;
    expect(instant(sampleWork({ createDate: new Date('2024-03-01T11:59:59Z') }))).toBe(false);
    expect(instant(sampleWork({ createDate: new Date('2024-03-01T12:00:00Z') }))).toBe(true);
  });

  it.each([
    [{ since: 'yesterday' }, /--since takes a day/],
    [{ until: '2024-02-30' }, /not a day of the calendar/],
    [{ since: '2024-05-01', until: '2024-04-01' }, /is not before/],
  ])('refuses %j', (options, message) => {
    expect(() => workFilter(options)).toThrow(message);
  });

  it('keeps works with at least --min-bookmarks bookmarks', () => {
    const keep = workFilter({ minBookmarks: 50 })!;
    expect(keep(sampleWork({ totalBookmarks: 50 }))).toBe(true);
    expect(keep(sampleWork({ totalBookmarks: 49 }))).toBe(false);
  });

  it('needs every filter to agree', () => {
    const keep = workFilter({ ai: false, minBookmarks: 10, tag: ['sky'] })!;
    expect(keep(sampleWork())).toBe(true);
    expect(keep(sampleWork({ aiType: AiType.AI }))).toBe(false);
    expect(keep(sampleWork({ totalBookmarks: 1 }))).toBe(false);
  });
});
