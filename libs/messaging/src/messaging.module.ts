import { DynamicModule, FactoryProvider, Global, Module } from '@nestjs/common';
import { MessagingRuntime } from './messaging.runtime';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { OutboxWriter } from './outbox/outbox-writer';

/**
 * Kafka for one service. Needs TypeORM's `DataSource` in the container (the outbox and the inbox
 * live in the service's own database). Use-cases inject `OutboxWriter`.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRootAsync(options: Omit<FactoryProvider<MessagingOptions>, 'provide'>): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, ...options },
        MessagingRuntime,
        { provide: OutboxWriter, inject: [MessagingRuntime], useFactory: (runtime: MessagingRuntime) => runtime.outbox },
      ],
      exports: [MessagingRuntime, OutboxWriter],
    };
  }
}
