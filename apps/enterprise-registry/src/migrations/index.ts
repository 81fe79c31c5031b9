import { RegistryTables1764288000000 } from './1764288000000-registry-tables';
import { HistoryEntryIds1796101200000 } from './1796101200000-history-entry-ids';

/** enterprise-registry's own migrations, oldest first (the messaging tables are added by the platform). */
export const REGISTRY_MIGRATIONS = [RegistryTables1764288000000, HistoryEntryIds1796101200000];
