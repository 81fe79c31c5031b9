import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@westgate/platform';

export function enterpriseNotFound(id: string): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, 'ENTERPRISE_NOT_FOUND', `No enterprise ${id}`);
}

export function enterpriseExists(uscc: string, enterpriseId: string | undefined): ProblemException {
  return new ProblemException(
    HttpStatus.CONFLICT,
    'ENTERPRISE_EXISTS',
    `An enterprise with USCC ${uscc} is already registered`,
    enterpriseId === undefined ? {} : { enterpriseId },
  );
}

export function staleVersion(currentVersion: number): ProblemException {
  return new ProblemException(
    HttpStatus.PRECONDITION_FAILED,
    'PRECONDITION_FAILED',
    `The enterprise has changed: it is at version ${currentVersion}; read it again and reapply the change`,
    { currentVersion },
  );
}

export function enterpriseInactive(id: string): ProblemException {
  return new ProblemException(HttpStatus.CONFLICT, 'ENTERPRISE_INACTIVE', `Enterprise ${id} is inactive`, { currentStatus: 'INACTIVE' });
}
