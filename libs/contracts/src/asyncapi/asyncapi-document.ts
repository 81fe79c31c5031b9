import type { EventDefinition } from '../catalogue/event-definition';
import { schemaOf, type JsonSchema } from './json-schema';

const ENVELOPE: JsonSchema = {
  type: 'object',
  description: 'CloudEvents 1.0, structured mode; `data` is the payload of `type`',
  required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'correlationid', 'data'],
  properties: {
    specversion: { const: '1.0' },
    id: { type: 'string', description: 'unique; consumers deduplicate on it' },
    source: { type: 'string', description: 'e.g. /westgate/support-grants' },
    type: { type: 'string', description: 'westgate.<area>.<entity>.<verb>.v<n>' },
    subject: { type: 'string', description: 'the aggregate id, also the Kafka key' },
    time: { type: 'string', format: 'date-time' },
    datacontenttype: { const: 'application/json' },
    correlationid: { type: 'string', description: 'from the HTTP request that started it' },
    causationid: { type: 'string', description: 'the event or request that caused this one' },
    data: { type: 'object' },
  },
};

/** The AsyncAPI 3 document of every event type in the catalogue: channels are topics. */
export function buildAsyncApiDocument(definitions: readonly EventDefinition[], version: string): object {
  const schemas: Record<string, JsonSchema> = { CloudEventEnvelope: ENVELOPE };
  const channels: Record<string, object> = {};
  const operations: Record<string, object> = {};
  const messages: Record<string, object> = {};
  const sorted = [...definitions].sort((a, b) => a.type.localeCompare(b.type));
  for (const definition of sorted) {
    const payloadName = definition.payload.name;
    schemas[payloadName] ??= schemaOf(definition.payload, schemas);
    const messageName = definition.type.replace(/^westgate\./, '').replace(/[^a-zA-Z0-9]+/g, '_');
    messages[messageName] = {
      name: definition.type,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          ce_id: { type: 'string' },
          ce_type: { const: definition.type },
          'correlation-id': { type: 'string' },
          'causation-id': { type: 'string' },
        },
      },
      payload: {
        allOf: [
          { $ref: '#/components/schemas/CloudEventEnvelope' },
          { type: 'object', properties: { type: { const: definition.type }, data: { $ref: `#/components/schemas/${payloadName}` } } },
        ],
      },
    };
    const channelName = String(definition.topic).replace(/\./g, '_');
    const channel = (channels[channelName] ??= { address: definition.topic, messages: {} }) as { messages: Record<string, object> };
    channel.messages[messageName] = { $ref: `#/components/messages/${messageName}` };
  }
  for (const [channelName, channel] of Object.entries(channels)) {
    operations[`publish_${channelName}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelName}` },
      messages: Object.keys((channel as { messages: object }).messages).map((m) => ({ $ref: `#/channels/${channelName}/messages/${m}` })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Westgate events',
      version,
      description:
        'Every event Westgate services publish on Kafka. Delivery is at least once; consumers deduplicate on the CloudEvents id. A message that cannot be processed goes to westgate.dlq.<consumer-group>.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { schemas, messages },
  };
}
