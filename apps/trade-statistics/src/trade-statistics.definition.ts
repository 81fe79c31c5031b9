import { TOPICS } from '@westgate/contracts';
import type { ServiceDefinition } from '@westgate/platform';
import { AlertsModule } from './alerts/alerts.module';
import { DeclarationsModule } from './declarations/declarations.module';
import { ImportsModule } from './imports/imports.module';
import { KpisModule } from './kpis/kpis.module';
import { STATISTICS_MIGRATIONS } from './migrations';
import { ProjectionsModule } from './projections/projections.module';
import { RollupsModule } from './rollups/rollups.module';
import { StatsModule } from './stats/stats.module';
import { StatisticsConfig } from './trade-statistics.config';
import { STATISTICS_ENTITIES } from './trade-statistics.entities';

/** What makes trade-statistics itself; database, Kafka, health and the rest come from the platform. */
export const statisticsService: ServiceDefinition<StatisticsConfig> = {
  serviceName: 'trade-statistics',
  config: StatisticsConfig,
  defaults: { PORT: 3003, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/westgate_trade_statistics' },
  entities: STATISTICS_ENTITIES,
  migrations: STATISTICS_MIGRATIONS,
  producesTopics: [TOPICS.tradeDeclaration, TOPICS.tradeAlert],
  modules: () => [DeclarationsModule, ImportsModule, RollupsModule, ProjectionsModule, StatsModule, KpisModule, AlertsModule],
  // POST /declarations takes up to 10,000 declarations in one JSON array (a few MB).
  jsonBodyLimit: 16 * 1024 * 1024,
};
