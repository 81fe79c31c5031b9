/** What a support application asks money for; a programme lists the purposes it funds. */
export const GRANT_PURPOSES = [
  'EXPORT_EXPANSION',
  'TECHNOLOGY_IMPORT',
  'EQUIPMENT_IMPORT',
  'TRADE_FAIR',
  'MARKET_DEVELOPMENT',
  'ZONE_INVESTMENT',
] as const;
export type GrantPurpose = (typeof GRANT_PURPOSES)[number];

export function isGrantPurpose(value: unknown): value is GrantPurpose {
  return typeof value === 'string' && (GRANT_PURPOSES as readonly string[]).includes(value);
}
