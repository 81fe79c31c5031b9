import { Injectable, OnModuleInit } from '@nestjs/common';
import { MessagingRuntime } from '@westgate/messaging';
import { DataSource } from 'typeorm';
import { ReadinessRegistry } from '../health/readiness.registry';

/** Ready means: the database answers, the broker answers, and every consumer has joined its group. */
@Injectable()
export class ServiceReadiness implements OnModuleInit {
  constructor(
    private readonly readiness: ReadinessRegistry,
    private readonly dataSource: DataSource,
    private readonly messaging: MessagingRuntime,
  ) {}

  onModuleInit(): void {
    this.readiness.add({ name: 'database', check: async () => void (await this.dataSource.query('SELECT 1')) });
    this.readiness.add({ name: 'kafka', check: () => this.messaging.checkKafka() });
    this.readiness.add({ name: 'consumers', check: async () => this.messaging.checkConsumers() });
  }
}
