import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnterpriseTierDesignated } from '@westgate/contracts';
import { TIER_QUOTA_PER_CYCLE, type DesignatedTier } from '@westgate/domain';
import { OutboxWriter } from '@westgate/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/unique-violation';
import { enterpriseInactive, enterpriseNotFound } from '../enterprises/enterprise.errors';
import { EnterpriseView, LiveDesignation, toEnterpriseState } from '../enterprises/enterprise.rules';
import { EnterpriseStore } from '../enterprises/enterprise.store';
import { HistoryRecorder } from '../history/history.recorder';
import type { Actor } from '../history/history.rules';
import { alreadyDesignated, quotaExceeded } from './designation.errors';
import type { DesignateTierDto } from './dto/designate-tier.dto';

/** The designation just made, with the enterprise's new state (and version). */
export class DesignationView extends LiveDesignation {
  /** The designation's own id (revoked designations keep theirs in the history). */
  @ApiProperty({ format: 'uuid', description: "the designation's own id" })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  enterpriseId!: string;

  @ApiProperty({ type: () => EnterpriseView, description: "the enterprise's new state (and version)" })
  enterprise!: EnterpriseView;
}

@Injectable()
export class DesignateTier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: EnterpriseStore,
    private readonly history: HistoryRecorder,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Gives the enterprise a place of `tier` in `cycle`. The place is taken by a conditional
   * increment of the (cycle, tier) counter: its row lock makes concurrent designations of a tier
   * take turns, and the increment fails once the limit is reached, so the 101st is refused however
   * many arrive at once. An enterprise that already holds a designation in the cycle is told so
   * (ALREADY_DESIGNATED) whether or not the tier is full: a place would not help it. The
   * enterprise's row lock, taken first, makes that check race-free.
   */
  async execute(enterpriseId: string, input: DesignateTierDto, actor: Actor): Promise<DesignationView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const enterprise = await this.store.lock(manager, enterpriseId);
        if (!enterprise) throw enterpriseNotFound(enterpriseId);
        if (enterprise.status === 'INACTIVE') throw enterpriseInactive(enterpriseId);

        const held: { tier: DesignatedTier }[] = await manager.query(
          'SELECT tier FROM tier_designation WHERE enterprise_id = $1 AND cycle = $2 AND revoked_at IS NULL',
          [enterpriseId, input.cycle],
        );
        if (held.length > 0) throw alreadyDesignated(enterpriseId, input.cycle, held[0]?.tier);

        const limit = await this.takePlace(manager, input.cycle, input.tier);
        if (limit !== undefined) throw quotaExceeded(input.tier, input.cycle, limit);

        const inserted: { id: string }[] = await manager.query(
          'INSERT INTO tier_designation (enterprise_id, cycle, tier, reason, designated_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
          [enterpriseId, input.cycle, input.tier, input.reason, actor.sub],
        );
        await this.store.applyChange(manager, enterpriseId, {});
        const view = await this.store.findView(enterpriseId, manager);
        const designation = view?.designations.find((candidate) => candidate.cycle === input.cycle);
        const id = inserted[0]?.id;
        if (!view || !designation || !id) throw new Error(`designation of ${enterpriseId} in ${input.cycle} not found after its insert`);

        await this.history.record(manager, {
          enterpriseId,
          action: 'TIER_DESIGNATED',
          actor,
          version: view.version,
          before: null,
          after: { cycle: input.cycle, tier: input.tier, reason: input.reason },
        });
        await this.outbox.stage(manager, { definition: EnterpriseTierDesignated, subject: enterpriseId, data: toEnterpriseState(view) });
        return { id, enterpriseId, ...designation, enterprise: view };
      });
    } catch (error) {
      // Backstop: the enterprise row lock already serialises this, the partial unique index guarantees it.
      if (isUniqueViolation(error, 'tier_designation_live')) throw alreadyDesignated(enterpriseId, input.cycle, undefined);
      throw error;
    }
  }

  /** Takes one place of the tier in the cycle; returns the limit when none is left (undefined when taken). */
  private async takePlace(manager: EntityManager, cycle: number, tier: DesignatedTier): Promise<number | undefined> {
    const taken: unknown[] = await manager.query(
      `INSERT INTO tier_quota AS q (cycle, tier, used, quota_limit) VALUES ($1, $2, 1, $3)
       ON CONFLICT (cycle, tier) DO UPDATE SET used = q.used + 1 WHERE q.used < q.quota_limit
       RETURNING q.used`,
      [cycle, tier, TIER_QUOTA_PER_CYCLE],
    );
    if (taken.length > 0) return undefined;
    const rows: { quota_limit: number }[] = await manager.query('SELECT quota_limit FROM tier_quota WHERE cycle = $1 AND tier = $2', [cycle, tier]);
    return rows[0]?.quota_limit ?? TIER_QUOTA_PER_CYCLE;
  }
}
