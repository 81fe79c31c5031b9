import fc from 'fast-check';
import { changeRatio, isExportDecline } from './export-decline.rules';
import { autoCloseAt, periodsDueForClose } from './auto-close.rules';

describe('export-decline threshold', () => {
  it('fires for a fall of more than 20 %, not at exactly 20 %, never without a base', () => {
    expect(isExportDecline(79_999n, 100_000n)).toBe(true);
    expect(isExportDecline(80_000n, 100_000n)).toBe(false);
    expect(isExportDecline(0n, 100_000n)).toBe(true);
    expect(isExportDecline(120_000n, 100_000n)).toBe(false);
    expect(isExportDecline(0n, 0n)).toBe(false);
  });

  it('agrees with the ratio it reports', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 15n }), (current, previous) => {
        // Exact check in integers: the reported ratio is within half a unit of its 4th decimal.
        // (Comparing as floats fails on large ratios, where a double cannot hold 4 decimals.)
        const tenThousandths = BigInt(changeRatio(current, previous).replace('.', ''));
        const error = tenThousandths * previous - (current - previous) * 10_000n;
        expect(2n * (error < 0n ? -error : error) <= previous).toBe(true);
        const exact = Number(current - previous) / Number(previous);
        if (exact < -0.2000001) expect(isExportDecline(current, previous)).toBe(true);
        if (exact > -0.1999999) expect(isExportDecline(current, previous)).toBe(false);
      }),
    );
  });

  it('writes the ratio with four decimals, rounded half away from zero', () => {
    expect(changeRatio(70_000n, 100_000n)).toBe('-0.3000');
    expect(changeRatio(0n, 3n)).toBe('-1.0000');
    expect(changeRatio(2n, 3n)).toBe('-0.3333');
    expect(changeRatio(1n, 3n)).toBe('-0.6667');
    expect(changeRatio(3n, 3n)).toBe('0.0000');
    expect(changeRatio(5n, 2n)).toBe('1.5000');
  });
});

describe('automatic close', () => {
  it('is due a configured number of days after the month ends', () => {
    expect(autoCloseAt('2026-02', 15).toISOString()).toBe('2026-03-16T00:00:00.000Z');
    expect(autoCloseAt('2026-12', 0).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(periodsDueForClose(['2026-03', '2026-01', '2026-02'], 15, new Date('2026-03-16T00:00:00Z'))).toEqual(['2026-01', '2026-02']);
  });
});
