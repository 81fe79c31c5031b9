import { Injectable } from '@nestjs/common';
import type { CloudEvent, ProgrammeStateV1 } from '@westgate/contracts';
import type { EntityManager } from 'typeorm';
import { isBudgetLow, isNewerVersion, shouldAlertBudget, thresholdToBasisPoints } from '../budgets/budget.rules';
import { ProgrammeBudgetRepository, type RememberedBudget } from '../budgets/programme-budget.repository';
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
    const { previous, newer, low } = await this.remember(manager, programme);
    if (!newer || !shouldAlertBudget(previous?.belowThreshold, low)) return;
    await this.notices.execute(manager, [
      {
        event,
        facts: { kind: 'programme.budget-low', programme, thresholdBasisPoints: this.thresholdBasisPoints },
        recipients: adminRecipients(event.type),
      },
    ]);
  }

  /**
   * Locks what is remembered of the programme and replaces it with `programme`'s state when that
   * is newer (a duplicate or late event never regresses it). Every programme event passes here,
   * a refused approval's too (NotifyBudgetExhausted).
   */
  async remember(manager: EntityManager, programme: ProgrammeStateV1): Promise<RememberedChange> {
    const previous = await this.budgets.lock(manager, programme.id);
    const newer = isNewerVersion(previous?.version, programme.version);
    const low = isBudgetLow(programme.budget, this.thresholdBasisPoints);
    if (newer) await this.budgets.saveState(manager, programme, low);
    return { previous, newer, low };
  }
}

/** What a programme event found remembered, whether its state replaced it, and whether that state is under the threshold. */
export interface RememberedChange {
  previous: RememberedBudget | undefined;
  newer: boolean;
  low: boolean;
}
