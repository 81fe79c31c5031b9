import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { StatisticsConfig } from '../trade-statistics.config';
import { GetImportUseCase } from './get-import.usecase';
import { ImportsController } from './imports.controller';

/** Import progress; also lets streamed uploads outlast Node's default 5-minute request timeout. */
@Module({
  controllers: [ImportsController],
  providers: [GetImportUseCase],
})
export class ImportsModule implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: StatisticsConfig,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server) server.requestTimeout = this.config.IMPORT_REQUEST_TIMEOUT_SECONDS * 1000;
  }
}
