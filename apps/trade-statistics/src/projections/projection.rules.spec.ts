import { dimensionMoves, dimensionsDiffer, tiersFromDesignations, UNKNOWN_ENTERPRISE, zoneOrNone } from './projection.rules';

describe('re-deriving tier and zone', () => {
  const tiers = tiersFromDesignations([
    { cycle: 2025, tier: 'BACKBONE' },
    { cycle: 2026, tier: 'POTENTIAL' },
  ]);

  it('moves every year with data when the zone changes', () => {
    const before = { tiers, zone: 'NONE' };
    const after = { tiers, zone: 'YINING-BECZ' };
    expect(dimensionsDiffer(before, after)).toBe(true);
    expect(dimensionMoves(before, after, [2024, 2025])).toEqual([
      { year: 2024, fromTier: 'NONE', fromZone: 'NONE', toTier: 'NONE', toZone: 'YINING-BECZ' },
      { year: 2025, fromTier: 'BACKBONE', fromZone: 'NONE', toTier: 'BACKBONE', toZone: 'YINING-BECZ' },
    ]);
  });

  it('moves only the years whose tier changed, and only if they have data', () => {
    const after = { tiers: tiersFromDesignations([{ cycle: 2026, tier: 'BACKBONE' }]), zone: 'NONE' };
    expect(dimensionMoves({ tiers, zone: 'NONE' }, after, [2025, 2026])).toEqual([
      { year: 2025, fromTier: 'BACKBONE', fromZone: 'NONE', toTier: 'NONE', toZone: 'NONE' },
      { year: 2026, fromTier: 'POTENTIAL', fromZone: 'NONE', toTier: 'BACKBONE', toZone: 'NONE' },
    ]);
    expect(dimensionMoves({ tiers, zone: 'NONE' }, after, [2026])).toHaveLength(1);
  });

  it('sees nothing to do when tier and zone stay, and treats an enterprise new to the registry as NONE/NONE', () => {
    expect(dimensionsDiffer({ tiers, zone: 'A-B' }, { tiers: new Map(tiers), zone: 'A-B' })).toBe(false);
    expect(dimensionsDiffer(UNKNOWN_ENTERPRISE, { tiers: new Map(), zone: zoneOrNone(null) })).toBe(false);
    expect(zoneOrNone('')).toBe('NONE');
    expect(tiersFromDesignations([{ cycle: 2026, tier: 'NONE' }]).size).toBe(0);
  });
});
