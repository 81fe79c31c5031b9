import { TOPICS } from '@westgate/contracts';
import type { ServiceDefinition } from '@westgate/platform';
import { StatisticsConfig } from './trade-statistics.config';
import { STATISTICS_ENTITIES } from './trade-statistics.entities';
import { STATISTICS_MIGRATIONS } from './migrations';

/** What makes trade-statistics itself; database, Kafka, health and the rest come from the platform. */
export const statisticsService: ServiceDefinition<StatisticsConfig> = {
  serviceName: 'trade-statistics',
  config: StatisticsConfig,
  defaults: { PORT: 3003, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/westgate_trade_statistics' },
  entities: STATISTICS_ENTITIES,
  migrations: STATISTICS_MIGRATIONS,
  producesTopics: [TOPICS.tradeDeclaration, TOPICS.tradeAlert],
  modules: () => [],
};
