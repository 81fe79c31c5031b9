import fc from 'fast-check';
import { HS_CHAPTERS } from '../hs/hs-chapters';
import { InvalidHsCodeError, isHsPrefix } from '../hs/hs-code';
import { categoriesOf, hasCategory } from './commodity-categorisation';
import { COMMODITY_CATEGORIES, ENCOURAGED_EXPORT_CATEGORIES, isCommodityCategory } from './commodity-category';
import { COMMODITY_CATEGORY_RULES } from './commodity-category-rules';

describe('categoriesOf', () => {
  it.each([
    ['8471', ['MECHANICAL_ELECTRICAL', 'HIGH_TECH']],
    ['8471300000', ['MECHANICAL_ELECTRICAL', 'HIGH_TECH']],
    ['8542310000', ['MECHANICAL_ELECTRICAL', 'HIGH_TECH']],
    ['8703231000', ['MECHANICAL_ELECTRICAL']],
    ['2709000000', ['CRUDE_OIL', 'ENERGY_BULK']],
    ['2709', ['CRUDE_OIL', 'ENERGY_BULK']],
    ['2711110000', ['ENERGY_BULK']],
    ['2701120000', ['ENERGY_BULK']],
    ['2601111000', ['IRON_ORE']],
    ['0101', ['AGRICULTURAL']],
    ['1001991000', ['AGRICULTURAL']],
    ['2523290000', ['BUILDING_MATERIALS']],
    ['7308900000', ['BUILDING_MATERIALS']],
    ['4418', ['BUILDING_MATERIALS']],
    ['6907', ['BUILDING_MATERIALS']],
    ['6204', ['TEXTILES_LIGHT']],
    ['9403', ['TEXTILES_LIGHT']],
    ['3004909000', ['HIGH_TECH']],
    ['2804619000', ['NEW_MATERIALS']],
    ['2805301100', ['NEW_MATERIALS']],
    ['3818001100', ['HIGH_TECH', 'NEW_MATERIALS']],
    ['8108', ['NEW_MATERIALS']],
    ['9701100000', ['OTHER']],
    ['7108', ['OTHER']],
  ])('%s → %j', (code, expected) => {
    expect(categoriesOf(code)).toEqual(expected);
  });

  it('matches a short code only against rules at least as broad: 2804 is not silicon', () => {
    expect(categoriesOf('2804')).toEqual(['OTHER']);
    expect(categoriesOf('280461')).toEqual(['NEW_MATERIALS']);
    expect(categoriesOf('27')).toEqual(['ENERGY_BULK']);
  });

  it('refuses what is not an HS code', () => {
    expect(() => categoriesOf('7701000000')).toThrow(InvalidHsCodeError);
    expect(() => categoriesOf('84.71')).toThrow(InvalidHsCodeError);
    expect(() => categoriesOf('')).toThrow(InvalidHsCodeError);
  });

  it('hasCategory answers for one category', () => {
    expect(hasCategory('8471300000', 'HIGH_TECH')).toBe(true);
    expect(hasCategory('8471300000', 'OTHER')).toBe(false);
  });

  it('is never empty, lists categories once in catalogue order, and uses OTHER only alone', () => {
    const code = fc.tuple(fc.constantFrom(...HS_CHAPTERS.map((c) => c.chapter)), fc.stringMatching(/^\d{4,8}$/)).map(([chapter, rest]) => chapter + rest);
    fc.assert(
      fc.property(code, (hs) => {
        const categories = categoriesOf(hs);
        expect(categories.length).toBeGreaterThan(0);
        expect(categories).toEqual(COMMODITY_CATEGORIES.filter((c) => categories.includes(c)));
        if (categories.includes('OTHER')) expect(categories).toEqual(['OTHER']);
      }),
    );
  });

  it('every agricultural chapter 01–24 is AGRICULTURAL and no other chapter is', () => {
    HS_CHAPTERS.forEach(({ chapter }) => expect(hasCategory(`${chapter}0000`, 'AGRICULTURAL')).toBe(Number(chapter) <= 24));
  });
});

describe('commodity category data', () => {
  it('every rule prefix is an HS chapter, heading or subheading in an existing chapter', () => {
    Object.values(COMMODITY_CATEGORY_RULES).forEach((rule) => {
      expect(rule.source.length).toBeGreaterThan(10);
      rule.prefixes.forEach((prefix) => {
        expect(isHsPrefix(prefix)).toBe(true);
        expect([2, 4, 6]).toContain(prefix.length);
      });
    });
  });

  it('encourages the four export categories of the policy', () => {
    expect(ENCOURAGED_EXPORT_CATEGORIES).toEqual(['AGRICULTURAL', 'BUILDING_MATERIALS', 'MECHANICAL_ELECTRICAL', 'HIGH_TECH']);
    expect(isCommodityCategory('HIGH_TECH')).toBe(true);
    expect(isCommodityCategory('high_tech')).toBe(false);
  });
});
