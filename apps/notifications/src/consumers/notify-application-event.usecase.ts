import { Injectable } from '@nestjs/common';
import type { ApplicationEventV1, CloudEvent } from '@westgate/contracts';
import type { EntityManager } from 'typeorm';
import { NOTICE_KIND_BY_EVENT_TYPE } from '../notices/notice-types';
import { RecordNotices } from '../notices/record-notices.usecase';
import type { NoticeFacts } from '../notices/render-notice.rules';
import { applicationEventRecipients } from '../recipients/recipient.rules';

/**
 * Any transition of an application: the enterprise, and for decisions and disbursements the
 * submitting officer. Takes a consumer chunk at a time: this is the busiest topic, and the notices
 * of the whole chunk are written with one statement.
 */
@Injectable()
export class NotifyApplicationEvent {
  constructor(private readonly notices: RecordNotices) {}

  async execute(manager: EntityManager, events: readonly CloudEvent<ApplicationEventV1>[]): Promise<void> {
    await this.notices.execute(
      manager,
      events.map((event) => ({
        event,
        facts: { kind: NOTICE_KIND_BY_EVENT_TYPE[event.type], application: event.data } as NoticeFacts,
        recipients: applicationEventRecipients(event.type, event.data),
      })),
    );
  }
}
