import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { CONSUME_EVENTS_EXTRAS, ConsumeEventsExtras } from './consume-events.decorator';
import { ConsumeContext, ConsumerSettings, EventConsumer, Subscription } from './event-consumer';
import { ensureTopics, TopicSettings } from '../kafka/topic-provisioner';
import type { MessagingLogger } from '../kafka/kafka-client';
import type { KafkaNames } from '../kafka/kafka-names';
import { deadLetterTopicFor, type CloudEvent } from '@westgate/contracts';

/**
 * A Nest microservice transport for Kafka that keeps the platform's delivery guarantees.
 *
 * Why not Nest's own `ServerKafka`: it runs one kafkajs consumer for every topic (a slow handler
 * stalls all of them), commits an offset even when the handler failed (the message is lost) or,
 * configured otherwise, retries a poison message forever and blocks its partition
 * (nestjs/nest#14664), and has no inbox. Here handlers are still declared the Nest way
 * (`@ConsumeEvents`, an `@EventPattern`) and run through Nest's pipeline, but each subscription
 * gets its own `EventConsumer` with inbox, bounded retries and a dead-letter topic.
 */
export class KafkaEventsServer extends Server implements CustomTransportStrategy {
  private readonly consumers: EventConsumer[] = [];

  constructor(
    private readonly serviceName: string,
    private readonly names: KafkaNames,
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly deadLetterProducer: Producer,
    private readonly topicSettings: TopicSettings,
    private readonly consumerSettings: ConsumerSettings,
    private readonly messagingLogger: MessagingLogger,
  ) {
    super();
  }

  /** Every consumer has joined its group: the readiness check. */
  get allJoined(): boolean {
    return this.consumers.every((consumer) => consumer.hasJoined);
  }

  get consumerCount(): number {
    return this.consumers.length;
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const subscriptions = [...this.getHandlers().values()]
        .filter((handler) => handler.isEventHandler && handler.extras?.[CONSUME_EVENTS_EXTRAS])
        .map((handler) => this.toSubscription(handler));
      await ensureTopics(
        this.kafka,
        subscriptions.flatMap((s) => [s.topic, deadLetterTopicFor(s.consumerGroup)]),
        this.topicSettings,
      );
      for (const subscription of subscriptions) {
        const consumer = new EventConsumer(
          this.kafka,
          this.dataSource,
          this.deadLetterProducer,
          subscription,
          this.consumerSettings,
          this.messagingLogger,
        );
        this.consumers.push(consumer);
        await consumer.start();
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    this.consumers.length = 0;
  }

  on(): void {
    // kafkajs reports its own events to each EventConsumer; nothing to forward.
  }

  unwrap<T>(): T {
    return this.kafka as T;
  }

  private toSubscription(handler: MessageHandler): Subscription {
    const extras = handler.extras?.[CONSUME_EVENTS_EXTRAS] as ConsumeEventsExtras;
    // Nest wraps the method with its pipes, interceptors and exception filters; its result may
    // be an Observable that must complete (or error) before the effect counts as done.
    const run = async (payload: CloudEvent | CloudEvent[], context: ConsumeContext): Promise<void> => {
      const result: unknown = await handler(payload, context);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    };
    const subscription = {
      topic: this.names.topic(extras.topic),
      consumerGroup: this.names.group(this.serviceName, extras.name ?? extras.topic),
      definitions: extras.definitions,
    };
    return extras.batch
      ? { ...subscription, handle: (event, context) => run([event], context), handleMany: (events, context) => run(events, context) }
      : { ...subscription, handle: (event, context) => run(event, context) };
  }
}
