import { findZone, isCommodityCategory, isRegionCode, isValidUscc } from '@westgate/domain';
import { demoEnterprises, seededRandom } from './registry.seed';

describe('registry demo data', () => {
  const enterprises = demoEnterprises();

  it('is the same on every run', () => {
    expect(demoEnterprises()).toEqual(enterprises);
    expect(seededRandom(7)()).toBe(seededRandom(7)());
  });

  it('has a few hundred enterprises with unique valid USCCs and names', () => {
    expect(enterprises.length).toBeGreaterThanOrEqual(300);
    expect(enterprises.every((e) => isValidUscc(e.uscc))).toBe(true);
    expect(new Set(enterprises.map((e) => e.uscc)).size).toBe(enterprises.length);
    expect(new Set(enterprises.map((e) => e.name)).size).toBe(enterprises.length);
  });

  it('spreads them over prefectures, zones of their own prefecture and sectors', () => {
    expect(enterprises.every((e) => isRegionCode(e.region) && e.uscc.slice(2, 8) === e.region)).toBe(true);
    expect(enterprises.every((e) => e.zoneCode === undefined || findZone(e.zoneCode)?.regionCode === e.region)).toBe(true);
    expect(enterprises.every((e) => e.sectors.length > 0 && e.sectors.every(isCommodityCategory))).toBe(true);
    expect(new Set(enterprises.map((e) => e.region)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(enterprises.flatMap((e) => (e.zoneCode ? [e.zoneCode] : []))).size).toBeGreaterThanOrEqual(15);
    expect(new Set(enterprises.flatMap((e) => e.sectors)).size).toBe(10);
  });
});
