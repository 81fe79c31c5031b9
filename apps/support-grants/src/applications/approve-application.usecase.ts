import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@westgate/auth';
import { ApplicationApproved, ProgrammeBudgetChanged } from '@westgate/contracts';
import { ProblemException } from '@westgate/platform';
import { cny } from '../api/money.column';
import { programmeState } from '../programmes/programme.mapper';
import { ProgrammeRepository } from '../programmes/programme.repository';
import type { ApplicationEntity } from './application.entity';
import { actingRole, actorOf, ApplicationTransitions } from './application-transitions.service';
import { assertSeparationOfDuties } from './separation-of-duties.policy';

/**
 * UNDER_REVIEW → APPROVED, reserving the approved amount of the programme's budget in the same
 * transaction (conditional update: never more than the budget, however many approve at once).
 */
@Injectable()
export class ApproveApplicationUseCase {
  constructor(
    private readonly transitions: ApplicationTransitions,
    private readonly programmes: ProgrammeRepository,
  ) {}

  execute(id: string, decider: AuthUser, input: { approvedAmount?: string; comment?: string }): Promise<ApplicationEntity> {
    return this.transitions.run({
      applicationId: id,
      action: 'approve',
      user: decider,
      event: ApplicationApproved,
      comment: input.comment,
      actor: () => actorOf(decider, actingRole(decider, ['reviewer', 'admin'])),
      precheck: (application) => assertSeparationOfDuties(application, decider),
      amount: (application) => application.approvedAmount,
      changes: (application, _manager, now) => {
        const approved = input.approvedAmount === undefined ? application.requestedAmount : cny(input.approvedAmount);
        if (approved.compare(application.requestedAmount) > 0) {
          throw new ProblemException(422, 'APPROVED_AMOUNT_ABOVE_REQUESTED', `${approved} is more than the ${application.requestedAmount} requested`, {
            requestedAmount: application.requestedAmount.toString(),
          });
        }
        return { approvedAmount: approved, reservedAmount: approved, decidedBy: decider.id, decidedAt: now };
      },
      alsoWrite: async (manager, application, now) => {
        const amount = application.reservedAmount;
        const programme = await this.programmes.reserve(manager, application.programmeId, amount, now);
        if (!programme) {
          const current = await this.programmes.get(application.programmeId, manager);
          throw new ProblemException(409, 'BUDGET_EXHAUSTED', `The programme has ${current.budgetTotal.subtract(current.budgetReserved)} left, less than ${amount}`, {
            requested: amount.toString(),
            available: current.budgetTotal.subtract(current.budgetReserved).toString(),
          });
        }
        return [{ definition: ProgrammeBudgetChanged, subject: programme.id, data: programmeState(programme) }];
      },
    });
  }
}
