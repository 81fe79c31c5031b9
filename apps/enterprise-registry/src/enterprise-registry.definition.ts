import { TOPICS } from '@westgate/contracts';
import type { ServiceDefinition } from '@westgate/platform';
import { DesignationsModule } from './designations/designations.module';
import { RegistryConfig } from './enterprise-registry.config';
import { REGISTRY_ENTITIES } from './enterprise-registry.entities';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { HistoryModule } from './history/history.module';
import { REGISTRY_MIGRATIONS } from './migrations';
import { ZonesModule } from './zones/zones.module';

/** What makes enterprise-registry itself; database, Kafka, health and the rest come from the platform. */
export const registryService: ServiceDefinition<RegistryConfig> = {
  serviceName: 'enterprise-registry',
  config: RegistryConfig,
  defaults: { PORT: 3001, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/westgate_enterprise_registry' },
  entities: REGISTRY_ENTITIES,
  migrations: REGISTRY_MIGRATIONS,
  producesTopics: [TOPICS.registryEnterprise],
  modules: () => [EnterprisesModule, DesignationsModule, HistoryModule, ZonesModule],
};
