import {
  categoriesOf,
  fromPgNumeric,
  Money,
  COMMODITY_CATEGORIES,
  formatPeriod,
  parsePeriod,
  type CommodityCategory,
  type Period,
  type TradeFlow,
} from '@westgate/domain';

/*
 * How the dimensions of a declaration are stored in the declaration and roll-up tables: compact
 * integer codes, so that the roll-up keys stay narrow and the summary queries aggregate fast.
 */

/** `flow` column: 1 export, 2 import. */
export const FLOW_CODES: Readonly<Record<TradeFlow, number>> = { EXPORT: 1, IMPORT: 2 };

export function flowCode(flow: TradeFlow): number {
  return FLOW_CODES[flow];
}

export function flowOfCode(code: number): TradeFlow {
  if (code === 1) return 'EXPORT';
  if (code === 2) return 'IMPORT';
  throw new Error(`unknown flow code ${code}`);
}

/** `period` column: the month as the integer YYYYMM, e.g. 202603 for `2026-03`. */
export function periodKey(period: Period): number {
  const { year, month } = parsePeriod(period);
  return year * 100 + month;
}

/** `periodKey` of a period already validated (the ingest hot path): no second validation. */
export function validPeriodKey(period: Period): number {
  return Number(period.slice(0, 4)) * 100 + Number(period.slice(5, 7));
}

export function periodOfKey(key: number): Period {
  return formatPeriod(Math.floor(key / 100), key % 100);
}

/** The same month a year earlier, on keys. */
export function previousYearKey(key: number): number {
  return key - 100;
}

/** `hs_chapter` column: the chapter as a number (84 for `8471300000`). */
export function hsChapterNumber(hsCode: string): number {
  return Number(hsCode.slice(0, 2));
}

export function hsChapterOfNumber(chapter: number): string {
  return String(chapter).padStart(2, '0');
}

/**
 * `category_mask` column: the commodity categories of the declaration's HS code as bits, bit i
 * for `COMMODITY_CATEGORIES[i]`. Categories overlap (high-tech is mostly also M&E), so one
 * declaration counts once in the totals and once in each of its categories.
 */
export function categoryBit(category: CommodityCategory): number {
  return 1 << COMMODITY_CATEGORIES.indexOf(category);
}

export function categoryMaskOf(categories: readonly CommodityCategory[]): number {
  return categories.reduce((mask, category) => mask | categoryBit(category), 0);
}

export function categoriesOfMask(mask: number): CommodityCategory[] {
  return COMMODITY_CATEGORIES.filter((category) => (mask & categoryBit(category)) !== 0);
}

const maskCache = new Map<string, number>();

/** The category mask of a (valid) HS code; memoised, since a feed repeats few codes many times. */
export function categoryMaskOfHsCode(hsCode: string): number {
  let mask = maskCache.get(hsCode);
  if (mask === undefined) {
    mask = categoryMaskOf(categoriesOf(hsCode));
    if (maskCache.size > 200_000) maskCache.clear();
    maskCache.set(hsCode, mask);
  }
  return mask;
}

/** Roll-up value for an enterprise without a designation in the declaration's year, and for no zone. */
export const NO_TIER = 'NONE';
export const NO_ZONE = 'NONE';

const NUMERIC_PATTERN = /^(-?)(\d+)(?:\.(\d{1,2})(0*))?$/;

/**
 * A NUMERIC sum from PostgreSQL (a string, null for no rows) as exact cents. Sums outgrow
 * `Money`'s 16 digits (roll-ups are NUMERIC(24, 2)), so this reads any length; more than two
 * significant decimals would be a bug and throws rather than rounding.
 */
export function centsOf(value: string | null | undefined): bigint {
  if (value === null || value === undefined) return 0n;
  const match = NUMERIC_PATTERN.exec(value);
  if (match === null) return fromPgNumeric(value, 'USD').minorUnits;
  const [, sign, whole, fraction = ''] = match;
  const magnitude = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -magnitude : magnitude;
}

/** Cents as the API's decimal string, e.g. `"1500000.00"`. */
export function usd(cents: bigint): string {
  return Money.fromMinor(cents, 'USD').toString();
}
