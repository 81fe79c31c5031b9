import { GRANT_PURPOSES, Money, TIERS } from '@westgate/domain';
import fc from 'fast-check';
import { checkEligibility, tierInCycle, type EligibilityEnterprise, type EligibilityInput } from './eligibility.rules';

const cny = (value: string) => Money.parse(value, 'CNY');

const active: EligibilityEnterprise = { status: 'ACTIVE', sectors: ['AGRICULTURAL'], designations: [{ cycle: 2026, tier: 'BACKBONE' }] };

function input(overrides: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    enterpriseId: '5d4c3b2a-1111-4222-8333-444455556666',
    enterprise: active,
    programme: {
      cycle: 2026,
      eligibleTiers: ['BACKBONE'],
      eligibleSectors: null,
      purposes: ['EXPORT_EXPANSION'],
      maxGrantPerEnterprise: cny('500000'),
      opensAt: new Date('2026-01-01T00:00:00Z'),
      closesAt: new Date('2027-01-01T00:00:00Z'),
    },
    purpose: 'EXPORT_EXPANSION',
    requestedAmount: cny('200000'),
    otherLiveAmount: cny('0'),
    now: new Date('2026-06-01T00:00:00Z'),
    ...overrides,
  };
}

const rules = (i: EligibilityInput) => checkEligibility(i).map((reason) => reason.rule);

describe('eligibility rules', () => {
  it('an eligible application fails nothing', () => {
    expect(checkEligibility(input())).toEqual([]);
  });

  it('an unknown enterprise is reported, and enterprise rules are not guessed', () => {
    expect(rules(input({ enterprise: undefined }))).toEqual(['ENTERPRISE_UNKNOWN']);
  });

  it('an inactive enterprise', () => {
    expect(rules(input({ enterprise: { ...active, status: 'INACTIVE' } }))).toEqual(['ENTERPRISE_INACTIVE']);
  });

  it('the tier is the designation of the programme cycle, NONE without one', () => {
    const designations = [{ cycle: 2025, tier: 'BACKBONE' as const }, { cycle: 2026, tier: 'POTENTIAL' as const }];
    expect(tierInCycle(designations, 2026)).toBe('POTENTIAL');
    expect(tierInCycle(designations, 2027)).toBe('NONE');
    const base = input();
    const lastYear = input({ enterprise: { ...active, designations: [{ cycle: 2025, tier: 'BACKBONE' }] } });
    expect(checkEligibility(lastYear)).toEqual([expect.objectContaining({ rule: 'TIER_NOT_ELIGIBLE', tier: 'NONE', cycle: 2026 })]);
    const noneAllowed = input({ enterprise: { ...active, designations: [] }, programme: { ...base.programme, eligibleTiers: ['NONE'] } });
    expect(checkEligibility(noneAllowed)).toEqual([]);
  });

  it('sectors: any overlap is enough; no list means every sector', () => {
    const base = input();
    const programme = { ...base.programme, eligibleSectors: ['HIGH_TECH', 'MECHANICAL_ELECTRICAL'] };
    expect(rules(input({ programme }))).toEqual(['SECTOR_NOT_ELIGIBLE']);
    expect(rules(input({ programme, enterprise: { ...active, sectors: ['AGRICULTURAL', 'HIGH_TECH'] } }))).toEqual([]);
    expect(rules(input({ programme: { ...base.programme, eligibleSectors: [] } }))).toEqual([]);
  });

  it('purpose must be one the programme funds', () => {
    expect(rules(input({ purpose: 'TRADE_FAIR' }))).toEqual(['PURPOSE_NOT_ALLOWED']);
  });

  it('the window is [opensAt, closesAt)', () => {
    const { programme } = input();
    expect(rules(input({ now: programme.opensAt }))).toEqual([]);
    expect(rules(input({ now: new Date(programme.opensAt.getTime() - 1) }))).toEqual(['WINDOW_CLOSED']);
    expect(rules(input({ now: programme.closesAt }))).toEqual(['WINDOW_CLOSED']);
  });

  it('the maximum per enterprise counts its other live applications, to the cent', () => {
    expect(rules(input({ requestedAmount: cny('500000.00') }))).toEqual([]);
    expect(rules(input({ requestedAmount: cny('500000.01') }))).toEqual(['AMOUNT_ABOVE_MAX']);
    expect(rules(input({ requestedAmount: cny('300000'), otherLiveAmount: cny('200000.00') }))).toEqual([]);
    expect(checkEligibility(input({ requestedAmount: cny('300000'), otherLiveAmount: cny('200000.01') }))).toEqual([
      expect.objectContaining({ rule: 'AMOUNT_ABOVE_MAX', requestedAmount: '300000.00', otherLiveAmount: '200000.01', maxGrantPerEnterprise: '500000.00' }),
    ]);
  });

  it('lists every failed rule at once', () => {
    const base = input();
    const everything = input({
      enterprise: { status: 'INACTIVE', sectors: ['OTHER'], designations: [] },
      programme: { ...base.programme, eligibleSectors: ['HIGH_TECH'] },
      purpose: 'ZONE_INVESTMENT',
      requestedAmount: cny('999999'),
      now: new Date('2030-01-01T00:00:00Z'),
    });
    expect(rules(everything)).toEqual([
      'ENTERPRISE_INACTIVE',
      'TIER_NOT_ELIGIBLE',
      'SECTOR_NOT_ELIGIBLE',
      'PURPOSE_NOT_ALLOWED',
      'WINDOW_CLOSED',
      'AMOUNT_ABOVE_MAX',
    ]);
  });

  it('each reason has a message, and the verdict only depends on which rules fail', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TIERS),
        fc.subarray([...TIERS], { minLength: 1 }),
        fc.constantFrom(...GRANT_PURPOSES),
        fc.subarray([...GRANT_PURPOSES], { minLength: 1 }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        (tier, eligibleTiers, purpose, purposes, requested, others) => {
          const base = input();
          const reasons = checkEligibility(
            input({
              enterprise: { ...active, designations: tier === 'NONE' ? [] : [{ cycle: 2026, tier }] },
              programme: { ...base.programme, eligibleTiers, purposes },
              purpose,
              requestedAmount: Money.fromMinor(requested, 'CNY'),
              otherLiveAmount: Money.fromMinor(others, 'CNY'),
            }),
          );
          reasons.forEach((reason) => expect(reason.message.length).toBeGreaterThan(0));
          expect(reasons.some((r) => r.rule === 'TIER_NOT_ELIGIBLE')).toBe(!eligibleTiers.includes(tier));
          expect(reasons.some((r) => r.rule === 'PURPOSE_NOT_ALLOWED')).toBe(!purposes.includes(purpose));
          expect(reasons.some((r) => r.rule === 'AMOUNT_ABOVE_MAX')).toBe(requested + others > 50_000_000n);
        },
      ),
      { numRuns: 300 },
    );
  });
});
