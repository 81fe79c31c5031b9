/** A programme cycle is a calendar year; designations and programmes belong to one. */
export const MIN_CYCLE = 2000;
export const MAX_CYCLE = 2100;

export function isCycle(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= MIN_CYCLE && (value as number) <= MAX_CYCLE;
}
