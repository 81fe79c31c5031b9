import { Counter, Gauge, register } from 'prom-client';

// Metrics live in prom-client's default registry, which the platform's /metrics endpoint serves.
// Tests build several services in one process: reuse a metric once it exists.
function counter(name: string, help: string, labelNames: string[]): Counter<string> {
  return (register.getSingleMetric(name) as Counter<string> | undefined) ?? new Counter({ name, help, labelNames });
}

function gauge(name: string, help: string, labelNames: string[]): Gauge<string> {
  return (register.getSingleMetric(name) as Gauge<string> | undefined) ?? new Gauge({ name, help, labelNames });
}

// Outbox backlogs are counted when Prometheus scrapes, not after every publish.
const backlogSources = new Map<string, () => Promise<number>>();

/** Lets the gauge read a relay's backlog at scrape time; returns the function that stops it. */
export function reportOutboxBacklog(service: string, source: () => Promise<number>): () => void {
  backlogSources.set(service, source);
  return () => backlogSources.delete(service);
}

function backlogGauge(): Gauge<string> {
  const name = 'westgate_outbox_backlog';
  return (
    (register.getSingleMetric(name) as Gauge<string> | undefined) ??
    new Gauge({
      name,
      help: 'Outbox rows not yet published',
      labelNames: ['service'],
      async collect() {
        for (const [service, source] of backlogSources) {
          this.set({ service }, await source().catch(() => Number.NaN));
        }
      },
    })
  );
}

export const messagingMetrics = {
  eventsConsumed: counter('westgate_events_consumed_total', 'Events whose effect was committed', ['group', 'topic']),
  eventsDuplicate: counter('westgate_events_duplicate_total', 'Redelivered events skipped by the inbox', ['group', 'topic']),
  handlerFailures: counter('westgate_event_handler_failures_total', 'Handler attempts that threw', ['group', 'topic']),
  deadLettered: counter('westgate_events_dead_lettered_total', 'Events sent to a dead-letter topic', ['group', 'topic', 'reason']),
  consumerLag: gauge('westgate_consumer_lag', 'Messages behind the partition end, per consumer group', ['group', 'topic', 'partition']),
  outboxPublished: counter('westgate_outbox_published_total', 'Outbox rows published to Kafka', ['service']),
  outboxBacklog: backlogGauge(),
};
