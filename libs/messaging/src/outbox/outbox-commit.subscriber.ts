import type { EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { OUTBOX_STAGED } from './outbox-writer';

/**
 * Wakes the relay when a transaction that staged events commits: the writer marked its query
 * runner, and TypeORM tells subscribers about every commit.
 */
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    const wake = data?.[OUTBOX_STAGED];
    if (typeof wake !== 'function') return;
    delete data?.[OUTBOX_STAGED];
    (wake as () => void)();
  }
}
