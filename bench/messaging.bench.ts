/**
 * Messaging end to end: N events staged through the transactional outbox (100 per transaction,
 * four writers), published by the relay, consumed through the inbox with one effect row each —
 * against raw kafkajs on the same machine in the same run (producer sendBatch + consumer
 * eachBatch, no database) moving the same messages: envelope, key and headers.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Message } from 'kafkajs';
import { IsInt } from 'class-validator';
import { DataSource } from 'typeorm';
import { defineEvent, deadLetterTopicFor } from '@westgate/contracts';
import {
  createKafka,
  createOrderedProducer,
  ensureTopics,
  eventHeaders,
  EventConsumer,
  MESSAGING_MIGRATIONS,
  OutboxCommitSubscriber,
  OutboxRelay,
  OutboxWriter,
  type MessagingLogger,
} from '@westgate/messaging';
import { buildDataSourceOptions, dropDatabase, ensureDatabaseExists, runMigrationsLocked, withDatabase } from '@westgate/persistence';
import type { Benchmark } from './report';

class BenchPayload {
  @IsInt()
  n!: number;
}

const logger: MessagingLogger = { log: () => undefined, warn: (m) => console.warn(m), error: (m) => console.error(m) };
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const PARTITIONS = 6;

async function throughOutboxAndInbox(total: number): Promise<number> {
  const url = withDatabase(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'westgate_bench_messaging');
  await dropDatabase(url);
  await ensureDatabaseExists(url);
  const dataSource = await new DataSource(
    buildDataSourceOptions({ url, entities: [], migrations: MESSAGING_MIGRATIONS, applicationName: 'bench', poolSize: 12 }),
  ).initialize();
  dataSource.subscribers.push(new OutboxCommitSubscriber());
  await runMigrationsLocked(dataSource);
  await dataSource.query('CREATE TABLE effects (event_id text PRIMARY KEY, n int NOT NULL)');

  const suffix = randomBytes(4).toString('hex');
  const topic = `bench.messaging.${suffix}`;
  const group = `bench-messaging-${suffix}`;
  const definition = defineEvent(`westgate.bench.tick.${suffix}.v1`, topic, BenchPayload);
  const kafka = createKafka('bench-messaging', brokers, logger);
  await ensureTopics(kafka, [topic, deadLetterTopicFor(group)], { numPartitions: PARTITIONS, replicationFactor: 1 });
  const producer = createOrderedProducer(kafka);
  await producer.connect();
  const relay = new OutboxRelay(producer, { serviceName: 'bench', databaseUrl: url, batchSize: 2000, pollIntervalMs: 500, retainPublishedMs: 3_600_000 }, logger);
  const consumer = new EventConsumer(
    kafka,
    dataSource,
    producer,
    {
      topic,
      consumerGroup: group,
      definitions: [definition],
      handle: async (event, { manager }) => {
        await manager.query('INSERT INTO effects (event_id, n) VALUES ($1, $2)', [event.id, (event.data as BenchPayload).n]);
      },
      handleMany: async (events, { manager }) => {
        await manager.query('INSERT INTO effects (event_id, n) SELECT * FROM unnest($1::text[], $2::int[])', [
          events.map((e) => e.id),
          events.map((e) => (e.data as BenchPayload).n),
        ]);
      },
    },
    { maxAttempts: 3, initialBackoffMs: 50, maxBackoffMs: 500, chunkSize: 500, partitionsConsumedConcurrently: PARTITIONS },
    logger,
  );
  await consumer.start();
  while (!consumer.hasJoined) await new Promise((resolve) => setTimeout(resolve, 20));
  await relay.start();

  const writer = new OutboxWriter('bench');
  writer.whenCommitted(() => relay.nudge());
  const perTransaction = 100;
  const writers = 4;
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < total) {
        const from = next;
        next += perTransaction;
        const events = Array.from({ length: Math.min(perTransaction, total - from) }, (_, i) => ({
          definition,
          subject: `agg-${(from + i) % 997}`,
          data: { n: from + i },
        }));
        await dataSource.transaction((manager) => writer.stageAll(manager, events));
      }
    }),
  );
  for (;;) {
    const [{ n }] = (await dataSource.query('SELECT count(*)::int AS n FROM effects')) as Array<{ n: number }>;
    if (n >= total) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (Date.now() - started) / 1000;
  await consumer.stop();
  await relay.stop();
  await producer.disconnect();
  await dataSource.destroy();
  await dropDatabase(url);
  return total / seconds;
}

async function rawKafkajs(total: number): Promise<number> {
  const suffix = randomBytes(4).toString('hex');
  const topic = `bench.raw.${suffix}`;
  const kafka = createKafka('bench-raw', brokers, logger);
  await ensureTopics(kafka, [topic], { numPartitions: PARTITIONS, replicationFactor: 1 });
  const producer = createOrderedProducer(kafka);
  await producer.connect();
  const consumer = kafka.consumer({ groupId: `bench-raw-${suffix}`, maxWaitTimeInMs: 100 });
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let consumed = 0;
  await consumer.run({
    partitionsConsumedConcurrently: PARTITIONS,
    eachBatch: async ({ batch }) => {
      consumed += batch.messages.length;
    },
  });
  while (!joined) await new Promise((resolve) => setTimeout(resolve, 20));
  const started = Date.now();
  // The same messages the outbox path publishes: a full envelope, keyed by aggregate, with the
  // event headers (kafkajs spends as much on three headers as on the rest of a small record).
  const correlationid = randomUUID();
  const message = (n: number): Message => {
    const envelope = {
      specversion: '1.0',
      id: randomUUID(),
      source: '/westgate/bench',
      type: `westgate.bench.raw.${suffix}.v1`,
      subject: `agg-${n % 997}`,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      correlationid,
      data: { n },
    };
    return { key: envelope.subject, value: JSON.stringify(envelope), headers: eventHeaders(envelope) };
  };
  for (let from = 0; from < total; from += 2000) {
    const messages = Array.from({ length: Math.min(2000, total - from) }, (_, i) => message(from + i));
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
  }
  while (consumed < total) await new Promise((resolve) => setTimeout(resolve, 10));
  const seconds = (Date.now() - started) / 1000;
  await consumer.disconnect();
  await producer.disconnect();
  return total / seconds;
}

const messaging: Benchmark = async ({ quick }) => {
  const total = quick ? 10_000 : 50_000;
  console.log(`messaging: ${total} events, outbox → Kafka → inbox, against raw kafkajs`);
  const baselineEventsPerSec = await rawKafkajs(total);
  const eventsPerSec = await throughOutboxAndInbox(total);
  return {
    events: total,
    eventsPerSec: Math.round(eventsPerSec),
    baselineEventsPerSec: Math.round(baselineEventsPerSec),
    ratio: eventsPerSec / baselineEventsPerSec,
  };
};

export default messaging;
