import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { assertValidPayload, CloudEvent, EventDefinition } from '@westgate/contracts';
import { correlationForNewEvent } from '../context/correlation-context';

/** Marks a query runner whose transaction staged events; read by OutboxCommitSubscriber. */
export const OUTBOX_STAGED = 'westgateOutboxStaged';

export interface StagedEvent<T extends object = object> {
  definition: EventDefinition<T>;
  /** The aggregate id: the Kafka key, so that one aggregate's events stay in order. */
  subject: string;
  data: T;
}

/**
 * Writes events into the outbox table inside the caller's transaction: the event exists if and
 * only if the state change it describes was committed. The relay publishes it afterwards.
 */
export class OutboxWriter {
  /** Told when a transaction that staged events has committed (or at once outside one). */
  private onCommitted: () => void = () => undefined;

  constructor(private readonly serviceName: string) {}

  whenCommitted(listener: () => void): void {
    this.onCommitted = listener;
  }

  async stage<T extends object>(manager: EntityManager, event: StagedEvent<T>): Promise<CloudEvent<T>> {
    const [written] = await this.stageAll(manager, [event]);
    return written as CloudEvent<T>;
  }

  async stageAll(manager: EntityManager, events: readonly StagedEvent[]): Promise<CloudEvent[]> {
    if (events.length === 0) return [];
    const correlation = correlationForNewEvent();
    const time = new Date().toISOString();
    const envelopes = events.map(({ definition, subject, data }) => {
      assertValidPayload(definition, data);
      const envelope: CloudEvent = {
        specversion: '1.0',
        id: randomUUID(),
        source: `/westgate/${this.serviceName}`,
        type: definition.type,
        subject,
        time,
        datacontenttype: 'application/json',
        correlationid: correlation.correlationId,
        ...(correlation.causationId ? { causationid: correlation.causationId } : {}),
        data,
      };
      return { envelope, topic: definition.topic };
    });
    // One multi-row INSERT (plain parameters: no array literals to escape).
    const rows = envelopes.map((_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`);
    const parameters = envelopes.flatMap(({ envelope, topic }) => [
      envelope.id,
      topic,
      envelope.subject,
      envelope.type,
      JSON.stringify(envelope),
    ]);
    await manager.query(`INSERT INTO outbox (id, topic, message_key, event_type, payload) VALUES ${rows.join(', ')}`, parameters);
    const runner = manager.queryRunner;
    // The relay is woken after the commit (OutboxCommitSubscriber), not by a NOTIFY inside the
    // transaction: PostgreSQL commits notifying transactions one at a time.
    if (runner?.isTransactionActive) runner.data = { ...runner.data, [OUTBOX_STAGED]: this.onCommitted };
    else this.onCommitted();
    return envelopes.map((e) => e.envelope);
  }
}
