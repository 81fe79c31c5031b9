import { Module } from '@nestjs/common';
import { RecordNotices } from './record-notices.usecase';

/** Turning events into stored notices and queued deliveries. */
@Module({ providers: [RecordNotices], exports: [RecordNotices] })
export class NoticesModule {}
