import { Module } from '@nestjs/common';
import { DeclarationIngestConsumer } from './declaration-ingest.consumer';

/** The ingest consumer: declarations from Kafka into the declaration and roll-up tables. */
@Module({ providers: [DeclarationIngestConsumer], exports: [DeclarationIngestConsumer] })
export class RollupsModule {}
