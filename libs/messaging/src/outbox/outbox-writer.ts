import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { assertValidPayload, CloudEvent, EventDefinition } from '@westgate/contracts';
import { correlationForNewEvent } from '../context/correlation-context';

/** Marks a query runner whose transaction staged events; read by OutboxCommitSubscriber. */
export const OUTBOX_STAGED = 'westgateOutboxStaged';

/** An outbox INSERT for a caller's own statement (see `OutboxWriter.insertFor`). */
export interface OutboxInsert {
  sql: string;
  parameters: unknown[];
  events: CloudEvent[];
}

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
    const insert = this.insertFor(events);
    await manager.query(insert.sql, insert.parameters);
    const runner = manager.queryRunner;
    // The relay is woken after the commit (OutboxCommitSubscriber), not by a NOTIFY inside the
    // transaction: PostgreSQL commits notifying transactions one at a time.
    if (runner?.isTransactionActive) runner.data = { ...runner.data, [OUTBOX_STAGED]: this.onCommitted };
    else this.onCommitted();
    return insert.events;
  }

  /**
   * The INSERT that stages `events` (at least one), its parameters numbered from `$first`: for a
   * use-case that makes its change and stages its events in one statement (data-modifying CTEs)
   * instead of a transaction — one database round trip instead of four. It calls `committed()`
   * once that statement has succeeded.
   */
  insertFor(events: readonly StagedEvent[], first = 1): OutboxInsert {
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
    // One multi-row INSERT (plain parameters: no array literals to escape). The correlation and
    // causation ids get columns of their own, so that the relay never parses a payload.
    const rows = envelopes.map((_, i) => `(${[0, 1, 2, 3, 4, 5, 6].map((n) => `$${first + i * 7 + n}`).join(', ')})`);
    const parameters = envelopes.flatMap(({ envelope, topic }) => [
      envelope.id,
      topic,
      envelope.subject,
      envelope.type,
      JSON.stringify(envelope),
      envelope.correlationid,
      envelope.causationid ?? null,
    ]);
    return {
      sql: `INSERT INTO outbox (id, topic, message_key, event_type, payload, correlation_id, causation_id) VALUES ${rows.join(', ')}`,
      parameters,
      events: envelopes.map((e) => e.envelope),
    };
  }

  /** Wakes the relay after a statement built with `insertFor` has committed. */
  committed(): void {
    this.onCommitted();
  }
}
