import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@westgate/auth';
import { ApplicationDisbursed, ProgrammeBudgetChanged } from '@westgate/contracts';
import type { Money } from '@westgate/domain';
import { ProblemException } from '@westgate/platform';
import { cny } from '../api/money.column';
import { programmeState } from '../programmes/programme.mapper';
import { ProgrammeRepository } from '../programmes/programme.repository';
import type { ApplicationEntity } from './application.entity';
import { actorOf, ApplicationTransitions } from './application-transitions.service';
import { DisbursementEntity } from './disbursement.entity';

/**
 * An admin pays a tranche: APPROVED or PARTIALLY_DISBURSED → PARTIALLY_DISBURSED, or DISBURSED
 * when it completes the approved amount. The sum never exceeds the approved amount (the row is
 * locked while this is checked); the programme's `disbursed` grows in the same transaction.
 */
@Injectable()
export class RecordDisbursementUseCase {
  constructor(
    private readonly transitions: ApplicationTransitions,
    private readonly programmes: ProgrammeRepository,
  ) {}

  async execute(
    id: string,
    admin: AuthUser,
    input: { amount: string; reference: string; comment?: string },
  ): Promise<{ application: ApplicationEntity; disbursement: DisbursementEntity }> {
    const amount = cny(input.amount);
    const disbursementId = randomUUID();
    let disbursement: DisbursementEntity | undefined;
    const application = await this.transitions.run({
      applicationId: id,
      action: 'disburse',
      user: admin,
      event: ApplicationDisbursed,
      comment: input.comment ? `${input.reference}: ${input.comment}`.slice(0, 4000) : input.reference,
      actor: () => actorOf(admin, 'admin'),
      // Fully paid is a money question before it is a workflow one: say so.
      precheck: (current) => {
        if (current.status === 'DISBURSED') assertWithinApproved(current, amount);
      },
      context: (current) => ({ fullyDisbursed: remaining(current)?.equals(amount) ?? false }),
      changes: (current) => {
        assertWithinApproved(current, amount);
        return { disbursedAmount: current.disbursedAmount.add(amount) };
      },
      amount: () => amount,
      // Consumers learn what this tranche paid, not only the running total.
      eventExtras: (now) => ({ tranche: { id: disbursementId, amount: amount.toString(), reference: input.reference, disbursedAt: now.toISOString() } }),
      alsoWrite: async (manager, current, now) => {
        disbursement = Object.assign(new DisbursementEntity(), {
          id: disbursementId,
          applicationId: current.id,
          amount,
          reference: input.reference,
          disbursedBy: admin.id,
          disbursedAt: now,
        });
        await manager.insert(DisbursementEntity, disbursement);
        const programme = await this.programmes.disburse(manager, current.programmeId, amount, now);
        return [{ definition: ProgrammeBudgetChanged, subject: programme.id, data: programmeState(programme) }];
      },
    });
    return { application, disbursement: disbursement as DisbursementEntity };
  }
}

function remaining(application: ApplicationEntity): Money | null {
  return application.approvedAmount?.subtract(application.disbursedAmount) ?? null;
}

function assertWithinApproved(application: ApplicationEntity, amount: Money): void {
  const left = remaining(application);
  if (left !== null && amount.compare(left) > 0) {
    throw new ProblemException(409, 'OVER_DISBURSEMENT', `${amount} is more than the ${left} of the approved amount not yet disbursed`, {
      approvedAmount: application.approvedAmount?.toString(),
      disbursedAmount: application.disbursedAmount.toString(),
      remainingAmount: left.toString(),
    });
  }
}
