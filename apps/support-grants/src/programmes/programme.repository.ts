import { Injectable } from '@nestjs/common';
import type { Money } from '@westgate/domain';
import { ProblemException } from '@westgate/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { hydrate, updateReturning } from '../api/hydrate';
import { decodeCursor } from '../api/page';
import { ProgrammeEntity } from './programme.entity';

export function programmeNotFound(id: string): ProblemException {
  return new ProblemException(404, 'NOT_FOUND', `No programme ${id}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads of programmes, and the budget's conditional updates: the one place that changes
 * `reserved` and `disbursed`, each in a single statement that cannot overdraw.
 */
@Injectable()
export class ProgrammeRepository {
  /** Code and name never change after creation; events of every transition carry them. */
  private readonly labels = new Map<string, { code: string; name: string }>();

  constructor(private readonly dataSource: DataSource) {}

  /** `forUpdate`: lock the row for the rest of the caller's transaction. */
  async find(id: string, manager: EntityManager = this.dataSource.manager, forUpdate = false): Promise<ProgrammeEntity | null> {
    if (!UUID.test(id)) return null;
    return manager.findOne(ProgrammeEntity, { where: { id }, ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async get(id: string, manager?: EntityManager): Promise<ProgrammeEntity> {
    const programme = await this.find(id, manager);
    if (!programme) throw programmeNotFound(id);
    return programme;
  }

  async labelOf(id: string, manager: EntityManager): Promise<{ code: string; name: string }> {
    const cached = this.labels.get(id);
    if (cached) return cached;
    const programme = await this.get(id, manager);
    const label = { code: programme.code, name: programme.name };
    this.labels.set(id, label);
    return label;
  }

  async list(filter: { cycle?: number; cursor?: string; limit: number }): Promise<ProgrammeEntity[]> {
    const query = this.dataSource.getRepository(ProgrammeEntity).createQueryBuilder('p').orderBy('p.seq', 'ASC').limit(filter.limit + 1);
    if (filter.cycle !== undefined) query.andWhere('p.cycle = :cycle', { cycle: filter.cycle });
    const after = decodeCursor(filter.cursor);
    if (after !== undefined) query.andWhere('p.seq > :after', { after });
    return query.getMany();
  }

  /**
   * Reserves `amount` if the budget still has it, atomically: concurrent approvals queue on the
   * row and each re-reads the committed total, so reservations never exceed it. Null when short.
   */
  async reserve(manager: EntityManager, programmeId: string, amount: Money, now: Date): Promise<ProgrammeEntity | null> {
    const rows = await updateReturning(
      manager,
      `UPDATE programmes
          SET budget_reserved = budget_reserved + $2::numeric, version = version + 1, updated_at = $3
        WHERE id = $1 AND budget_total - budget_reserved >= $2::numeric
        RETURNING *`,
      [programmeId, amount.toString(), now],
    );
    return rows.length === 0 ? null : hydrate(manager, ProgrammeEntity, rows[0]);
  }

  /** Records a tranche paid out of a reservation (the CHECK keeps disbursed ≤ reserved). */
  async disburse(manager: EntityManager, programmeId: string, amount: Money, now: Date): Promise<ProgrammeEntity> {
    const rows = await updateReturning(
      manager,
      `UPDATE programmes
          SET budget_disbursed = budget_disbursed + $2::numeric, version = version + 1, updated_at = $3
        WHERE id = $1
        RETURNING *`,
      [programmeId, amount.toString(), now],
    );
    return hydrate(manager, ProgrammeEntity, rows[0]);
  }

  /** Sets a new total if it still covers what is reserved; null otherwise. */
  async changeTotal(manager: EntityManager, programmeId: string, total: Money, now: Date): Promise<ProgrammeEntity | null> {
    const rows = await updateReturning(
      manager,
      `UPDATE programmes
          SET budget_total = $2::numeric, version = version + 1, updated_at = $3
        WHERE id = $1 AND budget_reserved <= $2::numeric
        RETURNING *`,
      [programmeId, total.toString(), now],
    );
    return rows.length === 0 ? null : hydrate(manager, ProgrammeEntity, rows[0]);
  }
}
