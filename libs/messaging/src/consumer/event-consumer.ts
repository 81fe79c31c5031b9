import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { CloudEvent, deadLetterTopicFor, EventDefinition, validateEvent } from '@westgate/contracts';
import { runWithCorrelation } from '../context/correlation-context';
import { CONSUMER_DISCONNECT_TIMEOUT_MS, disconnectWithin } from '../kafka/bounded-disconnect';
import type { MessagingLogger } from '../kafka/kafka-client';
import { messagingMetrics } from '../metrics/messaging-metrics';

/** What a handler gets besides the event: the transaction its effect must be written in. */
export interface ConsumeContext {
  manager: EntityManager;
  topic: string;
  partition: number;
  offset: string;
  consumerGroup: string;
}

export type EventHandler = (event: CloudEvent, context: ConsumeContext) => Promise<void>;

/** Applies many events in one go (set-based writes); called with the new events of a chunk, in order. */
export type EventBatchHandler = (events: CloudEvent[], context: ConsumeContext) => Promise<void>;

export interface Subscription {
  topic: string;
  consumerGroup: string;
  /** The event types this consumer accepts on the topic; anything else is a contract violation. */
  definitions: readonly EventDefinition[];
  handle: EventHandler;
  /**
   * Optional set-based form of `handle`, for high-volume topics. It must have the same effect as
   * calling `handle` for each event; a failing chunk is still replayed one event at a time
   * through `handle`. Events it stages get the chunk's first event as causation.
   */
  handleMany?: EventBatchHandler;
}

export interface ConsumerSettings {
  /** Attempts per message (the first included) before it is dead-lettered. */
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** Messages applied in one transaction on the fast path. */
  chunkSize: number;
  partitionsConsumedConcurrently: number;
}

interface Decoded {
  message: KafkaMessage;
  event?: CloudEvent;
  problems?: string[];
}

/**
 * One Kafka consumer for one topic and consumer group, with the guarantees the platform promises:
 *
 * - inbox: `(consumer_group, event_id)` is inserted in the same transaction as the handler's
 *   effect, so a redelivered event has no second effect;
 * - a chunk of messages is applied in one transaction (fast path); if any handler throws, the
 *   chunk is rolled back and replayed one message at a time, so one poison message never holds
 *   back or double-applies its neighbours;
 * - a message that keeps failing is retried with exponential back-off, then dead-lettered with the
 *   error and its original headers, and the partition moves on; one that breaks its contract is
 *   dead-lettered at once. Nothing is swallowed: an offset is resolved only after the effect was
 *   committed or the message was safely parked.
 *
 * Each subscription has its own consumer, so a slow handler stalls only its own topic.
 */
