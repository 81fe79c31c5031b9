import { Controller } from '@nestjs/common';
import { ENTERPRISE_EVENTS, type CloudEvent, type EnterpriseStateV1 } from '@westgate/contracts';
import { ConsumeEvents, type ConsumeContext } from '@westgate/messaging';
import { ProjectEnterpriseUseCase } from './project-enterprise.usecase';

/** `westgate.registry.enterprise.v1` → the enterprise projection, through the inbox. */
@Controller()
export class EnterpriseProjectionConsumer {
  constructor(private readonly project: ProjectEnterpriseUseCase) {}

  @ConsumeEvents(ENTERPRISE_EVENTS)
  async onEnterprise(event: CloudEvent<EnterpriseStateV1>, context: ConsumeContext): Promise<void> {
    await this.project.execute(context.manager, event);
  }
}
