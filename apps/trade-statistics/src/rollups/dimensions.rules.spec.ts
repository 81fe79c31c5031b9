import fc from 'fast-check';
import { categoriesOf, COMMODITY_CATEGORIES } from '@westgate/domain';
import {
  categoriesOfMask,
  categoryMaskOfHsCode,
  centsOf,
  flowCode,
  flowOfCode,
  hsChapterNumber,
  hsChapterOfNumber,
  periodKey,
  periodOfKey,
  previousYearKey,
  usd,
  validPeriodKey,
} from './dimensions.rules';

describe('dimension codes', () => {
  it('round-trips flows, periods and chapters', () => {
    expect(flowOfCode(flowCode('EXPORT'))).toBe('EXPORT');
    expect(flowOfCode(flowCode('IMPORT'))).toBe('IMPORT');
    expect(periodKey('2026-03')).toBe(202603);
    expect(periodOfKey(202603)).toBe('2026-03');
    expect(previousYearKey(202601)).toBe(202501);
    expect(hsChapterNumber('0808100000')).toBe(8);
    expect(hsChapterOfNumber(8)).toBe('08');
    fc.assert(fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
      const period = `${year}-${String(month).padStart(2, '0')}`;
      expect(validPeriodKey(period)).toBe(periodKey(period));
    }));
  });

  it('keeps overlapping categories as bits: a code counts in each of its categories', () => {
    expect(categoriesOfMask(categoryMaskOfHsCode('8471300000'))).toEqual(['MECHANICAL_ELECTRICAL', 'HIGH_TECH']);
    expect(categoriesOfMask(categoryMaskOfHsCode('2709000000'))).toEqual(['CRUDE_OIL', 'ENERGY_BULK']);
    expect(categoriesOfMask(categoryMaskOfHsCode('9701100000'))).toEqual(['OTHER']);
    fc.assert(
      fc.property(fc.constantFrom('01', '27', '26', '84', '85', '28', '38', '68', '72', '97'), fc.stringMatching(/^\d{4,8}$/), (chapter, rest) => {
        const code = chapter + rest;
        expect(categoriesOfMask(categoryMaskOfHsCode(code))).toEqual(categoriesOf(code));
      }),
    );
    expect(COMMODITY_CATEGORIES.length).toBeLessThanOrEqual(15); // fits a smallint
  });

  it('reads NUMERIC sums as exact cents and writes them back', () => {
    expect(centsOf('1234.56')).toBe(123456n);
    expect(centsOf('99999999999999999999.99')).toBe(9999999999999999999999n);
    expect(centsOf(null)).toBe(0n);
    expect(centsOf('-12.5')).toBe(-1250n);
    expect(centsOf('7.5000')).toBe(750n);
    expect(() => centsOf('7.505')).toThrow();
    expect(usd(123456n)).toBe('1234.56');
    expect(usd(5n)).toBe('0.05');
  });
});
