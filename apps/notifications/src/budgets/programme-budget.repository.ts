import { Injectable } from '@nestjs/common';
import type { ProgrammeStateV1 } from '@westgate/contracts';
import type { EntityManager } from 'typeorm';

/** What is remembered of a programme's budget, as the consumers compare events with it. */
export interface RememberedBudget {
  belowThreshold: boolean;
  version: number;
  exhaustionAlertedVersion: number | null;
}

/**
 * `programme_budget`, written only in a consumer's inbox transaction: the row is locked first, so
 * that the events of one programme are compared with the state before them one at a time.
 */
@Injectable()
export class ProgrammeBudgetRepository {
  async lock(manager: EntityManager, programmeId: string): Promise<RememberedBudget | undefined> {
    const [row]: Array<{ below_threshold: boolean; version: number; exhaustion_alerted_version: number | null }> = await manager.query(
      'SELECT below_threshold, version, exhaustion_alerted_version FROM programme_budget WHERE programme_id = $1 FOR UPDATE',
      [programmeId],
    );
    return row && { belowThreshold: row.below_threshold, version: row.version, exhaustionAlertedVersion: row.exhaustion_alerted_version };
  }

  /** Remembers the programme's budget state (the caller has checked that it is newer). */
  async saveState(manager: EntityManager, programme: ProgrammeStateV1, belowThreshold: boolean): Promise<void> {
    await manager.query(
      `INSERT INTO programme_budget (programme_id, total, available, below_threshold, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (programme_id) DO UPDATE SET
         total = EXCLUDED.total, available = EXCLUDED.available, below_threshold = EXCLUDED.below_threshold,
         version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
      [programme.id, programme.budget.total, programme.budget.available, belowThreshold, programme.version, programme.updatedAt],
    );
  }

  /** Remembers that the admins were told of the budget's exhaustion at `version` (the row exists). */
  async markExhaustionAlerted(manager: EntityManager, programmeId: string, version: number): Promise<void> {
    await manager.query('UPDATE programme_budget SET exhaustion_alerted_version = $2 WHERE programme_id = $1', [programmeId, version]);
  }
}
