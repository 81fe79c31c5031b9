import type { TopicName } from '../topics/topics';

export type PayloadClass<T> = new () => T;

/**
 * One event type: its CloudEvents `type` (with the version in it), the topic it travels on and the
 * class whose class-validator rules its `data` must satisfy. Producers and consumers share it.
 */
export interface EventDefinition<T extends object = object> {
  readonly type: string;
  readonly topic: TopicName | string;
  readonly payload: PayloadClass<T>;
}

export function defineEvent<T extends object>(
  type: string,
  topic: TopicName | string,
  payload: PayloadClass<T>,
): EventDefinition<T> {
  if (!/\.v\d+$/.test(type)) {
    throw new Error(`event type ${type} must end with its version (.v1, .v2, …)`);
  }
  return Object.freeze({ type, topic, payload });
}
