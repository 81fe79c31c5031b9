import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@westgate/auth';
import { ApplicationSubmitted } from '@westgate/contracts';
import { ProblemException } from '@westgate/platform';
import type { ApplicationEntity } from './application.entity';
import { ApplicationRepository } from './application.repository';
import { actorOf, ApplicationTransitions } from './application-transitions.service';
import { checkEligibility } from './eligibility.rules';

/**
 * DRAFT or RETURNED → SUBMITTED, if eligible: every failed rule comes back at once in a 422
 * NOT_ELIGIBLE. Eligibility reads only this service's own tables (the enterprise projection).
 */
@Injectable()
export class SubmitApplicationUseCase {
  constructor(
    private readonly transitions: ApplicationTransitions,
    private readonly applications: ApplicationRepository,
  ) {}

  execute(id: string, officer: AuthUser, comment?: string): Promise<ApplicationEntity> {
    return this.transitions.run({
      applicationId: id,
      action: 'submit',
      user: officer,
      event: ApplicationSubmitted,
      comment,
      lockEnterprise: true,
      actor: () => actorOf(officer, 'officer'),
      amount: (application) => application.requestedAmount,
      changes: async (application, manager, now) => {
        const facts = await this.applications.eligibilityFacts(manager, application);
        const reasons = checkEligibility({
          enterpriseId: application.enterpriseId,
          ...facts,
          purpose: application.purpose,
          requestedAmount: application.requestedAmount,
          now,
        });
        if (reasons.length > 0) {
          throw new ProblemException(422, 'NOT_ELIGIBLE', `The application fails ${reasons.length} eligibility rule(s): ${reasons.map((r) => r.rule).join(', ')}`, {
            reasons,
          });
        }
        return { lastSubmittedBy: officer.id, submittedAt: now };
      },
    });
  }
}
