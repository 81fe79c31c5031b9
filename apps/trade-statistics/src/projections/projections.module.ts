import { Module } from '@nestjs/common';
import { ApplicationEventsConsumer } from './application-events.consumer';
import { ApplyEnterpriseStateUseCase } from './apply-enterprise-state.usecase';
import { EnterpriseEventsConsumer } from './enterprise-events.consumer';
import { RecordApprovedSupportUseCase } from './record-approved-support.usecase';

/** What this service learns from the registry (tier per cycle, zone) and from grants (first approved support). */
@Module({
  controllers: [EnterpriseEventsConsumer, ApplicationEventsConsumer],
  providers: [ApplyEnterpriseStateUseCase, RecordApprovedSupportUseCase],
})
export class ProjectionsModule {}
