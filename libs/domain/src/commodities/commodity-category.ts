/** Commodity categories of the programme: tags over HS codes that may overlap. */
export const COMMODITY_CATEGORIES = [
  'AGRICULTURAL',
  'BUILDING_MATERIALS',
  'MECHANICAL_ELECTRICAL',
  'HIGH_TECH',
  'TEXTILES_LIGHT',
  'CRUDE_OIL',
  'IRON_ORE',
  'ENERGY_BULK',
  'NEW_MATERIALS',
  'OTHER',
] as const;
export type CommodityCategory = (typeof COMMODITY_CATEGORIES)[number];

/** The exports the policy sets out to expand: agricultural, building materials, M&E and high-tech. */
export const ENCOURAGED_EXPORT_CATEGORIES = ['AGRICULTURAL', 'BUILDING_MATERIALS', 'MECHANICAL_ELECTRICAL', 'HIGH_TECH'] as const satisfies readonly CommodityCategory[];

/** The imports the policy wants to keep growing steadily: crude oil, iron ore and bulk energy. */
export const STEADY_IMPORT_CATEGORIES = ['CRUDE_OIL', 'IRON_ORE', 'ENERGY_BULK'] as const satisfies readonly CommodityCategory[];

export function isCommodityCategory(value: unknown): value is CommodityCategory {
  return typeof value === 'string' && (COMMODITY_CATEGORIES as readonly string[]).includes(value);
}
