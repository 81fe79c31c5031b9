import { Module } from '@nestjs/common';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { HistoryModule } from '../history/history.module';
import { DesignateTier } from './designate-tier.usecase';
import { DesignationsController } from './designations.controller';
import { GetQuota } from './get-quota.usecase';
import { RevokeDesignation } from './revoke-designation.usecase';

@Module({
  imports: [EnterprisesModule, HistoryModule],
  controllers: [DesignationsController],
  providers: [DesignateTier, RevokeDesignation, GetQuota],
})
export class DesignationsModule {}
