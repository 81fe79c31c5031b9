import { categoriesOf, generateUscc, partnerRegionOf, type TradeFlow } from '@westgate/domain';

/** A small deterministic PRNG (mulberry32), so that a failing run can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TestDeclaration {
  declarationId: string;
  uscc: string;
  flow: TradeFlow;
  hsCode: string;
  partnerCountry: string;
  period: string;
  valueUsd: string;
  quantity?: string;
  unit?: string;
  netWeightKg?: string;
  customsPort?: string;
  tradeMode?: string;
}

/** HS codes chosen to cover overlapping categories (M&E + high-tech, crude + bulk energy, …). */
export const TEST_HS_CODES = ['8471300000', '8703231000', '2709000000', '2601111000', '0808100000', '1001991000', '2523290000', '6204620000', '3818001100', '9701100000', '8542310000', '2711110000'];
export const TEST_COUNTRIES = ['KZ', 'KG', 'TJ', 'UZ', 'RU', 'MN', 'PK', 'IN', 'DE', 'TR', 'AE', 'US', 'AF'];

export function makeUsccs(count: number, seed = 7): string[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => generateUscc(random));
}

/** `count` valid declarations over `periods`, deterministic for a seed. */
export function makeDeclarations(options: { count: number; usccs: string[]; periods: string[]; seed?: number; idPrefix: string }): TestDeclaration[] {
  const random = seeded(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  return Array.from({ length: options.count }, (_, i) => ({
    declarationId: `${options.idPrefix}-${String(i).padStart(7, '0')}`,
    uscc: pick(options.usccs),
    flow: random() < 0.6 ? 'EXPORT' : 'IMPORT',
    hsCode: pick(TEST_HS_CODES),
    partnerCountry: pick(TEST_COUNTRIES),
    period: pick(options.periods),
    valueUsd: `${1 + Math.floor(random() * 1_000_000)}.${String(Math.floor(random() * 100)).padStart(2, '0')}`,
    ...(random() < 0.5 ? { quantity: String(Math.floor(random() * 5000)), unit: 'KG', customsPort: 'KHORGOS', tradeMode: 'GENERAL_TRADE' } : {}),
  }));
}

export function cents(value: string): bigint {
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

export function usdOf(value: bigint): string {
  return `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
}

export type Dimension = (d: TestDeclaration) => string[];

/** Independent grouping keys, straight from the domain catalogues (not the service's masks and roll-ups). */
export const DIMENSIONS = {
  category: (d: TestDeclaration) => categoriesOf(d.hsCode),
  partnerCountry: (d: TestDeclaration) => [d.partnerCountry],
  partnerRegion: (d: TestDeclaration) => [partnerRegionOf(d.partnerCountry)],
  hsChapter: (d: TestDeclaration) => [d.hsCode.slice(0, 2)],
  period: (d: TestDeclaration) => [d.period],
} satisfies Record<string, Dimension>;

export interface ExpectedRow {
  key: string;
  valueUsd: string;
  declarations: number;
  share: number;
  yoyGrowth: number | null;
}

function shiftYear(period: string, years: number): string {
  return `${Number(period.slice(0, 4)) + years}${period.slice(4)}`;
}

/**
 * The summary as API.md defines it, computed from the rows themselves: each declaration counted
 * once per key it has, share of the selection's total (each declaration once), growth against the
 * same months a year earlier.
 */
export function expectedSummary(
  rows: readonly TestDeclaration[],
  options: { from: string; to: string; key: (d: TestDeclaration) => string[]; filter?: (d: TestDeclaration) => boolean },
): { rows: ExpectedRow[]; totalValueUsd: string } {
  const filter = options.filter ?? (() => true);
  const unique = new Map<string, TestDeclaration>();
  for (const row of rows) if (!unique.has(row.declarationId)) unique.set(row.declarationId, row);
  const selected = [...unique.values()].filter(filter);
  const inRange = (d: TestDeclaration, from: string, to: string) => d.period >= from && d.period <= to;
  const current = selected.filter((d) => inRange(d, options.from, options.to));
  const base = selected.filter((d) => inRange(d, shiftYear(options.from, -1), shiftYear(options.to, -1)));
  const total = current.reduce((sum, d) => sum + cents(d.valueUsd), 0n);
  const groups = new Map<string, { value: bigint; n: number; base: bigint }>();
  for (const d of current) {
    for (const key of options.key(d)) {
      const group = groups.get(key) ?? { value: 0n, n: 0, base: 0n };
      group.value += cents(d.valueUsd);
      group.n += 1;
      groups.set(key, group);
    }
  }
  for (const d of base) {
    // Grouped by period, a month's base is the same month a year earlier.
    const keys = options.key(d).map((key) => (/^\d{4}-\d{2}$/.test(key) && key === d.period ? shiftYear(key, 1) : key));
    for (const key of keys) {
      const group = groups.get(key);
      if (group) group.base += cents(d.valueUsd);
    }
  }
  return {
    totalValueUsd: usdOf(total),
    rows: [...groups.entries()].map(([key, g]) => ({
      key,
      valueUsd: usdOf(g.value),
      declarations: g.n,
      share: Number(g.value) / Number(total),
      yoyGrowth: g.base === 0n ? null : Number(g.value - g.base) / Number(g.base),
    })),
  };
}
