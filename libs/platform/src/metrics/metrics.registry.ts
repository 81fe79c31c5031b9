import { Histogram, collectDefaultMetrics, register, type Registry } from 'prom-client';

/**
 * The process's Prometheus registry (prom-client's default one). Other libraries register
 * their metrics here (messaging: consumer lag, outbox backlog, DLQ count) to appear on /metrics.
 */
export const metricsRegistry: Registry = register;

export const METRIC_PREFIX = 'westgate_';

let defaultMetricsStarted = false;

/** Process metrics (CPU, memory, event loop lag, GC), once per process however many apps it hosts. */
export function startDefaultMetrics(): void {
  if (defaultMetricsStarted) return;
  defaultMetricsStarted = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: METRIC_PREFIX });
}

const HTTP_DURATION = `${METRIC_PREFIX}http_request_duration_seconds`;

/** Request latency by method, route pattern and status; created on first use, shared after. */
export function httpRequestDuration(): Histogram<'method' | 'route' | 'status'> {
  const existing = metricsRegistry.getSingleMetric(HTTP_DURATION);
  if (existing instanceof Histogram) return existing as Histogram<'method' | 'route' | 'status'>;
  return new Histogram({
    name: HTTP_DURATION,
    help: 'HTTP request duration in seconds, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metricsRegistry],
  });
}
