import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where the correlation id of the work in progress lives. Messaging replaces both hooks with
 * its own context, so that the id of an HTTP request reaches the events it causes; pass both
 * or neither.
 */
export interface CorrelationHooks {
  /** Runs `fn` (the rest of the request) with `id` as the current correlation id. */
  run(id: string, fn: () => void): void;
  /** The current correlation id, if any; read by every log line. */
  current(): string | undefined;
}

const storage = new AsyncLocalStorage<string>();

/** The platform's own context, used until messaging supplies its hooks. */
export const defaultCorrelationHooks: CorrelationHooks = {
  run: (id, fn) => storage.run(id, fn),
  current: () => storage.getStore(),
};

export const CORRELATION_HOOKS = Symbol('CORRELATION_HOOKS');
