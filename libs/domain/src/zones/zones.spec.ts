import { isRegionCode } from '../regions/regions';
import { findZone, isZoneCode, ZONE_CODE_PATTERN, ZONE_KINDS, ZONES, zonesOfKind } from './zones';

describe('zones catalogue', () => {
  it('contains the zones the programme names', () => {
    const codes = ZONES.map((z) => z.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'URUMQI-ETDZ', 'URUMQI-HTZ', 'SHIHEZI-ETDZ', 'KASHGAR-EDZ', 'KHORGOS-EDZ',
        'YINING-BECZ', 'BOLE-BECZ', 'TACHENG-BECZ', 'JEMINAY-BECZ',
        'ALASHANKOU-CBZ', 'KASHGAR-CBZ', 'URUMQI-CBZ', 'KHORGOS-ICBC', 'URUMQI-EPZ',
      ]),
    );
  });

  it('has unique well-formed codes, names in both languages, and a known region for each zone', () => {
    expect(new Set(ZONES.map((z) => z.code)).size).toBe(ZONES.length);
    ZONES.forEach((zone) => {
      expect(zone.code).toMatch(ZONE_CODE_PATTERN);
      expect(zone.name).not.toBe('');
      expect(zone.nameZh).toMatch(/\p{Script=Han}/u);
      expect(isRegionCode(zone.regionCode)).toBe(true);
    });
  });

  it('has at least one zone of every kind', () => {
    ZONE_KINDS.forEach((kind) => expect(zonesOfKind(kind).length).toBeGreaterThan(0));
  });

  it('finds zones by exact code', () => {
    expect(findZone('YINING-BECZ')).toMatchObject({ kind: 'BORDER_ECONOMIC_COOPERATION_ZONE', regionCode: '654000' });
    expect(findZone('ALASHANKOU-CBZ')?.kind).toBe('COMPREHENSIVE_BONDED_ZONE');
    expect(findZone('KHORGOS-ICBC')?.kind).toBe('COOPERATION_CENTRE');
    expect(findZone('yining-becz')).toBeUndefined();
    expect(isZoneCode('URUMQI-ETDZ')).toBe(true);
    expect(isZoneCode('NOWHERE-ETDZ')).toBe(false);
    expect(isZoneCode(undefined)).toBe(false);
  });
});
