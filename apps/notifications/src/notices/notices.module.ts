import { Module } from '@nestjs/common';
import { RecordNotices } from './record-notices.usecase';
import { TransactionNotices } from './transaction-notices';

/** Turning an event into stored notices and queued deliveries. */
@Module({ providers: [RecordNotices, TransactionNotices], exports: [TransactionNotices] })
export class NoticesModule {}
