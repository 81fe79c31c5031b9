import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { DeactivateEnterprise } from './deactivate-enterprise.usecase';
import { EnterpriseStore } from './enterprise.store';
import { EnterprisesController } from './enterprises.controller';
import { GetEnterprise } from './get-enterprise.usecase';
import { ListEnterprises } from './list-enterprises.usecase';
import { RegisterEnterprise } from './register-enterprise.usecase';
import { UpdateEnterprise } from './update-enterprise.usecase';

@Module({
  imports: [HistoryModule],
  controllers: [EnterprisesController],
  providers: [EnterpriseStore, RegisterEnterprise, GetEnterprise, ListEnterprises, UpdateEnterprise, DeactivateEnterprise],
  exports: [EnterpriseStore],
})
export class EnterprisesModule {}
