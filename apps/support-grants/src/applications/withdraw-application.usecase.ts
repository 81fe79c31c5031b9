import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@westgate/auth';
import { ApplicationWithdrawn } from '@westgate/contracts';
import { ProblemException } from '@westgate/platform';
import type { ApplicationEntity } from './application.entity';
import type { Actor } from './application.mapper';
import { actorOf, ApplicationTransitions } from './application-transitions.service';

/**
 * DRAFT, SUBMITTED or RETURNED → WITHDRAWN, by the officer who submitted it or by the enterprise
 * itself. Nothing was reserved before approval, so nothing is released.
 */
@Injectable()
export class WithdrawApplicationUseCase {
  constructor(private readonly transitions: ApplicationTransitions) {}

  execute(id: string, user: AuthUser, comment?: string): Promise<ApplicationEntity> {
    return this.transitions.run({
      applicationId: id,
      action: 'withdraw',
      user,
      event: ApplicationWithdrawn,
      comment,
      actor: (application) => withdrawingActor(application, user),
    });
  }
}

function withdrawingActor(application: ApplicationEntity, user: AuthUser): Actor {
  if (user.roles.includes('officer') && (application.submittedBy === user.id || application.lastSubmittedBy === user.id)) {
    return actorOf(user, 'officer');
  }
  if (user.roles.includes('enterprise') && user.enterpriseId === application.enterpriseId) return actorOf(user, 'enterprise');
  throw new ProblemException(403, 'NOT_SUBMITTER', 'Only the officer who submitted the application, or the enterprise itself, may withdraw it');
}
