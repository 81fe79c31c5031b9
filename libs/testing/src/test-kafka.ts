import { randomBytes } from 'node:crypto';
import { Kafka, KafkaMessage, logLevel } from 'kafkajs';

export const TEST_KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

export function testKafka(clientId = 'westgate-test'): Kafka {
  return new Kafka({ clientId, brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING });
}

/** A unique suffix, so each test run gets its own topics and consumer groups. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export interface RecordedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  receivedAt: number;
}

/**
 * Reads topics from the beginning into memory, for asserting what was published: a test
 * consumer in a group of its own.
 */
export class TopicRecorder {
  readonly messages: RecordedMessage[] = [];
  private readonly consumer;

  constructor(private readonly kafka: Kafka, private readonly topics: string[]) {
    this.consumer = kafka.consumer({ groupId: `test-recorder-${uniqueSuffix()}`, maxWaitTimeInMs: 100 });
  }

  async start(): Promise<this> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    let joined = false;
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      joined = true;
    });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push(toRecorded(topic, partition, message));
      },
    });
    const deadline = Date.now() + 30_000;
    while (!joined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    return this;
  }

  on(topic: string): RecordedMessage[] {
    return this.messages.filter((m) => m.topic === topic);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

function toRecorded(topic: string, partition: number, message: KafkaMessage): RecordedMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value?.toString() ?? null,
    headers,
    receivedAt: Date.now(),
  };
}
