import { addMonths, type Period } from '@westgate/domain';

const DAY_MS = 86_400_000;

/** When a month closes by itself: `days` after its last day ends (UTC). */
export function autoCloseAt(period: Period, days: number): Date {
  const next = addMonths(period, 1);
  const [year, month] = next.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, 1) + days * DAY_MS);
}

/** Of the months with data and not closed yet, those due for the automatic close at `now`, oldest first. */
export function periodsDueForClose(candidates: readonly Period[], days: number, now: Date): Period[] {
  return candidates.filter((period) => autoCloseAt(period, days).getTime() <= now.getTime()).sort();
}
