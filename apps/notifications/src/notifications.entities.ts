/** Every TypeORM entity of notifications, listed explicitly (compiled output breaks globs). */
export const NOTIFICATIONS_ENTITIES = [];
