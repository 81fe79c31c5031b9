import { Controller } from '@nestjs/common';
import { APPLICATION_EVENTS, ApplicationApproved, type ApplicationEventV1, type CloudEvent } from '@westgate/contracts';
import { ConsumeEvents, type ConsumeContext } from '@westgate/messaging';
import { RecordApprovedSupportUseCase } from './record-approved-support.usecase';

/**
 * `westgate.grants.application.v1`: only approvals matter here (who is supported since when).
 * Every type of the topic is listed so that the others are recognised and skipped, not
 * dead-lettered as unknown.
 */
@Controller()
export class ApplicationEventsConsumer {
  constructor(private readonly recordApproval: RecordApprovedSupportUseCase) {}

  @ConsumeEvents(APPLICATION_EVENTS)
  async onApplication(event: CloudEvent<ApplicationEventV1>, context: ConsumeContext): Promise<void> {
    if (event.type === ApplicationApproved.type) await this.recordApproval.execute(context.manager, event.data);
  }
}
