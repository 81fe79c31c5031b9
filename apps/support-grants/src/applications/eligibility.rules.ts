import type { EnterpriseStatus, GrantPurpose, Money, Tier } from '@westgate/domain';

/** The submit-time rules of API.md; each failed one is reported, never only the first. */
export const ELIGIBILITY_RULES = [
  'ENTERPRISE_UNKNOWN',
  'ENTERPRISE_INACTIVE',
  'TIER_NOT_ELIGIBLE',
  'SECTOR_NOT_ELIGIBLE',
  'PURPOSE_NOT_ALLOWED',
  'WINDOW_CLOSED',
  'AMOUNT_ABOVE_MAX',
] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

export interface IneligibilityReason {
  readonly rule: EligibilityRule;
  readonly message: string;
  readonly [detail: string]: unknown;
}

export interface EligibilityEnterprise {
  readonly status: EnterpriseStatus;
  readonly sectors: readonly string[];
  readonly designations: ReadonlyArray<{ readonly cycle: number; readonly tier: Tier }>;
}

export interface EligibilityProgramme {
  readonly cycle: number;
  readonly eligibleTiers: readonly Tier[];
  /** Null or empty: every sector. */
  readonly eligibleSectors: readonly string[] | null;
  readonly purposes: readonly GrantPurpose[];
  readonly maxGrantPerEnterprise: Money;
  readonly opensAt: Date;
  readonly closesAt: Date;
}

export interface EligibilityInput {
  readonly enterpriseId: string;
  /** Undefined while the registry's event has not reached this service's projection. */
  readonly enterprise: EligibilityEnterprise | undefined;
  readonly programme: EligibilityProgramme;
  readonly purpose: GrantPurpose;
  readonly requestedAmount: Money;
  /** What the enterprise's other live applications in the programme ask for (or were granted). */
  readonly otherLiveAmount: Money;
  readonly now: Date;
}

/** The tier an enterprise holds in a cycle: its designation for that year, else NONE. */
export function tierInCycle(designations: EligibilityEnterprise['designations'], cycle: number): Tier {
  return designations.find((designation) => designation.cycle === cycle)?.tier ?? 'NONE';
}

/** Every rule the application fails; empty when it may be submitted. */
export function checkEligibility(input: EligibilityInput): IneligibilityReason[] {
  const { enterprise, programme } = input;
  const reasons: IneligibilityReason[] = [];

  if (enterprise === undefined) {
    reasons.push({
      rule: 'ENTERPRISE_UNKNOWN',
      message: `enterprise ${input.enterpriseId} is not known here yet; if it was just registered, retry shortly`,
      enterpriseId: input.enterpriseId,
    });
  } else {
    if (enterprise.status !== 'ACTIVE') {
      reasons.push({ rule: 'ENTERPRISE_INACTIVE', message: `the enterprise is ${enterprise.status}`, status: enterprise.status });
    }
    const tier = tierInCycle(enterprise.designations, programme.cycle);
    if (!programme.eligibleTiers.includes(tier)) {
      reasons.push({
        rule: 'TIER_NOT_ELIGIBLE',
        message: `the enterprise's tier in ${programme.cycle} is ${tier}; the programme supports ${programme.eligibleTiers.join(', ')}`,
        tier,
        cycle: programme.cycle,
        eligibleTiers: programme.eligibleTiers,
      });
    }
    const eligibleSectors = programme.eligibleSectors ?? [];
    if (eligibleSectors.length > 0 && !enterprise.sectors.some((sector) => eligibleSectors.includes(sector))) {
      reasons.push({
        rule: 'SECTOR_NOT_ELIGIBLE',
        message: `none of the enterprise's sectors (${enterprise.sectors.join(', ') || 'none'}) is among the programme's (${eligibleSectors.join(', ')})`,
        sectors: enterprise.sectors,
        eligibleSectors,
      });
    }
  }

  if (!programme.purposes.includes(input.purpose)) {
    reasons.push({
      rule: 'PURPOSE_NOT_ALLOWED',
      message: `the programme does not fund ${input.purpose}; it funds ${programme.purposes.join(', ')}`,
      purpose: input.purpose,
      purposes: programme.purposes,
    });
  }

  const now = input.now.getTime();
  if (now < programme.opensAt.getTime() || now >= programme.closesAt.getTime()) {
    reasons.push({
      rule: 'WINDOW_CLOSED',
      message: `the programme takes applications from ${programme.opensAt.toISOString()} until ${programme.closesAt.toISOString()}`,
      opensAt: programme.opensAt.toISOString(),
      closesAt: programme.closesAt.toISOString(),
    });
  }

  const total = input.requestedAmount.add(input.otherLiveAmount);
  if (total.compare(programme.maxGrantPerEnterprise) > 0) {
    reasons.push({
      rule: 'AMOUNT_ABOVE_MAX',
      message: `${input.requestedAmount} requested with ${input.otherLiveAmount} already asked in other live applications exceeds the maximum of ${programme.maxGrantPerEnterprise} per enterprise`,
      requestedAmount: input.requestedAmount.toString(),
      otherLiveAmount: input.otherLiveAmount.toString(),
      maxGrantPerEnterprise: programme.maxGrantPerEnterprise.toString(),
    });
  }
  return reasons;
}
