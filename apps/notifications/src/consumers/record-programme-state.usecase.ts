import { Injectable } from '@nestjs/common';
import type { CloudEvent, ProgrammeStateV1 } from '@westgate/contracts';
import type { EntityManager } from 'typeorm';
import { isBudgetLow, isNewerBudgetState, shouldAlertBudget, thresholdToBasisPoints } from '../budgets/budget.rules';
import { ProgrammeBudgetRepository } from '../budgets/programme-budget.repository';
import { NotificationsConfig } from '../notifications.config';
import { RecordNotices } from '../notices/record-notices.usecase';
import { adminRecipients } from '../recipients/recipient.rules';

/**
 * Programme created and budget changed: remembers whether the budget is under the alert threshold;
 * when it has just crossed under it, the admins are told (once, until it rises above the threshold
 * again).
 */
@Injectable()
export class RecordProgrammeState {
  private readonly thresholdBasisPoints: bigint;

  constructor(
    private readonly budgets: ProgrammeBudgetRepository,
    private readonly notices: RecordNotices,
    config: NotificationsConfig,
  ) {
    this.thresholdBasisPoints = thresholdToBasisPoints(config.BUDGET_ALERT_THRESHOLD);
  }

  async execute(manager: EntityManager, event: CloudEvent<ProgrammeStateV1>): Promise<void> {
    const programme = event.data;
    const previous = await this.budgets.lock(manager, programme.id);
    if (!isNewerBudgetState(previous?.version, programme.version)) return;
    const low = isBudgetLow(programme.budget, this.thresholdBasisPoints);
    await this.budgets.saveState(manager, programme, low);
    if (!shouldAlertBudget(previous?.belowThreshold, low)) return;
    await this.notices.execute(manager, [
      {
        event,
        facts: { kind: 'programme.budget-low', programme, thresholdBasisPoints: this.thresholdBasisPoints },
        recipients: adminRecipients(event.type),
      },
    ]);
  }
}
