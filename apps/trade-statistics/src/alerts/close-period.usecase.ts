import { Injectable, Logger } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExportDeclineAlert, type ExportDeclineAlertV1 } from '@westgate/contracts';
import { DESIGNATED_TIERS, isDesignatedTier } from '@westgate/domain';
import { OutboxWriter } from '@westgate/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiMoney } from '../openapi.properties';
import { centsOf, periodKey, periodOfKey, previousYearKey, usd } from '../rollups/dimensions.rules';
import { changeRatio, isExportDecline } from './export-decline.rules';

/** An export-decline alert: a designated enterprise whose month's exports fell more than 20 % year on year. */
export class AlertView {
  @ApiProperty({ format: 'uuid' })
  enterpriseId!: string;

  @ApiProperty({ description: 'unified social credit code' })
  uscc!: string;

  @ApiProperty({ nullable: true, type: String, description: 'null when the enterprise is no longer in the registry projection' })
  enterpriseName!: string | null;

  @ApiProperty({ enum: DESIGNATED_TIERS, description: "the enterprise's tier for the month's year" })
  tier!: string;

  @ApiMoney("the enterprise's exports in the month")
  exportsUsd!: string;

  @ApiMoney('its exports in the same month a year earlier')
  previousYearExportsUsd!: string;

  @ApiProperty({ example: '-0.2500', description: 'exports against a year earlier minus 1, decimal string with 4 decimals' })
  changeRatio!: string;

  @ApiProperty({ format: 'uuid', description: 'id of the westgate.trade.alert.export-decline.v1 event' })
  eventId!: string;

  @ApiProperty({ format: 'date-time' })
  raisedAt!: string;
}

/** `POST /periods/{period}/close`. */
export class PeriodClosure {
  @ApiProperty({ example: '2026-03', description: 'the month (YYYY-MM)' })
  period!: string;

  @ApiProperty({ format: 'date-time', description: 'when the month was first closed' })
  closedAt!: string;

  @ApiProperty({ description: 'who closed it first: a user id, or system:auto-close' })
  closedBy!: string;

  @ApiProperty({ description: 'closed by the scheduler rather than an admin' })
  automatic!: boolean;

  @ApiProperty({ description: 'alerts raised by this call (0 when every one had been raised before)' })
  alertsRaised!: number;

  @ApiProperty({ type: [AlertView], description: 'every export-decline alert of the month' })
  alerts!: AlertView[];
}

/**
 * Closes a statistical month: every enterprise designated (BACKBONE or POTENTIAL) for the month's
 * year whose exports in the month fell more than 20 % against the same month a year earlier gets
 * a `westgate.trade.alert.export-decline.v1` event, staged in the outbox in the same transaction
 * as the alert row. The alert's key (enterprise, period) makes it exactly once: closing again
 * (an admin after the automatic close, two replicas at once, data that arrived late) raises only
 * the alerts not raised yet.
 */