export class EventConsumer {
  private consumer?: Consumer;
  private joined = false;
  private readonly definitions: Map<string, EventDefinition>;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly deadLetterProducer: Producer,
    private readonly subscription: Subscription,
    private readonly settings: ConsumerSettings,
    private readonly logger: MessagingLogger,
  ) {
    this.definitions = new Map(subscription.definitions.map((d) => [d.type, d]));
  }

  get hasJoined(): boolean {
    return this.joined;
  }

  get deadLetterTopic(): string {
    return deadLetterTopicFor(this.subscription.consumerGroup);
  }

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.subscription.consumerGroup,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      // Short fetch waits keep shutdown and first delivery prompt.
      maxWaitTimeInMs: 500,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joined = true;
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.joined = false;
      this.logger.error(`consumer ${this.subscription.consumerGroup} crashed: ${event.payload.error.message}`, event.payload.error.stack, 'EventConsumer');
    });
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      messagingMetrics.consumerLag.set(
        { group: this.subscription.consumerGroup, topic: payload.topic, partition: String(payload.partition) },
        Number(payload.offsetLag),
      );
    });
    await consumer.connect();
    // A new group reads the topic from the start: projections are built from the full history.
    await consumer.subscribe({ topics: [this.subscription.topic], fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /** Stops fetching, lets the batch in flight finish, commits what it resolved, disconnects (within a deadline). */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    this.joined = false;
    if (!consumer) return;
    await disconnectWithin(consumer, CONSUMER_DISCONNECT_TIMEOUT_MS, () =>
      this.logger.warn(
        `consumer ${this.subscription.consumerGroup} did not leave its group within ${CONSUMER_DISCONNECT_TIMEOUT_MS} ms; stopping without it (what it did not commit is redelivered)`,
        'EventConsumer',
      ),
    );
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    const decoded = batch.messages.map((message) => this.decode(message));
    for (let start = 0; start < decoded.length; start += this.settings.chunkSize) {
      if (!isRunning() || isStale()) return;
      const chunk = decoded.slice(start, start + this.settings.chunkSize);
      for (const item of chunk) {
        if (item.problems) await this.deadLetter(item, batch.partition, 'CONTRACT_VIOLATION', item.problems.join('; '), 0);
      }
      const valid = chunk.filter((item) => item.event);
      const appliedTogether = valid.length > 1 && (await this.tryApply(valid, batch.partition));
      if (!appliedTogether) {
        for (const item of valid) {
          if (!isRunning() || isStale()) return;
          const done = await this.applyWithRetries(item, batch.partition, heartbeat, isRunning);
          if (!done) return;
          resolveOffset(item.message.offset);
        }
      }
      resolveOffset(chunk[chunk.length - 1].message.offset);
      await heartbeat();
      await commitOffsetsIfNecessary();
    }
  }

  private decode(message: KafkaMessage): Decoded {
    let raw: unknown;
    try {
      raw = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch {
      return { message, problems: ['message value is not JSON'] };
    }
    const result = validateEvent(raw, this.definitions);
    return result.ok ? { message, event: result.event } : { message, problems: result.problems };
  }

  /** Fast path: the whole chunk in one transaction. False if any handler threw (nothing kept). */
  private async tryApply(items: Decoded[], partition: number): Promise<boolean> {
    try {
      await this.apply(items, partition);
      return true;
    } catch (error) {
      this.logger.warn(`chunk of ${items.length} failed (${(error as Error).message}); replaying one by one`, 'EventConsumer');
      return false;
    }
  }

  /** Slow path for one message: retries with back-off, then the dead-letter topic. */
  private async applyWithRetries(
    item: Decoded,
    partition: number,
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.apply([item], partition);
        return true;
      } catch (error) {
        messagingMetrics.handlerFailures.inc(this.labels());
        const err = error as Error;
        if (attempt >= this.settings.maxAttempts) {
          await this.deadLetter(item, partition, 'HANDLER_FAILED', err.stack ?? err.message, attempt);
          return true;
        }
        this.logger.warn(`event ${item.event?.id} attempt ${attempt} failed: ${err.message}`, 'EventConsumer');
        await this.backOff(attempt, heartbeat);
        // On shutdown, leave the message unresolved: it is redelivered to whoever takes over.
        if (!isRunning()) return false;
      }
    }
  }

  private async apply(items: Decoded[], partition: number): Promise<void> {
    const { consumerGroup, topic } = this.subscription;
    await this.dataSource.transaction(async (manager) => {
      const events = items.map((item) => item.event as CloudEvent);
      const inserted: Array<{ event_id: string }> = await manager.query(
        `INSERT INTO inbox (consumer_group, event_id, event_type)
         SELECT $1, t.id, t.type FROM unnest($2::text[], $3::text[]) AS t(id, type)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumerGroup, events.map((e) => e.id), events.map((e) => e.type)],
      );
      const fresh = new Set(inserted.map((row) => row.event_id));
      const toApply: Decoded[] = [];
      for (const item of items) {
        // delete(): a second copy of the same event in this chunk is a duplicate too.
        if (fresh.delete((item.event as CloudEvent).id)) toApply.push(item);
        else messagingMetrics.eventsDuplicate.inc(this.labels());
      }
      if (toApply.length === 0) return;
      const contextOf = (item: Decoded): ConsumeContext => ({ manager, topic, partition, offset: item.message.offset, consumerGroup });
      const handleMany = this.subscription.handleMany;
      if (handleMany && toApply.length > 1) {
        const first = toApply[0].event as CloudEvent;
        await runWithCorrelation({ correlationId: first.correlationid, causationId: first.id }, () =>
          handleMany(toApply.map((item) => item.event as CloudEvent), contextOf(toApply[toApply.length - 1])),
        );
        return;
      }
      for (const item of toApply) {
        const event = item.event as CloudEvent;
        await runWithCorrelation({ correlationId: event.correlationid, causationId: event.id }, () =>
          this.subscription.handle(event, contextOf(item)),
        );
      }
    });
    messagingMetrics.eventsConsumed.inc(this.labels(), items.length);
  }

  private async deadLetter(item: Decoded, partition: number, reason: string, error: string, attempts: number): Promise<void> {
    const { message } = item;
    const headers: IHeaders = {
      ...message.headers,
      'dlq-reason': reason,
      'dlq-error': error.slice(0, 4000),
      'dlq-original-topic': this.subscription.topic,
      'dlq-original-partition': String(partition),
      'dlq-original-offset': message.offset,
      'dlq-consumer-group': this.subscription.consumerGroup,
      'dlq-attempts': String(attempts),
      'dlq-failed-at': new Date().toISOString(),
    };
    await this.deadLetterProducer.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
    messagingMetrics.deadLettered.inc({ ...this.labels(), reason });
    this.logger.error(
      `dead-lettered ${this.subscription.topic}[${partition}]@${message.offset} to ${this.deadLetterTopic}: ${reason}: ${error.split('\n')[0]}`,
      undefined,
      'EventConsumer',
    );
  }

  private async backOff(attempt: number, heartbeat: () => Promise<void>): Promise<void> {
    const delay = Math.min(this.settings.maxBackoffMs, this.settings.initialBackoffMs * 2 ** (attempt - 1));
    await new Promise((resolve) => setTimeout(resolve, delay));
    await heartbeat();
  }

  private labels(): { group: string; topic: string } {
    return { group: this.subscription.consumerGroup, topic: this.subscription.topic };
  }
}
