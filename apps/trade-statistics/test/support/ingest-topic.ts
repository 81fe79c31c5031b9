import { randomUUID } from 'node:crypto';
import { TOPICS, TradeDeclarationsSubmitted } from '@westgate/contracts';
import { ensureTopics } from '@westgate/messaging';
import { testKafka } from '@westgate/testing';
import { Partitioners, type Message } from 'kafkajs';
import type { TestDeclaration } from './declarations.fixture';

/** The ingest topic's batch envelope for one enterprise's declarations, as an external producer writes it. */
export function batchMessage(uscc: string, declarations: readonly unknown[], overrides: Record<string, unknown> = {}): Message {
  return {
    key: uscc,
    value: JSON.stringify({
      specversion: '1.0',
      id: randomUUID(),
      source: '/customs-feed',
      type: TradeDeclarationsSubmitted.type,
      subject: uscc,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data: { uscc, declarations },
      ...overrides,
    }),
  };
}

/** Groups declarations by enterprise into batch messages of at most `perMessage`. */
export function batchMessages(rows: readonly TestDeclaration[], perMessage = 200): Message[] {
  const byUscc = new Map<string, TestDeclaration[]>();
  for (const row of rows) byUscc.set(row.uscc, [...(byUscc.get(row.uscc) ?? []), row]);
  const messages: Message[] = [];
  for (const [uscc, group] of byUscc) {
    for (let i = 0; i < group.length; i += perMessage) messages.push(batchMessage(uscc, group.slice(i, i + perMessage)));
  }
  return messages;
}

/** Writes messages to the (namespaced) ingest topic directly, as an external producer would. */
export async function produceToIngestTopic(namespace: string, messages: Message[]): Promise<void> {
  const kafka = testKafka('external-customs-feed');
  const topic = `${namespace}.${TOPICS.tradeDeclaration}`;
  await ensureTopics(kafka, [topic], { numPartitions: 3, replicationFactor: 1 });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    // The broker takes record batches of up to 1 MB.
    let batch: Message[] = [];
    let bytes = 0;
    for (const message of messages) {
      const size = String(message.value).length;
      if (batch.length > 0 && bytes + size > 800_000) {
        await producer.send({ topic, acks: -1, messages: batch });
        batch = [];
        bytes = 0;
      }
      batch.push(message);
      bytes += size;
    }
    if (batch.length > 0) await producer.send({ topic, acks: -1, messages: batch });
  } finally {
    await producer.disconnect();
  }
}
