import fc from 'fast-check';
import { COUNTRY_CODES, isCountryCode } from './countries';
import {
  isBordering,
  isBorderingOrCentralAsian,
  isCentralAsian,
  isPartnerRegion,
  PARTNER_REGION_MEMBERS,
  PARTNER_REGION_PRECEDENCE,
  partnerRegionOf,
} from './partner-regions';

describe('partner regions', () => {
  it('BORDERING is the eight neighbours of the region', () => {
    expect([...PARTNER_REGION_MEMBERS.BORDERING].sort()).toEqual(['AF', 'IN', 'KG', 'KZ', 'MN', 'PK', 'RU', 'TJ']);
  });

  it('lists only assigned country codes, each once per region', () => {
    Object.values(PARTNER_REGION_MEMBERS).forEach((members) => {
      members.forEach((code) => expect(isCountryCode(code)).toBe(true));
      expect(new Set(members).size).toBe(members.length);
    });
  });

  it.each([
    ['KZ', 'BORDERING'],
    ['KG', 'BORDERING'],
    ['TJ', 'BORDERING'],
    ['RU', 'BORDERING'],
    ['PK', 'BORDERING'],
    ['MN', 'BORDERING'],
    ['UZ', 'CENTRAL_ASIA'],
    ['TM', 'CENTRAL_ASIA'],
    ['BD', 'SOUTH_ASIA'],
    ['IR', 'SOUTH_ASIA'],
    ['TR', 'WEST_ASIA'],
    ['AE', 'WEST_ASIA'],
    ['DE', 'EUROPE'],
    ['BY', 'EUROPE'],
    ['US', 'OTHER'],
    ['CN', 'OTHER'],
    ['ZZ', 'OTHER'],
  ])('%s → %s', (code, region) => {
    expect(partnerRegionOf(code)).toBe(region);
  });

  it('isCentralAsian follows membership, not precedence; the KPI counts each country once', () => {
    expect(['KZ', 'KG', 'TJ', 'UZ', 'TM'].every(isCentralAsian)).toBe(true);
    expect(isCentralAsian('RU')).toBe(false);
    expect(isBordering('UZ')).toBe(false);
    expect(COUNTRY_CODES.filter(isBorderingOrCentralAsian).sort()).toEqual(['AF', 'IN', 'KG', 'KZ', 'MN', 'PK', 'RU', 'TJ', 'TM', 'UZ']);
  });

  it('the primary region of any country is the first region in precedence that lists it, else OTHER', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COUNTRY_CODES), (code) => {
        const region = partnerRegionOf(code);
        expect(isPartnerRegion(region)).toBe(true);
        const listing = PARTNER_REGION_PRECEDENCE.filter((r) => (PARTNER_REGION_MEMBERS[r] as readonly string[]).includes(code));
        expect(region).toBe(listing[0] ?? 'OTHER');
      }),
    );
  });
});
