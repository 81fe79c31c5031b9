import { HttpStatus } from '@nestjs/common';
import type { DesignatedTier } from '@westgate/domain';
import { ProblemException } from '@westgate/platform';

export function quotaExceeded(tier: DesignatedTier, cycle: number, limit: number): ProblemException {
  return new ProblemException(
    HttpStatus.CONFLICT,
    'QUOTA_EXCEEDED',
    `All ${limit} ${tier} places of cycle ${cycle} are taken; revoke one to free a place`,
    { tier, cycle, limit },
  );
}

export function alreadyDesignated(enterpriseId: string, cycle: number, tier: DesignatedTier | undefined): ProblemException {
  return new ProblemException(
    HttpStatus.CONFLICT,
    'ALREADY_DESIGNATED',
    `Enterprise ${enterpriseId} is already designated${tier ? ` ${tier}` : ''} in cycle ${cycle}; revoke that designation first`,
    { cycle, ...(tier ? { currentTier: tier } : {}) },
  );
}

export function designationNotFound(enterpriseId: string, cycle: number): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, 'DESIGNATION_NOT_FOUND', `Enterprise ${enterpriseId} has no designation in cycle ${cycle}`, { cycle });
}
