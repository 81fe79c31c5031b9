import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import {
  MAX_DECLARATIONS_PER_MESSAGE,
  TOPICS,
  TradeDeclarationsSubmitted,
  type CloudEvent,
  type TradeDeclarationBatchV1,
} from '@westgate/contracts';
import { correlationForNewEvent, MessagingRuntime } from '@westgate/messaging';
import { ProblemException } from '@westgate/platform';
import { Partitioners, type Message, type Producer } from 'kafkajs';
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

  /** Publishes the declarations; `importId` lets the consumer report the import's progress. */
  async publish(declarations: readonly Declaration[], importId?: string): Promise<void> {
    if (declarations.length === 0) return;
    const messages = this.toMessages(declarations, importId);
    const sends: Message[][] = [];
    let current: Message[] = [];
    let bytes = 0;
    for (const message of messages) {
      const size = (message.value as string).length + 64;
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
      this.logger.error(`publishing ${declarations.length} declarations failed: ${(error as Error).message}`);
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'INGEST_UNAVAILABLE',
        'The declarations could not be handed to the ingest topic; nothing of this request was lost on our side, retry it (repeated declarationIds are not counted twice)',
      );
    }
  }

  private toMessages(declarations: readonly Declaration[], importId?: string): Message[] {
    const byUscc = new Map<string, Declaration[]>();
    for (const declaration of declarations) {
      const group = byUscc.get(declaration.uscc);
      if (group) group.push(declaration);
      else byUscc.set(declaration.uscc, [declaration]);
    }
    const correlation = correlationForNewEvent();
    const time = new Date().toISOString();
    const messages: Message[] = [];
    for (const [uscc, group] of byUscc) {
      for (let start = 0; start < group.length; start += MAX_DECLARATIONS_PER_MESSAGE) {
        const data: TradeDeclarationBatchV1 = {
          uscc,
          ...(importId ? { importId } : {}),
          declarations: group.slice(start, start + MAX_DECLARATIONS_PER_MESSAGE),
        };
        const event: CloudEvent<TradeDeclarationBatchV1> = {
          specversion: '1.0',
          id: randomUUID(),
          source: '/westgate/trade-statistics',
          type: TradeDeclarationsSubmitted.type,
          subject: uscc,
          time,
          datacontenttype: 'application/json',
          correlationid: correlation.correlationId,
          ...(correlation.causationId ? { causationid: correlation.causationId } : {}),
          data,
        };
        messages.push({
          key: uscc,
          value: JSON.stringify(event),
          headers: { ce_id: event.id, ce_type: event.type, 'correlation-id': event.correlationid },
        });
      }
    }
    return messages;
  }
}
