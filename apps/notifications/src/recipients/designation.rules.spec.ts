import { changedDesignation } from './designation.rules';

describe('changedDesignation', () => {
  const b2025 = { cycle: 2025, tier: 'BACKBONE' as const, designatedAt: '2025-02-01T00:00:00Z' };
  const p2026 = { cycle: 2026, tier: 'POTENTIAL' as const, designatedAt: '2026-02-01T00:00:00Z' };

  it('names the designation added', () => {
    expect(changedDesignation('granted', [b2025], [b2025, p2026])).toEqual(p2026);
  });

  it('names the designation removed', () => {
    expect(changedDesignation('revoked', [b2025, p2026], [b2025])).toEqual(p2026);
  });

  it('without a previous state, takes the newest designation, and cannot tell a revocation', () => {
    expect(changedDesignation('granted', undefined, [b2025, p2026])).toEqual(p2026);
    expect(changedDesignation('revoked', undefined, [b2025])).toBeUndefined();
  });

  it('finds nothing when nothing changed', () => {
    expect(changedDesignation('granted', [b2025], [b2025])).toBeUndefined();
    expect(changedDesignation('revoked', [b2025], [b2025])).toBeUndefined();
  });
});
