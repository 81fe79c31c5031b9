import { CUBES } from '../rollups/rollup-cubes';
import { categoryMaskOf } from '../rollups/dimensions.rules';
import { chooseCube, pairPeriodsWithYearBefore, share, summaryFigures, yoyGrowth } from './summary.rules';

describe('chooseCube', () => {
  it('picks the smallest roll-up that has every dimension asked for', () => {
    expect(chooseCube('category', [])).toBe(CUBES.commodity);
    expect(chooseCube('hsChapter', ['category'])).toBe(CUBES.commodity);
    expect(chooseCube('partnerCountry', [])).toBe(CUBES.partner);
    expect(chooseCube('partnerRegion', ['category'])).toBe(CUBES.commodityPartner);
    expect(chooseCube('tier', [])).toBe(CUBES.org);
    expect(chooseCube('period', [])).toBe(CUBES.org);
    expect(chooseCube('zone', ['category'])).toBe(CUBES.orgCommodity);
    expect(chooseCube('tier', ['partnerCountry'])).toBe(CUBES.orgPartner);
    expect(chooseCube('tier', ['partnerCountry', 'category'])).toBe(CUBES.enterprise);
    expect(chooseCube('enterprise', [])).toBe(CUBES.enterpriseMonth);
    expect(chooseCube('period', ['enterpriseId', 'tier'])).toBe(CUBES.enterpriseMonth);
    expect(chooseCube('category', ['enterpriseId'])).toBe(CUBES.enterprise);
  });
});

describe('share and growth', () => {
  it('gives growth as a ratio, null without a base', () => {
    expect(yoyGrowth(150n, 100n)).toBe(0.5);
    expect(yoyGrowth(50n, 100n)).toBe(-0.5);
    expect(yoyGrowth(50n, 0n)).toBeNull();
    expect(share(25n, 100n)).toBe(0.25);
    expect(share(0n, 0n)).toBe(0);
  });

  it('counts a mask in each of its categories while the total counts it once', () => {
    const meHt = categoryMaskOf(['MECHANICAL_ELECTRICAL', 'HIGH_TECH']);
    const me = categoryMaskOf(['MECHANICAL_ELECTRICAL']);
    const figures = summaryFigures('category', [
      { key: meHt, valueCents: 300n, declarations: 3, baseCents: 100n },
      { key: me, valueCents: 100n, declarations: 1, baseCents: 0n },
    ]);
    expect(figures.totalCents).toBe(400n);
    expect(figures.totalDeclarations).toBe(4);
    expect(figures.rows).toEqual([
      { key: 'MECHANICAL_ELECTRICAL', valueCents: 400n, declarations: 4, share: 1, yoyGrowth: 3 },
      { key: 'HIGH_TECH', valueCents: 300n, declarations: 3, share: 0.75, yoyGrowth: 2 },
    ]);
  });

  it('merges countries into regions and drops keys without declarations in the months', () => {
    const figures = summaryFigures('partnerRegion', [
      { key: 'KZ', valueCents: 100n, declarations: 1, baseCents: 0n },
      { key: 'UZ', valueCents: 100n, declarations: 1, baseCents: 0n },
      { key: 'IN', valueCents: 200n, declarations: 2, baseCents: 100n },
      { key: 'DE', valueCents: 0n, declarations: 0, baseCents: 100n },
    ]);
    expect(figures.rows.map((r) => [r.key, r.valueCents])).toEqual([
      ['BORDERING', 300n],
      ['CENTRAL_ASIA', 100n],
    ]);
  });

  it('pairs each month with the same month a year before, in order', () => {
    const monthly = new Map([
      [202501, { valueCents: 100n, declarations: 1 }],
      [202601, { valueCents: 150n, declarations: 2 }],
      [202602, { valueCents: 10n, declarations: 1 }],
    ]);
    const figures = summaryFigures('period', pairPeriodsWithYearBefore(monthly, 202601, 202612));
    expect(figures.rows.map((r) => [r.key, r.yoyGrowth])).toEqual([
      ['2026-01', 0.5],
      ['2026-02', null],
    ]);
  });
});
