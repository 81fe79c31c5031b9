import { partnerRegionOf } from '@westgate/domain';
import { categoriesOfMask, hsChapterOfNumber, periodOfKey, previousYearKey } from '../rollups/dimensions.rules';
import { CUBES, type CubeColumn, type RollupCube } from '../rollups/rollup-cubes';

export const SUMMARY_GROUPS = ['category', 'partnerCountry', 'partnerRegion', 'hsChapter', 'zone', 'tier', 'period', 'enterprise'] as const;
export type SummaryGroup = (typeof SUMMARY_GROUPS)[number];
/** A summary asked for without `groupBy`: the selection month by month. */
export const DEFAULT_SUMMARY_GROUP: SummaryGroup = 'period';

export type SummaryFilter = 'category' | 'partnerCountry' | 'zone' | 'tier' | 'enterpriseId';

/** The stored column each grouping and filter needs. */
const GROUP_COLUMN: Readonly<Record<SummaryGroup, CubeColumn>> = {
  category: 'category_mask',
  partnerCountry: 'partner_country',
  partnerRegion: 'partner_country',
  hsChapter: 'hs_chapter',
  zone: 'zone',
  tier: 'tier',
  period: 'period',
  enterprise: 'uscc',
};

const FILTER_COLUMN: Readonly<Record<SummaryFilter, CubeColumn>> = {
  category: 'category_mask',
  partnerCountry: 'partner_country',
  zone: 'zone',
  tier: 'tier',
  enterpriseId: 'uscc',
};

export function groupColumn(group: SummaryGroup): CubeColumn {
  return GROUP_COLUMN[group];
}

/**
 * The smallest roll-up that has every column a question needs. Per-enterprise questions go to
 * the enterprise cubes (tier and zone then come from the projection by join); questions about
 * tier or zone without an enterprise go to the cubes that store them; the rest to the small
 * commodity and partner cubes. Only tier/zone with commodity AND partner together fall back to
 * the all-grain `rollup_enterprise`.
 */
export function chooseCube(group: SummaryGroup, filters: readonly SummaryFilter[]): RollupCube {
  const columns = new Set<CubeColumn>([GROUP_COLUMN[group], ...filters.map((f) => FILTER_COLUMN[f])]);
  const commodity = columns.has('category_mask') || columns.has('hs_chapter');
  const partner = columns.has('partner_country');
  const org = columns.has('tier') || columns.has('zone');
  if (columns.has('uscc')) return commodity || partner ? CUBES.enterprise : CUBES.enterpriseMonth;
  if (org) {
    if (commodity && partner) return CUBES.enterprise;
    if (commodity) return CUBES.orgCommodity;
    if (partner) return CUBES.orgPartner;
    return CUBES.org;
  }
  if (commodity && partner) return CUBES.commodityPartner;
  if (commodity) return CUBES.commodity;
  if (partner) return CUBES.partner;
  return CUBES.org;
}

/** One group of the stored column, as SQL returns it: sums in cents, for the period and a year before. */
export interface StoredGroup {
  /** The stored key: a category mask, a country, a chapter number, a tier, a zone, a period key, a USCC. */
  key: string | number;
  /** Sum over the requested months. */
  valueCents: bigint;
  declarations: number;
  /** Sum over the same months a year earlier. */
  baseCents: bigint;
}

export interface SummaryRow {
  key: string;
  valueCents: bigint;
  declarations: number;
  share: number;
  yoyGrowth: number | null;
}

export interface SummaryFigures {
  rows: SummaryRow[];
  totalCents: bigint;
  totalDeclarations: number;
}

/** (current − base) / base, or null when the base is zero (API.md: "null where that is zero"). */
export function yoyGrowth(currentCents: bigint, baseCents: bigint): number | null {
  if (baseCents === 0n) return null;
  return Number(currentCents - baseCents) / Number(baseCents);
}

/** The row's fraction of the total, 0 when the total is. */
export function share(partCents: bigint, totalCents: bigint): number {
  return totalCents === 0n ? 0 : Number(partCents) / Number(totalCents);
}

/**
 * Turns stored groups into the rows of the answer: a category mask counts in each of its
 * categories (so category shares may add up to more than 1, while the total counts each
 * declaration once), a country in its partner region, a chapter as two digits. Rows are those
 * with declarations in the requested months; sorted by value (most first), periods in order.
 */
export function summaryFigures(group: SummaryGroup, stored: readonly StoredGroup[], keyOf: (key: string | number) => string = String): SummaryFigures {
  const merged = new Map<string, { valueCents: bigint; declarations: number; baseCents: bigint }>();
  let totalCents = 0n;
  let totalDeclarations = 0;
  const add = (key: string, g: StoredGroup): void => {
    const row = merged.get(key);
    if (row) {
      row.valueCents += g.valueCents;
      row.declarations += g.declarations;
      row.baseCents += g.baseCents;
    } else merged.set(key, { valueCents: g.valueCents, declarations: g.declarations, baseCents: g.baseCents });
  };
  for (const g of stored) {
    totalCents += g.valueCents;
    totalDeclarations += g.declarations;
    if (group === 'category') for (const category of categoriesOfMask(Number(g.key))) add(category, g);
    else if (group === 'partnerRegion') add(partnerRegionOf(String(g.key)), g);
    else if (group === 'hsChapter') add(hsChapterOfNumber(Number(g.key)), g);
    else if (group === 'period') add(periodOfKey(Number(g.key)), g);
    else add(keyOf(g.key), g);
  }
  const rows: SummaryRow[] = [...merged.entries()]
    .filter(([, row]) => row.declarations > 0)
    .map(([key, row]) => ({
      key,
      valueCents: row.valueCents,
      declarations: row.declarations,
      share: share(row.valueCents, totalCents),
      yoyGrowth: yoyGrowth(row.valueCents, row.baseCents),
    }));
  if (group === 'period') rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  else rows.sort((a, b) => (b.valueCents > a.valueCents ? 1 : b.valueCents < a.valueCents ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { rows, totalCents, totalDeclarations };
}

/**
 * Grouped by period, a month's base is the same month a year earlier, which is another stored
 * group: SQL returns plain monthly sums over both years, and this pairs them up.
 */
export function pairPeriodsWithYearBefore(monthly: ReadonlyMap<number, { valueCents: bigint; declarations: number }>, from: number, to: number): StoredGroup[] {
  const groups: StoredGroup[] = [];
  for (const [key, month] of monthly) {
    if (key < from || key > to) continue;
    groups.push({ key, valueCents: month.valueCents, declarations: month.declarations, baseCents: monthly.get(previousYearKey(key))?.valueCents ?? 0n });
  }
  return groups;
}
