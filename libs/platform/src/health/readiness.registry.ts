import type { ReadinessCheck } from './readiness-check';

/**
 * The checks `GET /health/ready` runs. Modules that own a dependency add theirs when they start
 * (`registry.add({ name: 'kafka', check })` in `onModuleInit`), so the platform needs no
 * knowledge of messaging or persistence.
 */
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  add(check: ReadinessCheck): void {
    if (this.checks.has(check.name)) throw new Error(`Readiness check '${check.name}' is already registered`);
    this.checks.set(check.name, check);
  }

  list(): ReadinessCheck[] {
    return [...this.checks.values()];
  }
}