@Injectable()
export class ClosePeriodUseCase {
  private readonly logger = new Logger(ClosePeriodUseCase.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(period: string, closedBy: string, automatic: boolean): Promise<PeriodClosure> {
    const key = periodKey(period);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        'INSERT INTO period_close (period, closed_by, automatic) VALUES ($1, $2, $3) ON CONFLICT (period) DO NOTHING',
        [key, closedBy, automatic],
      );
      const [closure] = (await manager.query('SELECT closed_at, closed_by, automatic FROM period_close WHERE period = $1 FOR UPDATE', [key])) as Array<{
        closed_at: Date;
        closed_by: string;
        automatic: boolean;
      }>;
      const raised = await this.raiseAlerts(manager, key);
      if (raised > 0) await manager.query('UPDATE period_close SET alerts = alerts + $2 WHERE period = $1', [key, raised]);
      if (raised > 0) this.logger.log(`period ${period} closed${automatic ? ' automatically' : ''}: ${raised} export-decline alert(s)`);
      return {
        period,
        closedAt: new Date(closure.closed_at).toISOString(),
        closedBy: closure.closed_by,
        automatic: closure.automatic,
        alertsRaised: raised,
        alerts: await this.alertsOf(manager, key),
      };
    });
  }

  private async raiseAlerts(manager: EntityManager, key: number): Promise<number> {
    const cycle = Math.floor(key / 100);
    const candidates = (await manager.query(
      `SELECT e.enterprise_id, e.uscc, e.name, t.tier, coalesce(cur.value_usd, 0) AS exports, prev.value_usd AS previous
       FROM enterprise_tier t
       JOIN enterprise_projection e ON e.uscc = t.uscc
       JOIN rollup_enterprise_month prev ON prev.uscc = t.uscc AND prev.period = $2 AND prev.flow = 1
       LEFT JOIN rollup_enterprise_month cur ON cur.uscc = t.uscc AND cur.period = $3 AND cur.flow = 1
       WHERE t.cycle = $1
         AND NOT EXISTS (SELECT 1 FROM export_decline_alert a WHERE a.enterprise_id = e.enterprise_id AND a.period = $3)
       ORDER BY e.enterprise_id`,
      [cycle, previousYearKey(key), key],
    )) as Array<{ enterprise_id: string; uscc: string; name: string; tier: string; exports: string; previous: string }>;
    const alerts: ExportDeclineAlertV1[] = [];
    for (const c of candidates) {
      const current = centsOf(c.exports);
      const previous = centsOf(c.previous);
      if (!isDesignatedTier(c.tier) || !isExportDecline(current, previous)) continue;
      alerts.push({
        enterpriseId: c.enterprise_id,
        uscc: c.uscc,
        enterpriseName: c.name,
        tier: c.tier,
        cycle,
        period: periodOfKey(key),
        exportsUsd: usd(current),
        previousYearExportsUsd: usd(previous),
        changeRatio: changeRatio(current, previous),
      });
    }
    if (alerts.length === 0) return 0;
    // The key decides who raises an alert when two closes race: only rows this transaction inserted get an event.
    const inserted = (await manager.query(
      `INSERT INTO export_decline_alert (enterprise_id, period, uscc, tier, exports_usd, previous_year_exports_usd, change_ratio, event_id)
       SELECT a, $2, u, t, x, p, r, gen_random_uuid()
       FROM unnest($1::uuid[], $3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::numeric[]) AS v(a, u, t, x, p, r)
       ON CONFLICT (enterprise_id, period) DO NOTHING
       RETURNING enterprise_id`,
      [
        alerts.map((a) => a.enterpriseId),
        key,
        alerts.map((a) => a.uscc),
        alerts.map((a) => a.tier),
        alerts.map((a) => a.exportsUsd),
        alerts.map((a) => a.previousYearExportsUsd),
        alerts.map((a) => a.changeRatio),
      ],
    )) as Array<{ enterprise_id: string }>;
    const fresh = new Set(inserted.map((r) => r.enterprise_id));
    const staged = await this.outbox.stageAll(
      manager,
      alerts.filter((a) => fresh.has(a.enterpriseId)).map((data) => ({ definition: ExportDeclineAlert, subject: data.enterpriseId, data })),
    );
    if (staged.length > 0) {
      await manager.query(
        `UPDATE export_decline_alert a SET event_id = v.event_id
         FROM unnest($1::uuid[], $2::uuid[]) AS v(event_id, enterprise_id)
         WHERE a.enterprise_id = v.enterprise_id AND a.period = $3`,
        [staged.map((e) => e.id), staged.map((e) => e.subject), key],
      );
    }
    return staged.length;
  }

  async alertsOf(manager: EntityManager, key: number): Promise<AlertView[]> {
    const rows = (await manager.query(
      `SELECT a.enterprise_id, a.uscc, e.name, a.tier, a.exports_usd, a.previous_year_exports_usd, a.change_ratio, a.event_id, a.created_at
       FROM export_decline_alert a LEFT JOIN enterprise_projection e ON e.enterprise_id = a.enterprise_id
       WHERE a.period = $1 ORDER BY a.change_ratio, a.enterprise_id`,
      [key],
    )) as Array<{
      enterprise_id: string;
      uscc: string;
      name: string | null;
      tier: string;
      exports_usd: string;
      previous_year_exports_usd: string;
      change_ratio: string;
      event_id: string;
      created_at: Date;
    }>;
    return rows.map((r) => ({
      enterpriseId: r.enterprise_id,
      uscc: r.uscc,
      enterpriseName: r.name,
      tier: r.tier,
      exportsUsd: usd(centsOf(r.exports_usd)),
      previousYearExportsUsd: usd(centsOf(r.previous_year_exports_usd)),
      changeRatio: r.change_ratio,
      eventId: r.event_id,
      raisedAt: new Date(r.created_at).toISOString(),
    }));
  }
}
