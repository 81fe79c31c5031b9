/** enterprise-registry's own migrations, oldest first (the messaging tables are added by the platform). */
export const REGISTRY_MIGRATIONS = [];
