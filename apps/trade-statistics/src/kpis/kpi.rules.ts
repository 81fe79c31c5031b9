import { formatPeriod, type Period } from '@westgate/domain';

/**
 * Coefficient of variation of monthly values: population standard deviation over the mean, the
 * programme's measure of how steady imports are (0 = perfectly steady). Null for fewer than two
 * months or a zero mean.
 */
export function coefficientOfVariation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  if (mean === 0) return null;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

/**
 * Herfindahl–Hirschman index of partner concentration: the sum of the squared shares of each
 * partner country, from 1/n (n equal partners) to 1 (a single partner). Null when there is no trade.
 */
export function herfindahlHirschman(valuesCents: readonly bigint[]): number | null {
  const total = valuesCents.reduce((sum, v) => sum + v, 0n);
  if (total === 0n) return null;
  return valuesCents.reduce((sum, v) => sum + (Number(v) / Number(total)) ** 2, 0);
}

export interface CycleWindow {
  from: Period;
  to: Period;
  previousFrom: Period;
  previousTo: Period;
  months: number;
}

/**
 * The months a cycle's KPIs cover: January to December of the cycle, or to the last month with
 * data when the year is not over, so that a year in progress is compared with the same months of
 * the year before.
 */
export function cycleWindow(cycle: number, latestPeriodWithData: Period | undefined): CycleWindow {
  let lastMonth = 12;
  if (latestPeriodWithData) {
    const [year, month] = latestPeriodWithData.split('-').map(Number);
    if (year === cycle) lastMonth = month;
  }
  return {
    from: formatPeriod(cycle, 1),
    to: formatPeriod(cycle, lastMonth),
    previousFrom: formatPeriod(cycle - 1, 1),
    previousTo: formatPeriod(cycle - 1, lastMonth),
    months: lastMonth,
  };
}
