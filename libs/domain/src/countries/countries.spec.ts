import { COUNTRY_CODES, COUNTRY_NAMES, countryName, isCountryCode } from './countries';

describe('ISO 3166-1 alpha-2 catalogue', () => {
  it('holds the 249 officially assigned codes, each two upper-case letters, in order', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    COUNTRY_CODES.forEach((code) => expect(code).toMatch(/^[A-Z]{2}$/));
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
  });

  it('gives every code a distinct English name', () => {
    const names = Object.values(COUNTRY_NAMES);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each([
    ['KZ', 'Kazakhstan'],
    ['KG', 'Kyrgyzstan'],
    ['CN', 'China'],
    ['GB', 'United Kingdom of Great Britain and Northern Ireland'],
    ['AX', 'Åland Islands'],
  ])('names %s %s', (code, name) => {
    expect(countryName(code)).toBe(name);
  });

  it.each(['UK', 'XK', 'EU', 'kz', 'KAZ', '', 'toString', '__proto__', 'constructor'])('does not know %j', (value) => {
    expect(isCountryCode(value)).toBe(false);
    expect(countryName(value)).toBeUndefined();
  });

  it('rejects non-strings', () => {
    expect(isCountryCode(undefined)).toBe(false);
    expect(isCountryCode(['KZ'])).toBe(false);
  });
});
