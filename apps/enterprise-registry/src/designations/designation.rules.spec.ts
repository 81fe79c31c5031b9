import { quotaView } from './designation.rules';

describe('quotaView', () => {
  it('reports each tier of the cycle, with the policy limit of 100 where nothing was used yet', () => {
    expect(quotaView(2026, [{ tier: 'BACKBONE', used: 100, quotaLimit: 100 }])).toEqual({
      cycle: 2026,
      BACKBONE: { used: 100, limit: 100, available: 0 },
      POTENTIAL: { used: 0, limit: 100, available: 100 },
    });
  });
});
