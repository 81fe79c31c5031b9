import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@westgate/auth';
import { ApplicationReturned } from '@westgate/contracts';
import type { ApplicationEntity } from './application.entity';
import { actingRole, actorOf, ApplicationTransitions } from './application-transitions.service';
import { assertSeparationOfDuties } from './separation-of-duties.policy';

/** UNDER_REVIEW → RETURNED: back to the officer for corrections, then resubmission. */
@Injectable()
export class ReturnApplicationUseCase {
  constructor(private readonly transitions: ApplicationTransitions) {}

  execute(id: string, decider: AuthUser, comment: string): Promise<ApplicationEntity> {
    return this.transitions.run({
      applicationId: id,
      action: 'return',
      user: decider,
      event: ApplicationReturned,
      comment,
      actor: () => actorOf(decider, actingRole(decider, ['reviewer', 'admin'])),
      precheck: (application) => assertSeparationOfDuties(application, decider),
    });
  }
}
