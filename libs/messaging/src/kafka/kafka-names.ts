/**
 * Maps logical topic and group names to the broker's. Identical in production; under a namespace
 * (`KAFKA_NAMESPACE`) in tests, so that test runs sharing one broker never read each other's
 * messages or steal each other's partitions.
 */
export class KafkaNames {
  constructor(private readonly namespace = '') {}

  topic(logical: string): string {
    return this.namespace ? `${this.namespace}.${logical}` : logical;
  }

  /** One consumer group per service and subscription, e.g. `support-grants.registry.enterprise.v1`. */
  group(serviceName: string, subscription: string): string {
    const group = `${serviceName}.${subscription.replace(/^westgate\./, '')}`;
    return this.namespace ? `${this.namespace}.${group}` : group;
  }
}
