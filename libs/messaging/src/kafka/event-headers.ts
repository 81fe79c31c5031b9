import type { IHeaders } from 'kafkajs';

/**
 * Kafka headers mirroring the envelope's routing attributes, so that tools and consumers can
 * trace and filter without parsing the body (CloudEvents' Kafka binding uses the `ce_` prefix).
 */
export function eventHeaders(event: { id: string; type: string; correlationid: string; causationid?: string }): IHeaders {
  return {
    ce_id: event.id,
    ce_type: event.type,
    'correlation-id': event.correlationid,
    ...(event.causationid ? { 'causation-id': event.causationid } : {}),
  };
}
