import { findTradeFair, isKnownTradeFairCode, isTradeFairCode, KNOWN_TRADE_FAIR_CODES, OTHER_TRADE_FAIR_CODE_PATTERN, TRADE_FAIRS } from './trade-fairs';

describe('trade fairs', () => {
  it('describes the three fairs the policy names, in their cities', () => {
    expect(TRADE_FAIRS.map((f) => [f.code, f.city])).toEqual([
      ['ASIA_EUROPE_EXPO', 'Urumqi'],
      ['KASHGAR_FAIR', 'Kashgar'],
      ['HARBIN_FAIR', 'Harbin'],
    ]);
  });

  it('known codes also satisfy the rule for other codes, so one check covers both', () => {
    KNOWN_TRADE_FAIR_CODES.forEach((code) => expect(code).toMatch(OTHER_TRADE_FAIR_CODE_PATTERN));
  });

  it.each(['ASIA_EUROPE_EXPO', 'CANTON_FAIR', 'CIIE', 'EXPO_2026', `A${'B'.repeat(39)}`])('accepts %s', (code) => {
    expect(isTradeFairCode(code)).toBe(true);
  });

  it.each(['canton_fair', 'AB', '1FAIR', '_FAIR', 'CANTON-FAIR', 'CANTON FAIR', `A${'B'.repeat(40)}`, 42])('rejects %j', (code) => {
    expect(isTradeFairCode(code)).toBe(false);
  });

  it('tells known fairs apart from other codes', () => {
    expect(isKnownTradeFairCode('KASHGAR_FAIR')).toBe(true);
    expect(isKnownTradeFairCode('CANTON_FAIR')).toBe(false);
    expect(findTradeFair('HARBIN_FAIR')?.nameZh).toContain('俄罗斯');
    expect(findTradeFair('CANTON_FAIR')).toBeUndefined();
  });
});
