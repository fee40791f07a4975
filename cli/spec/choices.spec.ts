import { RankingMode, Size } from 'pixiv-rx';
import { RANKING_MODES, SIZES } from '../src/choices';

// the lists exist so that --help need not load the library: they must be the enums exactly
describe('choices', () => {
  it('SIZES lists every Size, in the enum order', () => {
    expect(SIZES).toEqual(Object.values(Size));
  });

  it('RANKING_MODES lists every RankingMode, in the enum order', () => {
    expect(RANKING_MODES).toEqual(Object.values(RankingMode));
  });
});
