import { coefficientOfVariation, cycleWindow, herfindahlHirschman } from './kpi.rules';

describe('KPI calculations', () => {
  it('coefficient of variation: population standard deviation over the mean', () => {
    expect(coefficientOfVariation([10, 10, 10])).toBe(0);
    expect(coefficientOfVariation([5, 15])).toBeCloseTo(0.5, 12);
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2 / 5, 12);
    expect(coefficientOfVariation([7])).toBeNull();
    expect(coefficientOfVariation([0, 0])).toBeNull();
  });

  it('Herfindahl–Hirschman index: sum of squared shares', () => {
    expect(herfindahlHirschman([100n])).toBe(1);
    expect(herfindahlHirschman([25n, 25n, 25n, 25n])).toBeCloseTo(0.25, 12);
    expect(herfindahlHirschman([60n, 40n])).toBeCloseTo(0.52, 12);
    expect(herfindahlHirschman([])).toBeNull();
  });

  it('covers a whole past year, and a running year up to its last month with data', () => {
    expect(cycleWindow(2025, '2026-06')).toEqual({ from: '2025-01', to: '2025-12', previousFrom: '2024-01', previousTo: '2024-12', months: 12 });
    expect(cycleWindow(2026, '2026-06')).toEqual({ from: '2026-01', to: '2026-06', previousFrom: '2025-01', previousTo: '2025-06', months: 6 });
    expect(cycleWindow(2026, undefined).months).toBe(12);
  });
});
