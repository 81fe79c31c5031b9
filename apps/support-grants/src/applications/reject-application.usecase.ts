import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@westgate/auth';
import { ApplicationRejected } from '@westgate/contracts';
import type { ApplicationEntity } from './application.entity';
import { actingRole, actorOf, ApplicationTransitions } from './application-transitions.service';
import { assertSeparationOfDuties } from './separation-of-duties.policy';

/** UNDER_REVIEW → REJECTED, with the reason. Nothing was reserved, so nothing is released. */
@Injectable()
export class RejectApplicationUseCase {
  constructor(private readonly transitions: ApplicationTransitions) {}

  execute(id: string, decider: AuthUser, input: { reason: string; comment?: string }): Promise<ApplicationEntity> {
    return this.transitions.run({
      applicationId: id,
      action: 'reject',
      user: decider,
      event: ApplicationRejected,
      comment: input.comment ? `${input.reason}\n\n${input.comment}`.slice(0, 4000) : input.reason,
      actor: () => actorOf(decider, actingRole(decider, ['reviewer', 'admin'])),
      precheck: (application) => assertSeparationOfDuties(application, decider),
      changes: (_application, _manager, now) => ({ decidedBy: decider.id, decidedAt: now }),
    });
  }
}
