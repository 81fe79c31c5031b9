import { StatisticsTables1764400000000 } from './1764400000000-statistics-tables';
import { KeyColumnsCollationC1796198400000 } from './1796198400000-key-columns-collation-c';

/** trade-statistics's own migrations, oldest first (the messaging tables are added by the platform). */
export const STATISTICS_MIGRATIONS = [StatisticsTables1764400000000, KeyColumnsCollationC1796198400000];
