import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { EnterpriseStateV1 } from '@westgate/contracts';
import { currentTier, diffChanges, toEnterpriseState, toView, type EnterpriseRecord, type LiveDesignation } from './enterprise.rules';

const record: EnterpriseRecord = {
  id: '0193a0b2-7c4e-7a31-9d2f-0123456789ab',
  uscc: '91650100MA77T9XU4D',
  name: 'Tianshan Agricultural Export Co., Ltd.',
  nameLocal: null,
  region: '650100',
  zoneCode: 'URUMQI-ETDZ',
  sectors: ['AGRICULTURAL'],
  contactEmail: 'trade@tianshan.example.cn',
  address: null,
  foundedOn: '2009-04-01',
  tradeModes: [],
  status: 'ACTIVE',
  version: 3,
  createdAt: '2026-01-05T08:00:00.000Z',
  updatedAt: '2026-02-01T08:00:00.000Z',
};

const designations: LiveDesignation[] = [
  { cycle: 2026, tier: 'POTENTIAL', reason: 'growth', designatedAt: '2026-01-10T00:00:00.000Z', designatedBy: 'admin-1' },
  { cycle: 2025, tier: 'BACKBONE', reason: 'size', designatedAt: '2025-01-10T00:00:00.000Z', designatedBy: 'admin-1' },
];

describe('current tier', () => {
  it('is the designation of the current cycle', () => {
    expect(currentTier(designations, 2026)).toBe('POTENTIAL');
    expect(currentTier(designations, 2025)).toBe('BACKBONE');
  });

  it('is NONE without a designation in the current cycle', () => {
    expect(currentTier(designations, 2027)).toBe('NONE');
    expect(currentTier([], 2026)).toBe('NONE');
  });
});

describe('diffChanges', () => {
  it('keeps only the fields that really change, with their old and new values', () => {
    const { changes, before, after } = diffChanges(record, {
      name: record.name,
      sectors: ['AGRICULTURAL', 'HIGH_TECH'],
      zoneCode: null,
      tradeModes: [],
    });
    expect(changes).toEqual({ sectors: ['AGRICULTURAL', 'HIGH_TECH'], zoneCode: null });
    expect(before).toEqual({ sectors: ['AGRICULTURAL'], zoneCode: 'URUMQI-ETDZ' });
    expect(after).toEqual(changes);
  });

  it('finds no change in an empty or identical patch', () => {
    expect(diffChanges(record, {}).changes).toEqual({});
    expect(diffChanges(record, { sectors: ['AGRICULTURAL'], foundedOn: '2009-04-01' }).changes).toEqual({});
  });

  it('treats a reordered list as a change (order is what the caller gave)', () => {
    const twoSectors = { ...record, sectors: ['AGRICULTURAL', 'HIGH_TECH'] as EnterpriseRecord['sectors'] };
    expect(diffChanges(twoSectors, { sectors: ['HIGH_TECH', 'AGRICULTURAL'] }).changes).toHaveProperty('sectors');
  });
});

describe('event state', () => {
  it('carries every live designation, oldest cycle first, and satisfies the contract', () => {
    const state = toEnterpriseState(toView(record, designations, 2026));
    expect(state.designations).toEqual([
      { cycle: 2025, tier: 'BACKBONE', designatedAt: '2025-01-10T00:00:00.000Z' },
      { cycle: 2026, tier: 'POTENTIAL', designatedAt: '2026-01-10T00:00:00.000Z' },
    ]);
    expect(state).toMatchObject({ id: record.id, version: 3, status: 'ACTIVE', region: '650100' });
    expect(validateSync(plainToInstance(EnterpriseStateV1, state), { forbidUnknownValues: true })).toEqual([]);
  });
});
