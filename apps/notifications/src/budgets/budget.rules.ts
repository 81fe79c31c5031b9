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

/** A programme event's state replaces the one remembered only if it is newer: duplicates and late events never regress it. */
export function isNewerBudgetState(rememberedVersion: number | undefined, version: number): boolean {
  return rememberedVersion === undefined || version > rememberedVersion;
}

/**
 * A refused approval (`programme.budget-exhausted`) tells the admins once per budget state: not
 * again while the programme's `version` is the one they were told of (repeated refusals, a
 * redelivery), nor for a refusal older than that one; a refusal after the budget changed does.
 */
export function shouldAlertExhaustion(alertedVersion: number | null | undefined, version: number): boolean {
  return alertedVersion === null || alertedVersion === undefined || version > alertedVersion;
}
