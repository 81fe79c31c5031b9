import * as contracts from '../index';
import type { EventDefinition } from '../catalogue/event-definition';

function isEventDefinition(value: unknown): value is EventDefinition {
  return typeof value === 'object' && value !== null && 'type' in value && 'topic' in value && 'payload' in value;
}

/** Every event type this library defines: whatever `defineEvent` made and index.ts exports. */
export function eventCatalogue(): EventDefinition[] {
  const seen = new Map<string, EventDefinition>();
  for (const value of Object.values(contracts)) {
    if (isEventDefinition(value)) seen.set(value.type, value);
  }
  return [...seen.values()];
}
