import { ENTERPRISE_STATUSES, isEnterpriseStatus } from './enterprise-status';
import { GRANT_PURPOSES, isGrantPurpose } from './grant-purpose';
import { isRole, ROLES, STAFF_ROLES } from './role';
import { DESIGNATED_TIERS, isDesignatedTier, isTier, TIER_QUOTA_PER_CYCLE, TIERS } from './tier';
import { isTradeFlow, TRADE_FLOWS } from './trade-flow';
import { isTradeMode, resolveTradeMode, TRADE_MODES } from './trade-mode';

// These values are the binding HTTP contract (API.md): a rename here breaks every client.
describe('enumerations of the API contract', () => {
  it.each([
    ['tiers', TIERS, ['BACKBONE', 'POTENTIAL', 'NONE'], isTier],
    ['designated tiers', DESIGNATED_TIERS, ['BACKBONE', 'POTENTIAL'], isDesignatedTier],
    ['trade flows', TRADE_FLOWS, ['EXPORT', 'IMPORT'], isTradeFlow],
    ['enterprise statuses', ENTERPRISE_STATUSES, ['ACTIVE', 'INACTIVE'], isEnterpriseStatus],
    [
      'grant purposes',
      GRANT_PURPOSES,
      ['EXPORT_EXPANSION', 'TECHNOLOGY_IMPORT', 'EQUIPMENT_IMPORT', 'TRADE_FAIR', 'MARKET_DEVELOPMENT', 'ZONE_INVESTMENT'],
      isGrantPurpose,
    ],
    ['roles', ROLES, ['admin', 'officer', 'reviewer', 'analyst', 'enterprise'], isRole],
    ['trade modes', TRADE_MODES, ['GENERAL_TRADE', 'PROCESSING_TRADE', 'BORDER_SMALL_SCALE', 'BONDED_LOGISTICS', 'OTHER'], isTradeMode],
  ] as const)('%s', (_, values, expected, guard: (value: unknown) => boolean) => {
    expect(values).toEqual(expected);
    values.forEach((value) => expect(guard(value)).toBe(true));
    expect(guard(values[0].toLowerCase() === values[0] ? values[0].toUpperCase() : values[0].toLowerCase())).toBe(false);
    expect(guard(undefined)).toBe(false);
  });

  it('limits each designated tier to 100 enterprises per cycle', () => {
    expect(TIER_QUOTA_PER_CYCLE).toBe(100);
    expect(isDesignatedTier('NONE')).toBe(false);
  });

  it('staff roles are every role but enterprise', () => {
    expect(STAFF_ROLES).toEqual(ROLES.filter((r) => r !== 'enterprise'));
  });

  it('reads a trade mode in any case, with spaces or hyphens for underscores', () => {
    TRADE_MODES.forEach((mode) => expect(resolveTradeMode(mode)).toBe(mode));
    expect(resolveTradeMode('general_trade')).toBe('GENERAL_TRADE');
    expect(resolveTradeMode(' General Trade ')).toBe('GENERAL_TRADE');
    expect(resolveTradeMode('border-small-scale')).toBe('BORDER_SMALL_SCALE');
    expect(resolveTradeMode('Bonded  Logistics')).toBe('BONDED_LOGISTICS');
    for (const value of ['0110', 'BARTER', 'GENERALTRADE', '_OTHER', '', 'toString', undefined, 1]) expect(resolveTradeMode(value)).toBeUndefined();
  });
});
