import fc from 'fast-check';
import {
  addMonths,
  comparePeriods,
  formatPeriod,
  InvalidPeriodError,
  isPeriod,
  monthOf,
  parsePeriod,
  periodOfDate,
  periodsBetween,
  previousYearSame,
  yearOf,
} from './period';

const period = fc.record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) }).map(({ year, month }) => formatPeriod(year, month));
/** Periods at least a year inside the range, so that ±12 months stays valid. */
const innerPeriod = fc.record({ year: fc.integer({ min: 1991, max: 2099 }), month: fc.integer({ min: 1, max: 12 }) }).map(({ year, month }) => formatPeriod(year, month));

describe('Period', () => {
  it.each(['2026-03', '1990-01', '2100-12', '2024-10'])('accepts %s', (value) => {
    expect(isPeriod(value)).toBe(true);
  });

  it.each([
    ['2026-13', 'months run from 01 to 12'],
    ['2026-00', 'months run from 01 to 12'],
    ['1989-12', 'years run from 1990 to 2100'],
    ['2101-01', 'years run from 1990 to 2100'],
    ['2026-3', 'expected YYYY-MM'],
    ['202603', 'expected YYYY-MM'],
    ['2026/03', 'expected YYYY-MM'],
    [' 2026-03', 'expected YYYY-MM'],
    ['2026-03-01', 'expected YYYY-MM'],
    ['', 'expected YYYY-MM'],
  ])('rejects %j: %s', (value, reason) => {
    expect(isPeriod(value)).toBe(false);
    expect(() => parsePeriod(value)).toThrow(InvalidPeriodError);
    expect(() => parsePeriod(value)).toThrow(reason);
  });

  it('rejects non-strings, naming the type', () => {
    expect(isPeriod(202603)).toBe(false);
    expect(() => parsePeriod(new Date())).toThrow('(got object)');
  });

  it('parses into year and month', () => {
    expect(parsePeriod('2026-03')).toEqual({ year: 2026, month: 3 });
    expect(yearOf('2026-03')).toBe(2026);
    expect(monthOf('2026-03')).toBe(3);
  });

  it('formats year and month, refusing impossible ones', () => {
    expect(formatPeriod(2026, 3)).toBe('2026-03');
    expect(() => formatPeriod(2026, 13)).toThrow(InvalidPeriodError);
    expect(() => formatPeriod(2026.5, 3)).toThrow('integers');
  });

  it('takes the month of a date in UTC', () => {
    expect(periodOfDate(new Date('2026-03-31T23:30:00-05:00'))).toBe('2026-04');
    expect(periodOfDate(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01');
  });

  it('adds months across year ends', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2025-11', 26)).toBe('2028-01');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
  });

  it('refuses to leave 1990–2100 and fractional months', () => {
    expect(() => addMonths('2100-12', 1)).toThrow(InvalidPeriodError);
    expect(() => addMonths('1990-01', -1)).toThrow(InvalidPeriodError);
    expect(() => addMonths('2026-01', 1.5)).toThrow('integer');
  });

  it('previousYearSame is the base month of year-on-year growth', () => {
    expect(previousYearSame('2026-03')).toBe('2025-03');
    expect(previousYearSame('2026-01')).toBe('2025-01');
  });

  it('lists the months between two periods, both included', () => {
    expect(periodsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(periodsBetween('2026-04', '2026-03')).toEqual([]);
    expect(() => periodsBetween('2026-13', '2027-01')).toThrow(InvalidPeriodError);
  });

  it('compares periods', () => {
    expect(comparePeriods('2025-12', '2026-01')).toBe(-1);
    expect(comparePeriods('2026-01', '2026-01')).toBe(0);
    expect(comparePeriods('2026-02', '2026-01')).toBe(1);
  });

  describe('properties', () => {
    it('addMonths(n) then addMonths(−n) returns to the start', () => {
      fc.assert(
        fc.property(period, fc.integer({ min: -1332, max: 1332 }), (p, n) => {
          let shifted: string;
          try {
            shifted = addMonths(p, n);
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidPeriodError);
            return;
          }
          expect(isPeriod(shifted)).toBe(true);
          expect(addMonths(shifted, -n)).toBe(p);
        }),
      );
    });

    it('previousYearSame keeps the month and takes one from the year', () => {
      fc.assert(
        fc.property(innerPeriod, (p) => {
          const previous = previousYearSame(p);
          expect(monthOf(previous)).toBe(monthOf(p));
          expect(yearOf(previous)).toBe(yearOf(p) - 1);
        }),
      );
    });

    it('comparePeriods agrees with the string order of the fixed-width form', () => {
      fc.assert(
        fc.property(period, period, (a, b) => {
          expect(comparePeriods(a, b)).toBe(a === b ? 0 : a < b ? -1 : 1);
        }),
      );
    });

    it('periodsBetween is consecutive, inclusive, and as long as the distance plus one', () => {
      fc.assert(
        fc.property(period, fc.integer({ min: 0, max: 60 }), (from, length) => {
          let to: string;
          try {
            to = addMonths(from, length);
          } catch {
            return;
          }
          const periods = periodsBetween(from, to);
          expect(periods).toHaveLength(length + 1);
          expect(periods[0]).toBe(from);
          expect(periods[periods.length - 1]).toBe(to);
          periods.slice(1).forEach((p, i) => expect(addMonths(periods[i], 1)).toBe(p));
        }),
      );
    });

    it('isPeriod never throws and accepts exactly the YYYY-MM strings in range', () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), fc.stringMatching(/^\d{4}-\d{2}$/)), (value) => {
          const expected =
            typeof value === 'string' &&
            /^\d{4}-\d{2}$/.test(value) &&
            Number(value.slice(0, 4)) >= 1990 &&
            Number(value.slice(0, 4)) <= 2100 &&
            Number(value.slice(5)) >= 1 &&
            Number(value.slice(5)) <= 12;
          expect(isPeriod(value)).toBe(expected);
        }),
      );
    });
  });
});
