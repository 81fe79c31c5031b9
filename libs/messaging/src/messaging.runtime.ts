import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KafkaEventsServer } from './consumer/kafka-events.server';
import { createKafka, createOrderedProducer } from './kafka/kafka-client';
import { ensureTopics } from './kafka/topic-provisioner';
import { KafkaNames } from './kafka/kafka-names';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';
import { OutboxCommitSubscriber } from './outbox/outbox-commit.subscriber';
import { DEFAULT_CONSUMER_SETTINGS, DEFAULT_RELAY_SETTINGS, MESSAGING_OPTIONS } from './messaging.options';
import type { MessagingOptions } from './messaging.options';

/**
 * Owns the Kafka connections of one service: the producer shared by the outbox relay and the
 * dead-letter path, the relay, and the consumers' transport. Shutdown order matters: Nest closes
 * the transport (consumers finish and commit) before `onApplicationShutdown`, where the relay
 * finishes its batch and the producer disconnects last.
 */
@Injectable()
export class MessagingRuntime implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly outbox: OutboxWriter;
  readonly relay: OutboxRelay;
  readonly server: KafkaEventsServer;
  readonly names: KafkaNames;
  private producerConnected = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
  ) {
    this.names = new KafkaNames(options.namespace);
    this.kafka = createKafka(options.serviceName, options.brokers, this.logger);
    this.producer = createOrderedProducer(this.kafka);
    this.outbox = new OutboxWriter(options.serviceName);
    this.relay = new OutboxRelay(
      this.producer,
      {
        serviceName: options.serviceName,
        databaseUrl: options.databaseUrl,
        topicName: (logical) => this.names.topic(logical),
        ...DEFAULT_RELAY_SETTINGS,
        ...options.relay,
      },
      this.logger,
    );
    this.outbox.whenCommitted(() => this.relay.nudge());
    // TypeORM lists subscribers per data source; this one wakes the relay after each commit.
    dataSource.subscribers.push(new OutboxCommitSubscriber());
    this.server = new KafkaEventsServer(
      options.serviceName,
      this.names,
      this.kafka,
      dataSource,
      this.producer,
      this.topicSettings(),
      { ...DEFAULT_CONSUMER_SETTINGS, ...options.consumer },
      this.logger,
    );
  }

  async onModuleInit(): Promise<void> {
    await ensureTopics(
      this.kafka,
      this.options.producesTopics.map((topic) => this.names.topic(topic)),
      this.topicSettings(),
    );
    await this.producer.connect();
    this.producerConnected = true;
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    if (this.producerConnected) await this.producer.disconnect();
    this.producerConnected = false;
  }

  /** Readiness: the broker answers. */
  async checkKafka(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.describeCluster();
    } finally {
      await admin.disconnect();
    }
  }

  /** Readiness: every consumer has joined its group. */
  checkConsumers(): void {
    if (!this.server.allJoined) throw new Error('not every consumer has joined its group yet');
  }

  private topicSettings() {
    return { numPartitions: this.options.partitions ?? 6, replicationFactor: this.options.replicationFactor ?? 1 };
  }
}
