import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { deadLetterTopicFor, TOPICS } from '@westgate/contracts';
import { CONSUMER_DISCONNECT_TIMEOUT_MS, disconnectWithin, ensureTopics, MessagingRuntime } from '@westgate/messaging';
import { metricsRegistry, ReadinessRegistry } from '@westgate/platform';
import type { Consumer, EachBatchPayload, IHeaders, KafkaMessage } from 'kafkajs';
import { Pool, type PoolClient } from 'pg';
import { Counter, Histogram } from 'prom-client';
import { StatisticsConfig } from '../trade-statistics.config';
import { decodeDeclarationBatch, type InvalidDeclaration } from './declaration-batch.rules';
import { copyText, recordDeclarations, type StagedRows } from './record-declarations.usecase';

const SERVICE_NAME = 'trade-statistics';
const INITIAL_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 5_000;

function counter(name: string, help: string, labelNames: string[] = []): Counter<string> {
  return (metricsRegistry.getSingleMetric(name) as Counter<string> | undefined) ?? new Counter({ name, help, labelNames });
}

const metrics = {
  ingested: counter('westgate_declarations_ingested_total', 'Declarations recorded for the first time'),
  duplicates: counter('westgate_declarations_duplicate_total', 'Declarations ignored because their id was seen before'),
  deadLettered: counter('westgate_declarations_dead_lettered_total', 'Ingest messages or declarations dead-lettered', ['reason']),
  chunkSeconds:
    (metricsRegistry.getSingleMetric('westgate_declaration_chunk_seconds') as Histogram<string> | undefined) ??
    new Histogram({
      name: 'westgate_declaration_chunk_seconds',
      help: 'Time to record one chunk of declarations (one transaction)',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    }),
};

/**
 * One message, decoded and checked: its valid declarations are kept only as COPY lines (the
 * parsed objects are dropped at once, so a chunk's memory is its text, not its objects).
 */
interface Item {
  message: KafkaMessage;
  /** The valid declarations as COPY text, and how many. */
  copy: string;
  rows: number;
  importId?: string;
  /** Why the whole message is refused. */
  problems?: string[];
  /** The refused declarations of an otherwise good message, for the dead-letter topic. */
  invalid?: { envelope: Record<string, unknown>; declarations: InvalidDeclaration[] };
}

function toItem(message: KafkaMessage): Item {
  const decoded = decodeDeclarationBatch(message.value);
  if (!decoded.ok) return { message, copy: '', rows: 0, problems: decoded.problems };
  return {
    message,
    copy: copyText(decoded.valid, decoded.importId),
    rows: decoded.valid.length,
    importId: decoded.importId,
    invalid: decoded.invalid.length > 0 ? { envelope: decoded.envelope, declarations: decoded.invalid } : undefined,
  };
}

/** Errors worth waiting out rather than dead-lettering valid data: the database went away, a deadlock, a restart. */
export function isTransientDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(08|40|53|57|58)/.test(code)) return true;
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '55P03'].includes(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    (error as Error).message ?? '',
  );
}

/**
 * The consumer of the ingest topic `westgate.trade.declaration.v1`.
 *
 * Why not a `@ConsumeEvents` handler like the registry and grants consumers: those apply one
 * event at a time through the inbox, a few thousand events a second; ingestion must sustain
 * 50,000 declarations a second. So this is a dedicated kafkajs consumer with `eachBatch`:
 *
 * - every message is validated against the contract (declaration-batch.rules.ts); a message that
 *   breaks it, or the bad declarations of a good message, go to `westgate.dlq.<group>` with the
 *   reason, never silently dropped;
 * - the valid declarations of up to `INGEST_CHUNK_ROWS` rows are written set-based in ONE
 *   transaction (COPY into staging, `INSERT … ON CONFLICT (declaration_id) DO NOTHING`, the
 *   roll-ups updated from the newly inserted rows only): the declaration's unique key is the
 *   idempotency, so the consumer needs no inbox, and a redelivered or repeated declaration is
 *   counted once;
 * - offsets are resolved and committed only after the database commit; a crash in between means
 *   a redelivery, which the unique key makes harmless;
 * - a failing chunk is retried with exponential back-off: for as long as it takes when the
 *   database is unreachable (valid data is never dead-lettered for an outage), `INGEST_MAX_ATTEMPTS`
 *   times for a data error, after which its messages are tried one by one and the one that
 *   still fails is dead-lettered;
 * - partitions are consumed concurrently (`INGEST_CONCURRENCY`, one pooled connection each);
 *   stopping lets the chunk in flight finish, commits, and leaves the rest for the next owner.
 */
