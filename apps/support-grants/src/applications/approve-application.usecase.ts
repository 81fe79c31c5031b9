import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@westgate/auth';
import { ApplicationApproved, ProgrammeBudgetChanged, ProgrammeBudgetExhausted } from '@westgate/contracts';
import type { Money } from '@westgate/domain';
import { OutboxWriter } from '@westgate/messaging';
import { ProblemException } from '@westgate/platform';
import { DataSource } from 'typeorm';
import { cny } from '../api/money.column';
import { programmeState } from '../programmes/programme.mapper';
import { ProgrammeRepository } from '../programmes/programme.repository';
import type { ApplicationEntity } from './application.entity';
import { actorPayload, type Actor } from './application.mapper';
import { actingRole, actorOf, ApplicationTransitions } from './application-transitions.service';
import { assertSeparationOfDuties } from './separation-of-duties.policy';

/** An approval the budget could not cover: what the admins are told of. */
interface BudgetRefusal {
  application: ApplicationEntity;
  amount: Money;
  decider: Actor;
  at: Date;
}

/**
 * UNDER_REVIEW → APPROVED, reserving the approved amount of the programme's budget in the same
 * transaction (conditional update: never more than the budget, however many approve at once).
 * When the budget cannot cover it, the transaction rolls back and the caller gets 409
 * `BUDGET_EXHAUSTED`; the refusal is first recorded in a transaction of its own, as a
 * `programme.budget-exhausted` event (outbox), so that the admins hear of it.
 */
@Injectable()
export class ApproveApplicationUseCase {
  constructor(
    private readonly transitions: ApplicationTransitions,
    private readonly programmes: ProgrammeRepository,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(id: string, decider: AuthUser, input: { approvedAmount?: string; comment?: string }): Promise<ApplicationEntity> {
    const actor = (): Actor => actorOf(decider, actingRole(decider, ['reviewer', 'admin']));
    let refusal: BudgetRefusal | undefined;
    try {
      return await this.transitions.run({
        applicationId: id,
        action: 'approve',
        user: decider,
        event: ApplicationApproved,
        comment: input.comment,
        actor,
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
            refusal = { application, amount, decider: actor(), at: now };
            throw new ProblemException(409, 'BUDGET_EXHAUSTED', `The programme has ${current.budgetTotal.subtract(current.budgetReserved)} left, less than ${amount}`, {
              requested: amount.toString(),
              available: current.budgetTotal.subtract(current.budgetReserved).toString(),
            });
          }
          return [{ definition: ProgrammeBudgetChanged, subject: programme.id, data: programmeState(programme) }];
        },
      });
    } catch (error) {
      // Set only just before BUDGET_EXHAUSTED is thrown. The approval's transaction has rolled
      // back; the refusal is recorded before the 409 goes out.
      if (refusal) await this.recordRefusal(refusal);
      throw error;
    }
  }

  /**
   * Stages `programme.budget-exhausted` with the programme's state as committed now (the outbox
   * keeps it in order with the programme's other events). The request's correlation id travels
   * with it as with every event. If this fails, so does the request (5xx): a retry is refused
   * again and records again, rather than the refusal going unheard.
   */
  private async recordRefusal(refusal: BudgetRefusal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const programme = await this.programmes.get(refusal.application.programmeId, manager);
      await this.outbox.stage(manager, {
        definition: ProgrammeBudgetExhausted,
        subject: programme.id,
        data: {
          ...programmeState(programme),
          applicationId: refusal.application.id,
          enterpriseId: refusal.application.enterpriseId,
          requestedAmount: refusal.amount.toString(),
          refusedBy: actorPayload(refusal.decider),
          refusedAt: refusal.at.toISOString(),
        },
      });
    });
  }
}
