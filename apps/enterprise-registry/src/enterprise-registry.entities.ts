import { TierDesignationEntity } from './designations/tier-designation.entity';
import { TierQuotaEntity } from './designations/tier-quota.entity';
import { EnterpriseEntity } from './enterprises/enterprise.entity';
import { HistoryEntryEntity } from './history/history-entry.entity';

/** Every TypeORM entity of enterprise-registry, listed explicitly (compiled output breaks globs). */
export const REGISTRY_ENTITIES = [EnterpriseEntity, TierDesignationEntity, TierQuotaEntity, HistoryEntryEntity];
