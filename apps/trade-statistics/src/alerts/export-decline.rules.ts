/** An export-decline alert fires when a designated enterprise's monthly exports fell MORE than this, year on year. */
export const EXPORT_DECLINE_THRESHOLD_PERCENT = 20n;

/** Exports fell more than 20 % against the same month a year earlier (exactly 20 % does not fire; no base, no alert). */
export function isExportDecline(currentCents: bigint, previousYearCents: bigint): boolean {
  if (previousYearCents <= 0n) return false;
  return (currentCents - previousYearCents) * 100n < -EXPORT_DECLINE_THRESHOLD_PERCENT * previousYearCents;
}

/** (current − previous) / previous as a decimal string with 4 decimals, rounded half away from zero: "-0.3500". */
export function changeRatio(currentCents: bigint, previousYearCents: bigint): string {
  if (previousYearCents <= 0n) throw new Error('the change ratio needs a positive base');
  const difference = currentCents - previousYearCents;
  const negative = difference < 0n;
  const absolute = negative ? -difference : difference;
  const magnitude = (absolute * 20_000n + previousYearCents) / (2n * previousYearCents);
  return `${negative && magnitude > 0n ? '-' : ''}${magnitude / 10_000n}.${(magnitude % 10_000n).toString().padStart(4, '0')}`;
}
