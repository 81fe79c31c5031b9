/** One thing the service needs before it can take traffic: the database, Kafka, its consumers. */
export interface ReadinessCheck {
  /** Shown in `/health/ready`, e.g. `database`. */
  name: string;
  /** Resolves when ready; rejects (or times out) when not. */
  check: () => Promise<void>;
  /** How long the check may take before it counts as failed; default 3000 ms. */
  timeoutMs?: number;
}
