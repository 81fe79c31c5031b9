import { ApplicationEntity } from './applications/application.entity';
import { DisbursementEntity } from './applications/disbursement.entity';
import { TimelineEntryEntity } from './applications/timeline-entry.entity';
import { EnterpriseProjectionEntity } from './enterprise-projection/enterprise-projection.entity';
import { ProgrammeEntity } from './programmes/programme.entity';

/** Every TypeORM entity of support-grants, listed explicitly (compiled output breaks globs). */
export const GRANTS_ENTITIES = [EnterpriseProjectionEntity, ProgrammeEntity, ApplicationEntity, TimelineEntryEntity, DisbursementEntity];
