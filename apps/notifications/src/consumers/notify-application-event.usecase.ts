import { Injectable } from '@nestjs/common';
import type { ApplicationEventV1, CloudEvent } from '@westgate/contracts';
import type { EntityManager } from 'typeorm';
import { NOTICE_KIND_BY_EVENT_TYPE } from '../notices/notice-types';
import { TransactionNotices } from '../notices/transaction-notices';
import type { NoticeFacts } from '../notices/render-notice.rules';
import { applicationEventRecipients } from '../recipients/recipient.rules';

/** Any transition of an application: the enterprise, and for decisions and disbursements the submitting officer. */
@Injectable()
export class NotifyApplicationEvent {
  constructor(private readonly notices: TransactionNotices) {}

  async execute(manager: EntityManager, event: CloudEvent<ApplicationEventV1>): Promise<void> {
    const kind = NOTICE_KIND_BY_EVENT_TYPE[event.type];
    const facts = { kind, application: event.data } as NoticeFacts;
    await this.notices.stage(manager, { event, facts, recipients: applicationEventRecipients(event.type, event.data) });
  }
}
