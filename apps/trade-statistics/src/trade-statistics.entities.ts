import { ExportDeclineAlertEntity } from './alerts/export-decline-alert.entity';
import { PeriodCloseEntity } from './alerts/period-close.entity';
import { DeclarationEntity } from './declarations/declaration.entity';
import { ImportJobEntity } from './imports/import-job.entity';
import { ImportProgressEntity } from './imports/import-progress.entity';
import { EnterpriseProjectionEntity } from './projections/enterprise-projection.entity';
import { EnterpriseSupportEntity } from './projections/enterprise-support.entity';
import { EnterpriseTierEntity } from './projections/enterprise-tier.entity';

/**
 * Every TypeORM entity of trade-statistics, listed explicitly (compiled output breaks globs).
 * The roll-up tables have none: they are only ever written and read set-based in SQL
 * (rollups/rollup-cubes.ts describes them; the migration defines them).
 */
export const STATISTICS_ENTITIES = [
  DeclarationEntity,
  EnterpriseProjectionEntity,
  EnterpriseTierEntity,
  EnterpriseSupportEntity,
  ImportJobEntity,
  ImportProgressEntity,
  PeriodCloseEntity,
  ExportDeclineAlertEntity,
];