@Injectable()
export class DeclarationIngestConsumer implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeclarationIngestConsumer.name);
  readonly topic: string;
  readonly group: string;
  readonly deadLetterTopic: string;
  private consumer?: Consumer;
  private pool?: Pool;
  private joined = false;

  constructor(
    private readonly runtime: MessagingRuntime,
    private readonly readiness: ReadinessRegistry,
    private readonly config: StatisticsConfig,
  ) {
    this.topic = runtime.names.topic(TOPICS.tradeDeclaration);
    this.group = runtime.names.group(SERVICE_NAME, TOPICS.tradeDeclaration);
    this.deadLetterTopic = deadLetterTopicFor(this.group);
  }

  onModuleInit(): void {
    this.readiness.add({
      name: 'declaration-ingest',
      check: async () => {
        if (!this.joined) throw new Error('the declaration ingest consumer has not joined its group yet');
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.runtime.kafka, [this.topic, this.deadLetterTopic], {
      numPartitions: this.config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
    });
    this.pool = new Pool({
      connectionString: this.config.DATABASE_URL,
      max: this.config.INGEST_CONCURRENCY,
      application_name: `${SERVICE_NAME}-ingest`,
    });
    // An idle client that loses its connection emits here; the pool replaces it.
    this.pool.on('error', (error) => this.logger.warn(`ingest connection lost: ${error.message}`));
    // A client in use emits its connection's errors itself (the query in flight fails too, and is
    // retried); without a listener Node would treat the event as an uncaught exception.
    this.pool.on('connect', (client) => {
      client.on('error', (error) => this.logger.warn(`ingest connection lost while in use: ${error.message}`));
    });
    const consumer = this.runtime.kafka.consumer({
      groupId: this.group,
      allowAutoTopicCreation: false,
      sessionTimeout: this.config.INGEST_SESSION_TIMEOUT_MS,
      heartbeatInterval: Math.min(3_000, Math.floor(this.config.INGEST_SESSION_TIMEOUT_MS / 3)),
      maxWaitTimeInMs: 250,
      maxBytesPerPartition: this.config.INGEST_FETCH_BYTES,
      maxBytes: this.config.INGEST_FETCH_BYTES * this.config.INGEST_CONCURRENCY,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joined = true;
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.joined = false;
      this.logger.error(`declaration ingest consumer crashed (kafkajs restarts it): ${event.payload.error.message}`);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      // Commit as soon as something is resolved, i.e. after every database commit.
      autoCommitThreshold: 1,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.config.INGEST_CONCURRENCY,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /** Lets the chunks in flight finish and commit, then lets go of the partitions and connections. */
  async onModuleDestroy(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    this.joined = false;
    if (consumer) {
      await disconnectWithin(consumer, CONSUMER_DISCONNECT_TIMEOUT_MS, () =>
        this.logger.warn(`the declaration ingest consumer did not leave its group within ${CONSUMER_DISCONNECT_TIMEOUT_MS} ms; stopping without it`),
      );
    }
    await this.pool?.end();
    this.pool = undefined;
  }

  get hasJoined(): boolean {
    return this.joined;
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    let chunk: Item[] = [];
    let rows = 0;
    for (const message of batch.messages) {
      const item = toItem(message);
      chunk.push(item);
      rows += item.rows;
      if (rows >= this.config.INGEST_CHUNK_ROWS) {
        if (!(await this.processChunk(chunk, payload))) return;
        chunk = [];
        rows = 0;
      }
    }
    if (chunk.length > 0) await this.processChunk(chunk, payload);
  }

  /** False when the consumer is stopping or lost the partition: the rest of the batch is left to be redelivered. */
  private async processChunk(items: Item[], payload: EachBatchPayload): Promise<boolean> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    if (!isRunning() || isStale()) return false;
    const timer = metrics.chunkSeconds.startTimer();
    if (!(await this.applyWithRetries(items, batch.partition, payload))) return false;
    timer();
    await this.deadLetterInvalid(items, batch.partition);
    resolveOffset(items[items.length - 1].message.offset);
    await heartbeat();
    await commitOffsetsIfNecessary();
    return true;
  }

  /** True once the chunk's valid rows are committed (or, for a persistent data error, dead-lettered). */
  private async applyWithRetries(items: Item[], partition: number, payload: EachBatchPayload): Promise<boolean> {
    const staged: StagedRows = { texts: [], rows: 0, byImport: new Map() };
    const failedByImport = new Map<string, number>();
    for (const item of items) {
      if (item.rows > 0) {
        staged.texts.push(item.copy);
        staged.rows += item.rows;
        const id = item.importId ?? '';
        staged.byImport.set(id, (staged.byImport.get(id) ?? 0) + item.rows);
      }
      if (item.importId && item.invalid) {
        failedByImport.set(item.importId, (failedByImport.get(item.importId) ?? 0) + item.invalid.declarations.length);
      }
    }
    if (staged.rows === 0 && failedByImport.size === 0) return true;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await this.withClient((client) => recordDeclarations(client, staged, partition, failedByImport));
        metrics.ingested.inc(outcome.fresh);
        metrics.duplicates.inc(staged.rows - outcome.fresh);
        return true;
      } catch (error) {
        const err = error as Error;
        const transient = isTransientDatabaseError(error);
        if (!transient && attempt >= this.config.INGEST_MAX_ATTEMPTS) {
          return this.isolateFailure(items, partition, payload, err);
        }
        this.logger.warn(
          `recording ${staged.rows} declarations from partition ${partition} failed (attempt ${attempt}${transient ? ', transient' : ''}): ${err.message}`,
        );
        await this.backOff(attempt, payload);
        if (!payload.isRunning() || payload.isStale()) return false;
      }
    }
  }

  /** A chunk keeps failing with a data error: apply its messages one by one and dead-letter the one that fails. */
  private async isolateFailure(items: Item[], partition: number, payload: EachBatchPayload, error: Error): Promise<boolean> {
    if (items.length === 1) {
      const [item] = items;
      await this.deadLetter(item.message, partition, 'HANDLER_FAILED', error.stack ?? error.message, this.config.INGEST_MAX_ATTEMPTS);
      if (item.importId) {
        const failed = new Map([[item.importId, item.rows]]);
        await this.withClient((client) => recordDeclarations(client, { texts: [], rows: 0, byImport: new Map() }, partition, failed)).catch((e: Error) =>
          this.logger.warn(`could not count dead-lettered rows in the import's progress: ${e.message}`),
        );
      }
      return true;
    }
    this.logger.warn(`a chunk of ${items.length} messages keeps failing (${error.message}); applying them one by one`);
    for (const item of items) {
      if (!(await this.applyWithRetries([item], partition, payload))) return false;
    }
    return true;
  }

  private async withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    if (!this.pool) throw new Error('the declaration ingest consumer is stopped');
    const client = await this.pool.connect();
    try {
      const result = await work(client);
      client.release();
      return result;
    } catch (error) {
      // A broken connection is thrown away; a healthy one goes back.
      client.release(isTransientDatabaseError(error) ? (error as Error) : undefined);
      throw error;
    }
  }

  private async deadLetterInvalid(items: Item[], partition: number): Promise<void> {
    for (const { message, problems, invalid } of items) {
      if (problems) {
        await this.deadLetter(message, partition, 'CONTRACT_VIOLATION', problems.join('; '), 0);
      } else if (invalid) {
        // The good declarations were recorded; the bad ones are parked in a message of their own.
        const data = { ...(invalid.envelope.data as object), declarations: invalid.declarations.map((i) => i.raw) };
        const value = JSON.stringify({ ...invalid.envelope, data });
        const reasons = invalid.declarations.flatMap((i) => i.problems).join('; ');
        await this.deadLetter({ ...message, value: Buffer.from(value) }, partition, 'CONTRACT_VIOLATION', reasons, 0, invalid.declarations.length);
      }
    }
  }

  private async deadLetter(message: KafkaMessage, partition: number, reason: string, error: string, attempts: number, count = 1): Promise<void> {
    const headers: IHeaders = {
      ...message.headers,
      'dlq-reason': reason,
      'dlq-error': error.slice(0, 4000),
      'dlq-original-topic': this.topic,
      'dlq-original-partition': String(partition),
      'dlq-original-offset': message.offset,
      'dlq-consumer-group': this.group,
      'dlq-attempts': String(attempts),
      'dlq-failed-at': new Date().toISOString(),
    };
    await this.runtime.producer.send({ topic: this.deadLetterTopic, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
    metrics.deadLettered.inc({ reason }, count);
    this.logger.error(`dead-lettered ${this.topic}[${partition}]@${message.offset} to ${this.deadLetterTopic}: ${reason}: ${error.split('\n')[0].slice(0, 500)}`);
  }

  private async backOff(attempt: number, payload: EachBatchPayload): Promise<void> {
    const delay = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** Math.min(attempt - 1, 10));
    await new Promise((resolve) => setTimeout(resolve, delay));
    await payload.heartbeat().catch(() => undefined);
  }
}
