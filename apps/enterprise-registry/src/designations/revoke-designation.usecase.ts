import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnterpriseTierRevoked } from '@westgate/contracts';
import type { DesignatedTier } from '@westgate/domain';
import { OutboxWriter } from '@westgate/messaging';
import type { DataSource } from 'typeorm';
import { enterpriseNotFound } from '../enterprises/enterprise.errors';
import { toEnterpriseState } from '../enterprises/enterprise.rules';
import { EnterpriseStore } from '../enterprises/enterprise.store';
import { HistoryRecorder } from '../history/history.recorder';
import type { Actor } from '../history/history.rules';
import { designationNotFound } from './designation.errors';

interface RevokedRow {
  tier: DesignatedTier;
  reason: string;
  designated_at: Date;
  designated_by: string;
  revoked_at: Date;
}

@Injectable()
export class RevokeDesignation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: EnterpriseStore,
    private readonly history: HistoryRecorder,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Revokes the enterprise's designation in `cycle`: the row stays (who, when, why), the place is freed. */
  async execute(enterpriseId: string, cycle: number, reason: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const enterprise = await this.store.lock(manager, enterpriseId);
      if (!enterprise) throw enterpriseNotFound(enterpriseId);

      // As a CTE, so that the driver returns the rows themselves (an UPDATE returns [rows, count]).
      const revoked: RevokedRow[] = await manager.query(
        `WITH revoked AS (
           UPDATE tier_designation SET revoked_at = now(), revoked_by = $3, revocation_reason = $4
            WHERE enterprise_id = $1 AND cycle = $2 AND revoked_at IS NULL
            RETURNING tier, reason, designated_at, designated_by, revoked_at)
         SELECT * FROM revoked`,
        [enterpriseId, cycle, actor.sub, reason],
      );
      const designation = revoked[0];
      if (!designation) throw designationNotFound(enterpriseId, cycle);
      await manager.query('UPDATE tier_quota SET used = used - 1 WHERE cycle = $1 AND tier = $2', [cycle, designation.tier]);

      await this.store.applyChange(manager, enterpriseId, {});
      const view = await this.store.findView(enterpriseId, manager);
      if (!view) throw enterpriseNotFound(enterpriseId);
      await this.history.record(manager, {
        enterpriseId,
        action: 'TIER_REVOKED',
        actor,
        version: view.version,
        before: {
          cycle,
          tier: designation.tier,
          reason: designation.reason,
          designatedAt: designation.designated_at.toISOString(),
          designatedBy: designation.designated_by,
        },
        after: { cycle, tier: null, revokedAt: designation.revoked_at.toISOString(), reason },
      });
      await this.outbox.stage(manager, { definition: EnterpriseTierRevoked, subject: enterpriseId, data: toEnterpriseState(view) });
    });
  }
}
