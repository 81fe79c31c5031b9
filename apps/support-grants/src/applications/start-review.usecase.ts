import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@westgate/auth';
import { ApplicationReviewStarted } from '@westgate/contracts';
import type { ApplicationEntity } from './application.entity';
import { actorOf, ApplicationTransitions } from './application-transitions.service';

/** SUBMITTED → UNDER_REVIEW: a reviewer takes it up. */
@Injectable()
export class StartReviewUseCase {
  constructor(private readonly transitions: ApplicationTransitions) {}

  execute(id: string, reviewer: AuthUser, comment?: string): Promise<ApplicationEntity> {
    return this.transitions.run({
      applicationId: id,
      action: 'start-review',
      user: reviewer,
      event: ApplicationReviewStarted,
      comment,
      actor: () => actorOf(reviewer, 'reviewer'),
    });
  }
}
