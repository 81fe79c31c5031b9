/** Every TypeORM entity of trade-statistics, listed explicitly (compiled output breaks globs). */
export const STATISTICS_ENTITIES = [];
