/** A stored dimension of the roll-up tables (see the migration and dimensions.rules.ts). */
export type CubeColumn = 'uscc' | 'period' | 'flow' | 'hs_chapter' | 'category_mask' | 'partner_country' | 'tier' | 'zone';

export interface RollupCube {
  readonly table: string;
  /** The primary key, in its order. */
  readonly keys: readonly CubeColumn[];
}

function cube(table: string, ...keys: CubeColumn[]): RollupCube {
  return Object.freeze({ table, keys: Object.freeze(keys) });
}

/** Every roll-up table. Tier and zone are stored in the `org` ones; the `enterprise` ones get them from the projection. */
export const CUBES = {
  enterprise: cube('rollup_enterprise', 'uscc', 'period', 'flow', 'hs_chapter', 'category_mask', 'partner_country'),
  enterpriseMonth: cube('rollup_enterprise_month', 'uscc', 'period', 'flow'),
  org: cube('rollup_org', 'period', 'flow', 'tier', 'zone'),
  orgCommodity: cube('rollup_org_commodity', 'period', 'flow', 'tier', 'zone', 'hs_chapter', 'category_mask'),
  orgPartner: cube('rollup_org_partner', 'period', 'flow', 'tier', 'zone', 'partner_country'),
  commodityPartner: cube('rollup_commodity_partner', 'period', 'flow', 'hs_chapter', 'category_mask', 'partner_country'),
  commodity: cube('rollup_commodity', 'period', 'flow', 'hs_chapter', 'category_mask'),
  partner: cube('rollup_partner', 'period', 'flow', 'partner_country'),
} as const;

/** The cubes that hold tier and zone themselves: re-derived when the registry changes an enterprise. */
export const ORG_CUBES: readonly RollupCube[] = [CUBES.orgCommodity, CUBES.orgPartner, CUBES.org];

/**
 * The order in which every ingest transaction updates the cubes. The same order everywhere, and
 * each upsert sorted by key, so that concurrent transactions lock rows in one global order and
 * never deadlock. The per-enterprise cubes come first (consumers of different partitions touch
 * disjoint rows there, since a USCC lives in one partition); the small shared cubes last, so
 * their row locks are held for the shortest time before the commit.
 */
export const INGEST_ORDER: readonly RollupCube[] = [
  CUBES.enterprise,
  CUBES.enterpriseMonth,
  CUBES.orgCommodity,
  CUBES.orgPartner,
  CUBES.commodityPartner,
  CUBES.org,
  CUBES.commodity,
  CUBES.partner,
];

/** `INSERT … SELECT … GROUP BY … ORDER BY … ON CONFLICT DO UPDATE` adding the rows of `source` to a cube. */
export function upsertFrom(target: RollupCube, source: string, columns: Partial<Record<CubeColumn, string>> = {}): string {
  const keys = target.keys.join(', ');
  const select = target.keys.map((key) => (columns[key] ? `${columns[key]} AS ${key}` : key)).join(', ');
  const positions = target.keys.map((_, i) => i + 1).join(', ');
  return `INSERT INTO ${target.table} (${keys}, value_usd, declarations)
    SELECT ${select}, sum(value_usd), sum(declarations)::integer FROM ${source}
    GROUP BY ${positions} ORDER BY ${positions}
    ON CONFLICT (${keys}) DO UPDATE SET value_usd = ${target.table}.value_usd + excluded.value_usd,
      declarations = ${target.table}.declarations + excluded.declarations`;
}

/** Advisory lock between ingestion (shared) and re-deriving tier/zone (exclusive): see apply-enterprise-state. */
export const ROLLUP_DIMENSIONS_LOCK = 5_741_290_311;
