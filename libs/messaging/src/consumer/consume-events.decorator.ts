import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventDefinition } from '@westgate/contracts';

export const CONSUME_EVENTS_EXTRAS = 'westgateConsumer';

export interface ConsumeEventsOptions {
  /** Suffix of the consumer group; by default the topic, so each topic has its own group. */
  name?: string;
  /**
   * Call the handler as `(events: CloudEvent<T>[], context)` with the new events of a chunk, in
   * order, all in one transaction — for set-based writes on busy topics. A chunk that fails is
   * replayed one event per call, so a poison event is retried and dead-lettered on its own.
   */
  batch?: boolean;
}

export interface ConsumeEventsExtras extends ConsumeEventsOptions {
  topic: string;
  definitions: readonly EventDefinition[];
}

/**
 * Marks a controller method as the handler of some event types on one topic. The handler is
 * called as `(event: CloudEvent<T>, context: ConsumeContext)` (or with an array of events, see
 * `batch`) inside the inbox transaction and must write its effect through `context.manager`.
 */
export function ConsumeEvents(definitions: readonly EventDefinition[], options: ConsumeEventsOptions = {}): MethodDecorator {
  const topics = [...new Set(definitions.map((d) => d.topic))];
  if (topics.length !== 1) {
    throw new Error(`@ConsumeEvents takes event types of exactly one topic (got ${topics.join(', ') || 'none'})`);
  }
  const extras: ConsumeEventsExtras = { ...options, topic: topics[0], definitions };
  const pattern = EventPattern(`${options.name ?? topics[0]}`, { [CONSUME_EVENTS_EXTRAS]: extras });
  return (target, propertyKey, descriptor) => {
    // Nest passes only the payload to an undecorated handler: declare both parameters, so that
    // handlers read as plain `(event, context)`.
    Payload()(target, propertyKey, 0);
    Ctx()(target, propertyKey, 1);
    return pattern(target, propertyKey, descriptor);
  };
}
