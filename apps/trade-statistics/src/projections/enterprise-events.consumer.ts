import { Controller } from '@nestjs/common';
import { ENTERPRISE_EVENTS, type CloudEvent, type EnterpriseStateV1 } from '@westgate/contracts';
import { ConsumeEvents, type ConsumeContext } from '@westgate/messaging';
import { ApplyEnterpriseStateUseCase } from './apply-enterprise-state.usecase';

/** `westgate.registry.enterprise.v1` → the enterprise projection (tier per cycle, zone), through the inbox. */
@Controller()
export class EnterpriseEventsConsumer {
  constructor(private readonly apply: ApplyEnterpriseStateUseCase) {}

  @ConsumeEvents(ENTERPRISE_EVENTS)
  async onEnterprise(event: CloudEvent<EnterpriseStateV1>, context: ConsumeContext): Promise<void> {
    await this.apply.execute(context.manager, event.data);
  }
}
