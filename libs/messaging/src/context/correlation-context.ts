import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What ties one user action to everything it causes: the HTTP request's correlation id travels
 * into the events it publishes, and a consumed event's id becomes the causation id of the events
 * its handler publishes.
 */
export interface CorrelationContext {
  correlationId: string;
  causationId?: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

export function runWithCorrelation<T>(context: CorrelationContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentCorrelation(): CorrelationContext | undefined {
  return storage.getStore();
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** The context to stamp on a new event: the current one, or a fresh correlation for background work. */
export function correlationForNewEvent(): CorrelationContext {
  return storage.getStore() ?? { correlationId: randomUUID() };
}
