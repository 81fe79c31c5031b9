import { Module } from '@nestjs/common';
import { ProgrammeBudgetRepository } from '../budgets/programme-budget.repository';
import { NoticesModule } from '../notices/notices.module';
import { NotificationEventsController } from './notification-events.controller';
import { NotifyApplicationEvent } from './notify-application-event.usecase';
import { NotifyBudgetExhausted } from './notify-budget-exhausted.usecase';
import { NotifyTradeAlert } from './notify-trade-alert.usecase';
import { RecordEnterpriseState } from './record-enterprise-state.usecase';
import { RecordProgrammeState } from './record-programme-state.usecase';

/** The Kafka side: registry, grants and trade-alert events in, notices out. */
@Module({
  imports: [NoticesModule],
  controllers: [NotificationEventsController],
  providers: [ProgrammeBudgetRepository, RecordEnterpriseState, RecordProgrammeState, NotifyBudgetExhausted, NotifyApplicationEvent, NotifyTradeAlert],
})
export class ConsumersModule {}
