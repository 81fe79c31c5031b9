import type { Admin, Kafka } from 'kafkajs';

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
    // A topic another service has just created may be listed before its partitions have
    // leaders; producing or subscribing then fails at start-up. Wait until they do.
    await waitForLeaders(admin, missing);
  } finally {
    await admin.disconnect();
  }
}

const LEADER_DEADLINE_MS = 30_000;

async function waitForLeaders(admin: Admin, topics: readonly string[]): Promise<void> {
  const deadline = Date.now() + LEADER_DEADLINE_MS;
  for (;;) {
    const ready = await admin
      .fetchTopicMetadata({ topics: [...topics] })
      .then(({ topics: found }) => found.every((topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0)))
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no partition leaders after ${LEADER_DEADLINE_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
