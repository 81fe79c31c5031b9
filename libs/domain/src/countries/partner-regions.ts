import type { CountryCode } from './countries';

/** Groups of trading partners used in the programme's statistics and KPIs. */
export const PARTNER_REGIONS = ['BORDERING', 'CENTRAL_ASIA', 'SOUTH_ASIA', 'WEST_ASIA', 'EUROPE', 'OTHER'] as const;
export type PartnerRegion = (typeof PARTNER_REGIONS)[number];

/**
 * Members of each region. A country may be listed in more than one region (Kazakhstan borders
 * the region and is Central Asian); `partnerRegionOf` picks one by `PARTNER_REGION_PRECEDENCE`.
 *
 * Sources: BORDERING — the eight countries on the border of the Xinjiang Uygur Autonomous Region
 * (programme brief); the others — UN M49 standard geographic regions (Central Asia, Southern
 * Asia, Western Asia, Europe). M49 is followed as published, so Iran is Southern Asia and Cyprus
 * Western Asia. OTHER has no member list: it is whatever is left.
 */
export const PARTNER_REGION_MEMBERS: Readonly<Record<Exclude<PartnerRegion, 'OTHER'>, readonly CountryCode[]>> = {
  BORDERING: ['MN', 'RU', 'KZ', 'KG', 'TJ', 'AF', 'PK', 'IN'],
  CENTRAL_ASIA: ['KZ', 'KG', 'TJ', 'UZ', 'TM'],
  SOUTH_ASIA: ['AF', 'BD', 'BT', 'IN', 'IR', 'LK', 'MV', 'NP', 'PK'],
  WEST_ASIA: ['AE', 'AM', 'AZ', 'BH', 'CY', 'GE', 'IL', 'IQ', 'JO', 'KW', 'LB', 'OM', 'PS', 'QA', 'SA', 'SY', 'TR', 'YE'],
  EUROPE: [
    // Eastern Europe
    'BG', 'BY', 'CZ', 'HU', 'MD', 'PL', 'RO', 'RU', 'SK', 'UA',
    // Northern Europe
    'AX', 'DK', 'EE', 'FI', 'FO', 'GB', 'GG', 'IE', 'IM', 'IS', 'JE', 'LT', 'LV', 'NO', 'SE', 'SJ',
    // Southern Europe
    'AD', 'AL', 'BA', 'ES', 'GI', 'GR', 'HR', 'IT', 'ME', 'MK', 'MT', 'PT', 'RS', 'SI', 'SM', 'VA',
    // Western Europe
    'AT', 'BE', 'CH', 'DE', 'FR', 'LI', 'LU', 'MC', 'NL',
  ],
};

/**
 * The rule for a country in several regions: the first region that lists it wins. BORDERING
 * comes first because the programme's policy is about the neighbours, so Kazakhstan, Kyrgyzstan
 * and Tajikistan count as BORDERING, and Afghanistan, Pakistan and India not as SOUTH_ASIA.
 */
export const PARTNER_REGION_PRECEDENCE = ['BORDERING', 'CENTRAL_ASIA', 'SOUTH_ASIA', 'WEST_ASIA', 'EUROPE'] as const;

/** The single primary region of a country (see `PARTNER_REGION_PRECEDENCE`); OTHER for anything unlisted. */
export function partnerRegionOf(code: string): PartnerRegion {
  return PARTNER_REGION_PRECEDENCE.find((region) => (PARTNER_REGION_MEMBERS[region] as readonly string[]).includes(code)) ?? 'OTHER';
}

export function isBordering(code: string): boolean {
  return (PARTNER_REGION_MEMBERS.BORDERING as readonly string[]).includes(code);
}

/** Membership of UN M49 Central Asia, regardless of precedence (Kazakhstan is Central Asian). */
export function isCentralAsian(code: string): boolean {
  return (PARTNER_REGION_MEMBERS.CENTRAL_ASIA as readonly string[]).includes(code);
}

/** For the KPI "share of trade with bordering and Central Asian countries": each country counted once. */
export function isBorderingOrCentralAsian(code: string): boolean {
  return isBordering(code) || isCentralAsian(code);
}

export function isPartnerRegion(value: unknown): value is PartnerRegion {
  return typeof value === 'string' && (PARTNER_REGIONS as readonly string[]).includes(value);
}
