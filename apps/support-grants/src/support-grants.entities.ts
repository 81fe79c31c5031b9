/** Every TypeORM entity of support-grants, listed explicitly (compiled output breaks globs). */
export const GRANTS_ENTITIES = [];
