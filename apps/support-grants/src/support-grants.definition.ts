import { TOPICS } from '@westgate/contracts';
import type { ServiceDefinition } from '@westgate/platform';
import { ApplicationsModule } from './applications/applications.module';
import { EnterpriseProjectionModule } from './enterprise-projection/enterprise-projection.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { GrantsConfig } from './support-grants.config';
import { GRANTS_ENTITIES } from './support-grants.entities';
import { GRANTS_MIGRATIONS } from './migrations';

/** What makes support-grants itself; database, Kafka, health and the rest come from the platform. */
export const grantsService: ServiceDefinition<GrantsConfig> = {
  serviceName: 'support-grants',
  config: GrantsConfig,
  defaults: { PORT: 3002, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/westgate_support_grants' },
  entities: GRANTS_ENTITIES,
  migrations: GRANTS_MIGRATIONS,
  producesTopics: [TOPICS.grantsProgramme, TOPICS.grantsApplication],
  modules: () => [EnterpriseProjectionModule, ProgrammesModule, ApplicationsModule],
};
