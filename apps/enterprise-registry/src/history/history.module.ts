import { Module } from '@nestjs/common';
import { HistoryController } from './history.controller';
import { HistoryRecorder } from './history.recorder';
import { ListHistory } from './list-history.usecase';

@Module({
  controllers: [HistoryController],
  providers: [HistoryRecorder, ListHistory],
  exports: [HistoryRecorder],
})
export class HistoryModule {}
