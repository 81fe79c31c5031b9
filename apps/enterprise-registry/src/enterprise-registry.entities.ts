/** Every TypeORM entity of enterprise-registry, listed explicitly (compiled output breaks globs). */
export const REGISTRY_ENTITIES = [];
