import { HttpStatus, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TOPICS } from '@westgate/contracts';
import { correlationForNewEvent, MessagingRuntime } from '@westgate/messaging';
import { ProblemException } from '@westgate/platform';
import { Partitioners, type Message, type Producer } from 'kafkajs';
import { groupByUscc, toIngestMessages, type IngestMessage } from './declaration-messages';
import type { Declaration } from './declaration.rules';

/** The broker refuses record batches over 1 MB (`message.max.bytes`); one send stays under it in every partition. */
const MAX_SEND_BYTES = 900 * 1024;
/** Sends in flight at once: enough to keep the broker busy while the next rows are parsed. */
const SENDS_IN_FLIGHT = 4;

/**
 * Hands accepted declarations to the ingest topic, in the contract's batch envelope: one message
 * per enterprise (keyed by USCC, up to 1,000 declarations), several messages per produce request.
 * Resolves once the broker has acknowledged every message (acks = all), so a 202 means "in
 * Kafka". It has its own producer: not the outbox relay's idempotent one with a single request in
 * flight, since ingestion needs throughput and not order (a redelivered declaration is ignored
 * by its id anyway).
 */
@Injectable()
export class DeclarationPublisher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DeclarationPublisher.name);
  private readonly producer: Producer;
  private readonly topic: string;
  private connected = false;

  constructor(runtime: MessagingRuntime) {
    // The default (murmur2, Java-compatible) partitioner: the USCC key picks the partition.
    this.producer = runtime.kafka.producer({
      allowAutoTopicCreation: false,
      maxInFlightRequests: SENDS_IN_FLIGHT,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.topic = runtime.names.topic(TOPICS.tradeDeclaration);
  }

  async onModuleInit(): Promise<void> {
    await this.producer.connect();
    this.connected = true;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = false;
  }

  /** Publishes valid declarations (the JSON path), in the request's correlation. */
  async publish(declarations: readonly Declaration[]): Promise<void> {
    if (declarations.length === 0) return;
    const correlation = correlationForNewEvent();
    await this.publishMessages(toIngestMessages(groupByUscc(declarations), correlation));
  }

  /** Publishes messages already built (`toIngestMessages`), several per produce request, a few requests in flight. */
  async publishMessages(messages: readonly IngestMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const sends: Message[][] = [];
    let current: Message[] = [];
    let bytes = 0;
    for (const message of messages) {
      const size = message.value.length + 64;
      if (current.length > 0 && bytes + size > MAX_SEND_BYTES) {
        sends.push(current);
        current = [];
        bytes = 0;
      }
      current.push(message);
      bytes += size;
    }
    if (current.length > 0) sends.push(current);
    try {
      for (let i = 0; i < sends.length; i += SENDS_IN_FLIGHT) {
        await Promise.all(
          sends.slice(i, i + SENDS_IN_FLIGHT).map((batch) => this.producer.send({ topic: this.topic, acks: -1, messages: batch })),
        );
      }
    } catch (error) {
      this.logger.error(`publishing declarations failed: ${(error as Error).message}`);
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'INGEST_UNAVAILABLE',
        'The declarations could not be handed to the ingest topic; retry (repeated declarationIds are not counted twice)',
      );
    }
  }
}
