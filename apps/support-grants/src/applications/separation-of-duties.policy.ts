import type { AuthUser } from '@westgate/auth';
import { ProblemException } from '@westgate/platform';
import type { ApplicationEntity } from './application.entity';
import { violatesSeparationOfDuties } from './application-workflow.rules';

/** 403 whenever the decider submitted the application, whatever roles the token carries. */
export function assertSeparationOfDuties(application: ApplicationEntity, decider: AuthUser): void {
  if (violatesSeparationOfDuties(application, decider.id)) {
    throw new ProblemException(403, 'SEPARATION_OF_DUTIES', 'Nobody may decide an application they submitted');
  }
}
