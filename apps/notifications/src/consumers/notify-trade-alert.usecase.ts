import { Injectable } from '@nestjs/common';
import type { CloudEvent, ExportDeclineAlertV1 } from '@westgate/contracts';
import type { EntityManager } from 'typeorm';
import { TransactionNotices } from '../notices/transaction-notices';
import { adminRecipients } from '../recipients/recipient.rules';

/** A designated enterprise's exports fell: the admins. */
@Injectable()
export class NotifyTradeAlert {
  constructor(private readonly notices: TransactionNotices) {}

  async execute(manager: EntityManager, event: CloudEvent<ExportDeclineAlertV1>): Promise<void> {
    await this.notices.stage(manager, {
      event,
      facts: { kind: 'trade.export-decline', alert: event.data },
      recipients: adminRecipients(event.type),
    });
  }
}
