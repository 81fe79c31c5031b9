import { Module } from '@nestjs/common';
import { GetEnterpriseSeriesUseCase } from './get-enterprise-series.usecase';
import { GetSummaryUseCase } from './get-summary.usecase';
import { StatsController } from './stats.controller';

@Module({ controllers: [StatsController], providers: [GetSummaryUseCase, GetEnterpriseSeriesUseCase] })
export class StatsModule {}
