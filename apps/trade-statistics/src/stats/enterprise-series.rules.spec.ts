import { growthSince, supportWindows } from './enterprise-series.rules';

describe('growth since the first approved support', () => {
  it('compares the months since with as many months before', () => {
    expect(supportWindows('2026-03', '2026-06')).toEqual({ before: { from: '2025-11', to: '2026-02' }, since: { from: '2026-03', to: '2026-06' }, months: 4 });
    expect(supportWindows('2026-07', '2026-06')).toBeUndefined();
  });

  it('sums both windows and gives null growth without a base', () => {
    const zero = { importsCents: 0n, exportDeclarations: 1, importDeclarations: 0 };
    const series = new Map([
      ['2026-02', { ...zero, exportsCents: 100n }],
      ['2026-03', { ...zero, exportsCents: 150n }],
    ]);
    const windows = supportWindows('2026-03', '2026-03');
    expect(windows && growthSince(series, windows).exports).toEqual({ beforeCents: 100n, sinceCents: 150n, growth: 0.5 });
    expect(windows && growthSince(series, windows).imports.growth).toBeNull();
  });
});
