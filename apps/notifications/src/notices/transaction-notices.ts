import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';
import { RecordNotices, type RecordNoticesCommand } from './record-notices.usecase';

/**
 * The consumer applies a chunk of events in one transaction but calls a handler once per event;
 * writing each event's notices on its own would cost a database round trip per event. So a handler
 * stages its notices here, and they are written together, with one statement, just before the
 * transaction commits (TypeORM's `beforeTransactionCommit`). Same effect, same transaction: if that
 * statement fails, the commit fails, and the consumer replays the chunk one event per transaction
 * as it does for any failure. Outside a transaction, notices are written at once.
 *
 * (The messaging library's `Subscription.handleMany` would make this unnecessary, but
 * `@ConsumeEvents` does not expose it yet.)
 */
@Injectable()
export class TransactionNotices implements OnModuleInit, EntitySubscriberInterface {
  private readonly staged = new WeakMap<QueryRunner, RecordNoticesCommand[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly recordNotices: RecordNotices,
  ) {}

  onModuleInit(): void {
    // The platform builds the DataSource; a subscriber joins it here.
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  /** Queues one event's notices to be written with the rest of the transaction's. */
  async stage(manager: EntityManager, command: RecordNoticesCommand): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      await this.recordNotices.execute(manager, [command]);
      return;
    }
    const staged = this.staged.get(runner);
    if (staged) staged.push(command);
    else this.staged.set(runner, [command]);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const staged = this.staged.get(event.queryRunner);
    if (!staged) return;
    this.staged.delete(event.queryRunner);
    await this.recordNotices.execute(event.manager, staged);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.staged.delete(event.queryRunner);
  }
}
