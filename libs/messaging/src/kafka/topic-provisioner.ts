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
    const wanted = [...new Set(topics)];
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    // kafkajs's own waitForLeaders gives up when the broker has not yet propagated a new topic's
    // metadata (UNKNOWN_TOPIC_OR_PARTITION right after creation), so we wait ourselves below.
    // A topic another replica created first is not an error (kafkajs then returns false).
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({ topic, ...settings })),
      });
    }
    // A just-created topic (ours or another service's) may be unknown to the broker's metadata, or
    // listed before its partitions have leaders; producing or subscribing would then fail at
    // start-up. One metadata round trip when all is well.
    await waitForLeaders(admin, wanted);
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
