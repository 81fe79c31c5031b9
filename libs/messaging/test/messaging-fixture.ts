import { IsInt, IsString, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Kafka, Producer } from 'kafkajs';
import { defineEvent } from '@westgate/contracts';
import { buildDataSourceOptions, runMigrationsLocked } from '@westgate/persistence';
import { createTestDatabase, testKafka, uniqueSuffix } from '@westgate/testing';
import {
  createOrderedProducer,
  ensureTopics,
  MessagingLogger,
  MESSAGING_MIGRATIONS,
  OutboxCommitSubscriber,
  OutboxRelay,
  OutboxWriter,
} from '../src';

export class ProbePayload {
  @IsString()
  name!: string;

  @IsInt()
  @Min(0)
  n!: number;
}

export const quietLogger: MessagingLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A database with the messaging tables and an `effects` table, and fresh topics. */
export async function messagingFixture(label: string) {
  const database = await createTestDatabase(label);
  const dataSource = new DataSource(
    buildDataSourceOptions({ url: database.url, entities: [], migrations: MESSAGING_MIGRATIONS, applicationName: label }),
  );
  await dataSource.initialize();
  dataSource.subscribers.push(new OutboxCommitSubscriber());
  await runMigrationsLocked(dataSource);
  await dataSource.query('CREATE TABLE effects (event_id text NOT NULL, n int NOT NULL)');
  const suffix = uniqueSuffix();
  const topic = `westgate.test.${label}.${suffix}.v1`;
  const probe = defineEvent(`westgate.test.probe.${suffix}.happened.v1`, topic, ProbePayload);
  const kafka: Kafka = testKafka(label);
  await ensureTopics(kafka, [topic], { numPartitions: 3, replicationFactor: 1 });
  const producer: Producer = createOrderedProducer(kafka);
  await producer.connect();
  const relays: OutboxRelay[] = [];
  const relaySettings = { serviceName: label, databaseUrl: database.url, batchSize: 100, pollIntervalMs: 200, retainPublishedMs: 3_600_000 };
  // As the runtime wires it: a committed transaction with events nudges this process's relays.
  const writer = new OutboxWriter(label);
  writer.whenCommitted(() => relays.forEach((relay) => relay.nudge()));
  return {
    dataSource,
    writer,
    kafka,
    producer,
    topic,
    probe,
    suffix,
    relaySettings,
    startRelay: async (relay = new OutboxRelay(producer, relaySettings, quietLogger)) => {
      relays.push(relay);
      await relay.start();
      return relay;
    },
    stopRelays: async () => {
      while (relays.length > 0) await relays.pop()?.stop();
    },
    effects: async () =>
      (await dataSource.query('SELECT event_id, n FROM effects ORDER BY n')) as Array<{ event_id: string; n: number }>,
    close: async () => {
      while (relays.length > 0) await relays.pop()?.stop();
      await producer.disconnect();
      await dataSource.destroy();
      await database.drop();
    },
  };
}
