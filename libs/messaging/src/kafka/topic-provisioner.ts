import type { Kafka } from 'kafkajs';

/**
 * Creates the topics a service needs with an explicit partition count (the broker's auto-create
 * is off). Idempotent, and safe when several services create the same topic at once.
 */
export interface TopicSettings {
  numPartitions: number;
  /** 1 on a single development broker; 3 on a production cluster. */
  replicationFactor: number;
}

export async function ensureTopics(kafka: Kafka, topics: readonly string[], settings: TopicSettings): Promise<void> {
  if (topics.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, ...settings })),
      });
    } catch (error) {
      // Another replica won the race: fine, as long as every topic now exists.
      const now = new Set(await admin.listTopics());
      const stillMissing = missing.filter((topic) => !now.has(topic));
      if (stillMissing.length > 0) throw error;
    }
  } finally {
    await admin.disconnect();
  }
}
