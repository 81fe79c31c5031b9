import type { MixedList } from 'typeorm';
import type { ConfigClass, ConfigDefaults } from '../config/load-config';
import type { ServiceConfig } from '../config/service-config';
import type { ServiceModule } from '../bootstrap/bootstrap';

type Constructor = new (...args: never[]) => unknown;

/**
 * Everything that makes one Westgate service what it is; the rest (database, migrations, Kafka,
 * outbox, consumers, health, metrics, errors, auth) is the same for all four.
 */
export interface ServiceDefinition<C extends ServiceConfig> {
  serviceName: string;
  config: ConfigClass<C>;
  /** At least `PORT` and `DATABASE_URL`. */
  defaults: ConfigDefaults<C>;
  /** Explicit lists (compiled output breaks globs). The messaging tables come first automatically. */
  entities: MixedList<Constructor>;
  migrations: MixedList<Constructor>;
  /** Topics the service publishes to; created at start if missing. */
  producesTopics: readonly string[];
  /** The service's feature modules. */
  modules: (config: C) => ServiceModule[];
  jsonBodyLimit?: number;
}
