import { Money } from '@westgate/domain';

/** Fractions are kept in basis points (1/10,000) so that the comparison is exact. */
const BASIS_POINTS = 10_000n;

/** `"0.10"` → 1000 basis points. Throws on anything but a fraction between 0 and 1 with ≤ 4 decimals. */
export function thresholdToBasisPoints(fraction: string): bigint {
  const match = /^(0|1)(?:\.(\d{1,4}))?$/.exec(fraction);
  if (!match) throw new Error(`not a fraction between 0 and 1: ${fraction}`);
  const points = BigInt(match[1]) * BASIS_POINTS + BigInt((match[2] ?? '').padEnd(4, '0'));
  if (points > BASIS_POINTS) throw new Error(`not a fraction between 0 and 1: ${fraction}`);
  return points;
}

/** The budget is low when what is available is under the threshold fraction of the total. */
export function isBudgetLow(budget: { total: string; available: string }, thresholdBasisPoints: bigint): boolean {
  const total = Money.parse(budget.total, 'CNY').minorUnits;
  const available = Money.parse(budget.available, 'CNY').minorUnits;
  return available * BASIS_POINTS < total * thresholdBasisPoints;
}

/**
 * Admins are told once when a programme's budget crosses under the threshold, not on every later
 * change while it stays there; raising the budget above it re-arms the alert.
 */
export function shouldAlertBudget(wasLow: boolean | undefined, isLow: boolean): boolean {
  return isLow && wasLow !== true;
}

/** Available as a share of the total, in basis points (for "4.5 %" in the notice). */
export function availableShareBasisPoints(budget: { total: string; available: string }): bigint {
  const total = Money.parse(budget.total, 'CNY').minorUnits;
  if (total === 0n) return 0n;
  return (Money.parse(budget.available, 'CNY').minorUnits * BASIS_POINTS) / total;
}

/**
 * Whether a programme event's budget `version` is newer than one remembered (null or undefined:
 * none yet). Its state replaces the one remembered only then, so duplicates and late events never
 * regress it; and a refused approval (`programme.budget-exhausted`) tells the admins only when
 * newer than the state they were last told of: once per budget state, again after it changed.
 */
export function isNewerVersion(knownVersion: number | null | undefined, version: number): boolean {
  return knownVersion === null || knownVersion === undefined || version > knownVersion;
}
