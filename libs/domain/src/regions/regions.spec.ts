import { findRegion, isRegionCode, REGIONS, resolveRegion } from './regions';

describe('regions', () => {
  it('lists the fourteen prefecture-level divisions of the region', () => {
    const prefectures = REGIONS.filter((r) => r.kind !== 'SUB_REGIONAL_CITY').map((r) => r.code);
    expect(prefectures).toEqual([
      '650100', '650200', '650400', '650500', '652300', '652700', '652800',
      '652900', '653000', '653100', '653200', '654000', '654200', '654300',
    ]);
  });

  it('has unique 6-digit GB/T 2260 codes of the autonomous region (65…)', () => {
    REGIONS.forEach((r) => expect(r.code).toMatch(/^65\d{4}$/));
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(REGIONS.length);
  });

  it('resolves every name of every region to that region, never to another', () => {
    REGIONS.forEach((region) => {
      [region.code, region.name, region.fullName, region.nameZh, ...region.aliases].forEach((key) => expect(resolveRegion(key)).toBe(region.code));
    });
  });

  it.each([
    ['650100', '650100'],
    ['Urumqi', '650100'],
    ['URUMQI', '650100'],
    ['  urumqi ', '650100'],
    ['Ürümqi', '650100'],
    ['乌鲁木齐市', '650100'],
    ['乌鲁木齐', '650100'],
    ['Ili Kazakh Autonomous Prefecture', '654000'],
    ['ili kazakh  autonomous prefecture', '654000'],
    ['伊犁', '654000'],
    ['伊犁哈萨克自治州', '654000'],
    ['Kashi', '653100'],
    ['Kashgar', '653100'],
    ['喀什', '653100'],
    ['巴音郭楞', '652800'],
    ['Shihezi', '659001'],
  ])('resolves %j to %s', (input, code) => {
    expect(resolveRegion(input)).toBe(code);
  });

  it.each(['Beijing', '110000', '650000', '65010', '', 'Urumq', 42, null, undefined])('does not resolve %j', (input) => {
    expect(resolveRegion(input)).toBeUndefined();
  });

  it('finds a region by code only', () => {
    expect(findRegion('653100')?.name).toBe('Kashgar');
    expect(findRegion('Kashgar')).toBeUndefined();
    expect(isRegionCode('654000')).toBe(true);
    expect(isRegionCode('Ili')).toBe(false);
  });
});
