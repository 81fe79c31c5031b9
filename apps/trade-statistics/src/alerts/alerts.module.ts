import { Module } from '@nestjs/common';
import { AutoClosePeriodsScheduler } from './auto-close-periods.scheduler';
import { ClosePeriodUseCase } from './close-period.usecase';
import { GetPeriodUseCase } from './get-period.usecase';
import { PeriodsController } from './periods.controller';

/** Closing months and the export-decline alerts it raises. */
@Module({
  controllers: [PeriodsController],
  providers: [ClosePeriodUseCase, GetPeriodUseCase, AutoClosePeriodsScheduler],
  exports: [AutoClosePeriodsScheduler],
})
export class AlertsModule {}
