import { Injectable } from '@nestjs/common';
import type { CloudEvent, ProgrammeStateV1 } from '@westgate/contracts';
import type { EntityManager } from 'typeorm';
import { isBudgetLow, shouldAlertBudget, thresholdToBasisPoints } from '../budgets/budget.rules';
import { NotificationsConfig } from '../notifications.config';
import { RecordNotices } from '../notices/record-notices.usecase';
import { adminRecipients } from '../recipients/recipient.rules';

/**
 * Every programme event: remembers whether the budget is under the alert threshold; when it has
 * just crossed under it, the admins are told (once, until it rises above the threshold again).
 */
@Injectable()
export class RecordProgrammeState {
  private readonly thresholdBasisPoints: bigint;

  constructor(
    private readonly notices: RecordNotices,
    config: NotificationsConfig,
  ) {
    this.thresholdBasisPoints = thresholdToBasisPoints(config.BUDGET_ALERT_THRESHOLD);
  }

  async execute(manager: EntityManager, event: CloudEvent<ProgrammeStateV1>): Promise<void> {
    const programme = event.data;
    const [previous]: Array<{ below_threshold: boolean; version: number }> = await manager.query(
      'SELECT below_threshold, version FROM programme_budget WHERE programme_id = $1 FOR UPDATE',
      [programme.id],
    );
    if (previous && previous.version >= programme.version) return;
    const low = isBudgetLow(programme.budget, this.thresholdBasisPoints);
    await manager.query(
      `INSERT INTO programme_budget (programme_id, total, available, below_threshold, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (programme_id) DO UPDATE SET
         total = EXCLUDED.total, available = EXCLUDED.available, below_threshold = EXCLUDED.below_threshold,
         version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
      [programme.id, programme.budget.total, programme.budget.available, low, programme.version, programme.updatedAt],
    );
    if (!shouldAlertBudget(previous?.below_threshold, low)) return;
    await this.notices.execute(manager, [
      {
        event,
        facts: { kind: 'programme.budget-low', programme, thresholdBasisPoints: this.thresholdBasisPoints },
        recipients: adminRecipients(event.type),
      },
    ]);
  }
}
