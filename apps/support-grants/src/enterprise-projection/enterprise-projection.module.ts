import { Module } from '@nestjs/common';
import { EnterpriseProjectionConsumer } from './enterprise-projection.consumer';
import { EnterpriseProjectionController } from './enterprise-projection.controller';
import { EnterpriseProjectionRepository } from './enterprise-projection.repository';
import { ProjectEnterpriseUseCase } from './project-enterprise.usecase';

@Module({
  controllers: [EnterpriseProjectionConsumer, EnterpriseProjectionController],
  providers: [ProjectEnterpriseUseCase, EnterpriseProjectionRepository],
  exports: [EnterpriseProjectionRepository],
})
export class EnterpriseProjectionModule {}
