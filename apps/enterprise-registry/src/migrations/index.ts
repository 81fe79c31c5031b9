import { RegistryTables1764288000000 } from './1764288000000-registry-tables';

/** enterprise-registry's own migrations, oldest first (the messaging tables are added by the platform). */
export const REGISTRY_MIGRATIONS = [RegistryTables1764288000000];
