import { Injectable } from '@nestjs/common';
import type { ApplicationStatus } from '@westgate/contracts';
import { assertCanSeeEnterprise, type AuthUser } from '@westgate/auth';
import type { EnterpriseStatus, GrantPurpose, Money, Tier } from '@westgate/domain';
import { ProblemException } from '@westgate/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { hydrate } from '../api/hydrate';
import { cnyFromPg } from '../api/money.column';
import { decodeCursor } from '../api/page';
import { ApplicationEntity } from './application.entity';
import { LIVE_STATUSES } from './application-workflow.rules';
import { DisbursementEntity } from './disbursement.entity';
import type { EligibilityEnterprise, EligibilityProgramme } from './eligibility.rules';
import { TimelineEntryEntity } from './timeline-entry.entity';

/** The advisory lock key of an application's (programme, enterprise), as an SQL expression over `a`. */
const ENTERPRISE_LOCK_KEY = "hashtextextended(a.programme_id::text || ':' || a.enterprise_id::text, 0)";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Missing, malformed, or another enterprise's: the same answer, so nothing leaks. */
export function applicationNotFound(id: string): ProblemException {
  return new ProblemException(404, 'NOT_FOUND', `No application ${id}`);
}

export interface ApplicationFilter {
  status?: ApplicationStatus[];
  programmeId?: string;
  enterpriseId?: string;
  submittedBy?: string;
  cursor?: string;
  limit: number;
}

@Injectable()
export class ApplicationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The application if `user` may see it (staff: any; an enterprise: its own), else 404.
   * `lock`: `row` locks it for the caller's transaction; `row+enterprise` also takes the
   * (programme, enterprise) advisory lock that submissions serialise on, in the same round trip.
   */
  async getVisible(id: string, user: AuthUser, manager: EntityManager = this.dataSource.manager, lock: 'none' | 'row' | 'row+enterprise' = 'none'): Promise<ApplicationEntity> {
    if (!UUID.test(id)) throw applicationNotFound(id);
    const advisory = lock === 'row+enterprise' ? `, pg_advisory_xact_lock(${ENTERPRISE_LOCK_KEY}) AS enterprise_locked` : '';
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT a.*${advisory} FROM applications a WHERE a.id = $1${lock === 'none' ? '' : ' FOR UPDATE'}`,
      [id.toLowerCase()],
    );
    if (rows.length === 0) throw applicationNotFound(id);
    const application = hydrate(manager, ApplicationEntity, rows[0]);
    assertCanSeeEnterprise(user, application.enterpriseId, () => applicationNotFound(id));
    return application;
  }

  async list(filter: ApplicationFilter): Promise<ApplicationEntity[]> {
    const query = this.dataSource.getRepository(ApplicationEntity).createQueryBuilder('a').orderBy('a.seq', 'DESC').limit(filter.limit + 1);
    if (filter.status?.length) query.andWhere('a.status IN (:...status)', { status: filter.status });
    if (filter.programmeId) query.andWhere('a.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.enterpriseId) query.andWhere('a.enterprise_id = :enterpriseId', { enterpriseId: filter.enterpriseId });
    if (filter.submittedBy) query.andWhere('a.submitted_by = :submittedBy', { submittedBy: filter.submittedBy });
    const before = decodeCursor(filter.cursor);
    if (before !== undefined) query.andWhere('a.seq < :before', { before });
    return query.getMany();
  }

  async timeline(applicationId: string, after: string | undefined, limit: number): Promise<TimelineEntryEntity[]> {
    const query = this.dataSource
      .getRepository(TimelineEntryEntity)
      .createQueryBuilder('t')
      .where('t.application_id = :applicationId', { applicationId })
      .orderBy('t.seq', 'ASC')
      .limit(limit + 1);
    if (after !== undefined) query.andWhere('t.seq > :after', { after });
    return query.getMany();
  }

  async disbursements(applicationId: string): Promise<DisbursementEntity[]> {
    return this.dataSource.getRepository(DisbursementEntity).find({ where: { applicationId }, order: { disbursedAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Everything submission's eligibility rules look at, read from this service's own tables in
   * one statement: the programme, the projected enterprise (if the registry's event has arrived)
   * and what the enterprise's other live applications in the programme ask for or were granted.
   * The caller must hold the (programme, enterprise) advisory lock (`getVisible` with
   * `row+enterprise`), taken in an earlier statement so that this one's snapshot sees every
   * submission committed before it: two submissions of one enterprise cannot both squeeze under
   * the maximum.
   */
  async eligibilityFacts(manager: EntityManager, application: ApplicationEntity): Promise<EligibilityFacts> {
    const rows: FactsRow[] = await manager.query(
      `SELECT p.cycle, p.eligible_tiers, p.eligible_sectors, p.purposes, p.max_grant_per_enterprise::text AS max_grant, p.opens_at, p.closes_at,
              e.status AS enterprise_status, e.sectors AS enterprise_sectors, e.designations AS enterprise_designations,
              (SELECT coalesce(sum(coalesce(a.approved_amount, a.requested_amount)), 0)::numeric(18,2)::text
                 FROM applications a
                WHERE a.programme_id = p.id AND a.enterprise_id = $2 AND a.id <> $3 AND a.status = ANY($4)) AS other_live
         FROM programmes p LEFT JOIN enterprise_projection e ON e.id = $2
        WHERE p.id = $1`,
      [application.programmeId, application.enterpriseId, application.id, LIVE_STATUSES],
    );
    const row = rows[0];
    return {
      programme: {
        cycle: row.cycle,
        eligibleTiers: row.eligible_tiers,
        eligibleSectors: row.eligible_sectors,
        purposes: row.purposes,
        maxGrantPerEnterprise: cnyFromPg(row.max_grant),
        opensAt: row.opens_at,
        closesAt: row.closes_at,
      },
      enterprise:
        row.enterprise_status === null
          ? undefined
          : { status: row.enterprise_status, sectors: row.enterprise_sectors ?? [], designations: row.enterprise_designations ?? [] },
      otherLiveAmount: cnyFromPg(row.other_live),
    };
  }
}

export interface EligibilityFacts {
  programme: EligibilityProgramme;
  enterprise: EligibilityEnterprise | undefined;
  otherLiveAmount: Money;
}

interface FactsRow {
  cycle: number;
  eligible_tiers: Tier[];
  eligible_sectors: string[] | null;
  purposes: GrantPurpose[];
  max_grant: string;
  opens_at: Date;
  closes_at: Date;
  enterprise_status: EnterpriseStatus | null;
  enterprise_sectors: string[] | null;
  enterprise_designations: EligibilityEnterprise['designations'] | null;
  other_live: string;
}
