import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '@westgate/platform';
import type { Channel, DeliveryStatus } from './delivery-status';

// Tests build several services in one process: reuse a metric once it exists.
function counter(name: string, help: string, labelNames: string[]): Counter<string> {
  return (metricsRegistry.getSingleMetric(name) as Counter<string> | undefined) ?? new Counter({ name, help, labelNames, registers: [metricsRegistry] });
}

function gauge(name: string, help: string, labelNames: string[]): Gauge<string> {
  return (metricsRegistry.getSingleMetric(name) as Gauge<string> | undefined) ?? new Gauge({ name, help, labelNames, registers: [metricsRegistry] });
}

function histogram(name: string, help: string, labelNames: string[], buckets: number[]): Histogram<string> {
  return (
    (metricsRegistry.getSingleMetric(name) as Histogram<string> | undefined) ??
    new Histogram({ name, help, labelNames, buckets, registers: [metricsRegistry] })
  );
}

const deliveries = counter(
  'westgate_notification_deliveries_total',
  'Deliveries by channel and outcome: queued when recorded, retried after a failed attempt, sent, failed (given up)',
  ['channel', 'status'],
);
const backlog = gauge('westgate_notification_delivery_backlog', 'Deliveries queued and not yet sent, by channel', ['channel']);
const attemptDuration = histogram(
  'westgate_notification_delivery_attempt_seconds',
  'Time of one e-mail or webhook attempt, by channel and outcome',
  ['channel', 'outcome'],
  [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
);

export type DeliveryOutcome = DeliveryStatus | 'retried';

/** Counters and gauges of the delivery channels, served at `/metrics`. */
export const deliveryMetrics = {
  count(channel: Channel, status: DeliveryOutcome, n = 1): void {
    if (n > 0) deliveries.inc({ channel, status }, n);
  },
  backlog(channel: Channel, queued: number): void {
    backlog.set({ channel }, queued);
  },
  attempt(channel: Channel, outcome: 'sent' | 'failed', seconds: number): void {
    attemptDuration.observe({ channel, outcome }, seconds);
  },
};
