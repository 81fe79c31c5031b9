import { Injectable } from '@nestjs/common';
import type { CloudEvent, ExportDeclineAlertV1 } from '@westgate/contracts';
import type { EntityManager } from 'typeorm';
import { RecordNotices } from '../notices/record-notices.usecase';
import { adminRecipients } from '../recipients/recipient.rules';

/** Designated enterprises whose exports fell: the admins, a consumer chunk at a time. */
@Injectable()
export class NotifyTradeAlert {
  constructor(private readonly notices: RecordNotices) {}

  async execute(manager: EntityManager, events: readonly CloudEvent<ExportDeclineAlertV1>[]): Promise<void> {
    await this.notices.execute(
      manager,
      events.map((event) => ({ event, facts: { kind: 'trade.export-decline' as const, alert: event.data }, recipients: adminRecipients(event.type) })),
    );
  }
}
