import { DomainValidationError } from '../domain-validation.error';

/**
 * A statistical month, `YYYY-MM` (e.g. `2026-03`), as used by customs statistics and in the API.
 * Years are bounded so that typos such as `0226-03` or `2206-03` are caught at the edge.
 */
export type Period = string;

export const PERIOD_MIN_YEAR = 1990;
export const PERIOD_MAX_YEAR = 2100;

const PERIOD_PATTERN = /^(\d{4})-(\d{2})$/;

export class InvalidPeriodError extends DomainValidationError {
  constructor(message: string) {
    super('INVALID_PERIOD', message);
  }
}

export interface PeriodParts {
  readonly year: number;
  readonly month: number;
}

function describePeriodProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `must be a string in the form YYYY-MM (got ${typeof value})`;
  const match = PERIOD_PATTERN.exec(value);
  if (match === null) return `"${value.slice(0, 40)}" is not a period: expected YYYY-MM, e.g. 2026-03`;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return `"${value}" has month ${match[2]}; months run from 01 to 12`;
  if (year < PERIOD_MIN_YEAR || year > PERIOD_MAX_YEAR) return `"${value}" has year ${year}; years run from ${PERIOD_MIN_YEAR} to ${PERIOD_MAX_YEAR}`;
  return undefined;
}

export function isPeriod(value: unknown): value is Period {
  return describePeriodProblem(value) === undefined;
}

/** Year and month of a period; throws `InvalidPeriodError` naming what is wrong. */
export function parsePeriod(value: unknown): PeriodParts {
  const problem = describePeriodProblem(value);
  if (problem !== undefined) throw new InvalidPeriodError(problem);
  const [year, month] = (value as string).split('-').map(Number);
  return { year, month };
}

export function formatPeriod(year: number, month: number): Period {
  if (!Number.isInteger(year) || !Number.isInteger(month)) throw new InvalidPeriodError(`year and month must be integers, got ${year} and ${month}`);
  const period = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  parsePeriod(period);
  return period;
}

/** The month of a date, in UTC (statistics are not shifted by the server's time zone). */
export function periodOfDate(date: Date): Period {
  return formatPeriod(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** Months since January of year 0, so that month arithmetic is integer arithmetic. */
function monthIndex(period: Period): number {
  const { year, month } = parsePeriod(period);
  return year * 12 + (month - 1);
}

function fromMonthIndex(index: number): Period {
  return formatPeriod(Math.floor(index / 12), (index % 12) + 1);
}

/** `months` later (earlier when negative); throws when the result leaves 1990–2100. */
export function addMonths(period: Period, months: number): Period {
  if (!Number.isInteger(months)) throw new InvalidPeriodError(`months must be an integer, got ${months}`);
  return fromMonthIndex(monthIndex(period) + months);
}

/** The same month a year earlier, the base of year-on-year growth. */
export function previousYearSame(period: Period): Period {
  return addMonths(period, -12);
}

/** -1, 0 or 1, usable as an `Array.prototype.sort` comparator. */
export function comparePeriods(a: Period, b: Period): -1 | 0 | 1 {
  const difference = monthIndex(a) - monthIndex(b);
  if (difference === 0) return 0;
  return difference < 0 ? -1 : 1;
}

/** Every period from `from` to `to`, both included, in order; empty when `from` is after `to`. */
export function periodsBetween(from: Period, to: Period): Period[] {
  const start = monthIndex(from);
  const end = monthIndex(to);
  const periods: Period[] = [];
  for (let index = start; index <= end; index += 1) periods.push(fromMonthIndex(index));
  return periods;
}

export function yearOf(period: Period): number {
  return parsePeriod(period).year;
}

export function monthOf(period: Period): number {
  return parsePeriod(period).month;
}
