import { Injectable } from '@nestjs/common';
import type { CloudEvent, ProgrammeBudgetExhaustedV1 } from '@westgate/contracts';
import type { EntityManager } from 'typeorm';
import { isNewerVersion } from '../budgets/budget.rules';
import { ProgrammeBudgetRepository } from '../budgets/programme-budget.repository';
import { RecordNotices } from '../notices/record-notices.usecase';
import { adminRecipients } from '../recipients/recipient.rules';
import { RecordProgrammeState } from './record-programme-state.usecase';

/**
 * An approval refused for want of budget: the admins are told, once per budget state (the
 * programme's `version`): further refusals while it is unchanged make no notice, a refusal after
 * it changed makes another.
 *
 * The event carries the programme's state too. Should it be newer than the one remembered (its
 * budget event was missed), it is remembered like any programme event's, never an older one; as
 * its notice tells the admins the budget's figures, it also stands for the threshold alert (one
 * event makes at most one notice per recipient).
 */
@Injectable()
export class NotifyBudgetExhausted {
  constructor(
    private readonly programmes: RecordProgrammeState,
    private readonly budgets: ProgrammeBudgetRepository,
    private readonly notices: RecordNotices,
  ) {}

  async execute(manager: EntityManager, event: CloudEvent<ProgrammeBudgetExhaustedV1>): Promise<void> {
    const refusal = event.data;
    const { previous } = await this.programmes.remember(manager, refusal);
    if (!isNewerVersion(previous?.exhaustionAlertedVersion, refusal.version)) return;
    await this.budgets.markExhaustionAlerted(manager, refusal.id, refusal.version);
    await this.notices.execute(manager, [{ event, facts: { kind: 'programme.budget-exhausted', refusal }, recipients: adminRecipients(event.type) }]);
  }
}
