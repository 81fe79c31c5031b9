import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxInsert } from '@westgate/messaging';
import { RegistryConfig } from '../enterprise-registry.config';
import { HISTORY_COLUMNS, historyValues, type HistoryRecord } from '../history/history.recorder';
import { toView, type EnterpriseChanges, type EnterpriseRecord, type EnterpriseView, type LiveDesignation } from './enterprise.rules';

/** A database row of `enterprise` plus its live designations aggregated as JSON. */
interface EnterpriseRow {
  id: string;
  uscc: string;
  name: string;
  name_local: string | null;
  region: string;
  zone_code: string | null;
  sectors: EnterpriseRecord['sectors'];
  contact_email: string;
  address: string | null;
  founded_on: string | null;
  trade_modes: EnterpriseRecord['tradeModes'];
  status: EnterpriseRecord['status'];
  version: number;
  created_at: Date;
  updated_at: Date;
  designations?: LiveDesignation[];
}

const UTC_ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const RECORD_COLUMNS = `e.id, e.uscc, e.name, e.name_local, e.region, e.zone_code, e.sectors, e.contact_email, e.address,
  e.founded_on::text AS founded_on, e.trade_modes, e.status, e.version, e.created_at, e.updated_at`;

// Live designations in the same statement: one round trip per read, whatever the page size.
const DESIGNATIONS_COLUMN = `COALESCE((
    SELECT json_agg(json_build_object(
             'cycle', d.cycle, 'tier', d.tier, 'reason', d.reason,
             'designatedAt', to_char(d.designated_at AT TIME ZONE 'UTC', ${UTC_ISO}),
             'designatedBy', d.designated_by) ORDER BY d.cycle DESC)
      FROM tier_designation d
     WHERE d.enterprise_id = e.id AND d.revoked_at IS NULL), '[]'::json) AS designations`;

export const VIEW_COLUMNS = `${RECORD_COLUMNS}, ${DESIGNATIONS_COLUMN}`;

const VIEW_BY_ID = `SELECT ${VIEW_COLUMNS} FROM enterprise e WHERE e.id = $1`;
const VIEW_BY_USCC = `SELECT ${VIEW_COLUMNS} FROM enterprise e WHERE e.uscc = $1`;

const statementNames = new Map<string, string>();

/** A prepared statement's name, the same exactly when the SQL is (pg refuses one name for two texts). */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `registry-${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/** The SQL of the enterprise aggregate: reads in one statement, and the writes the use-cases share. */
@Injectable()
export class EnterpriseStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: RegistryConfig,
  ) {}

  /**
   * TypeORM's own pg pool (PostgresDriver.master). Single reads outside a transaction go to it
   * directly, as named prepared statements: the read by id is the service's hottest path, and a
   * QueryRunner per call and a parse and plan per query cost a good part of its throughput.
   */
  private get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  get currentCycle(): number {
    return this.config.PROGRAMME_CYCLE;
  }

  /** Inside a transaction with `manager`; otherwise straight on the pool (see `pool`). */
  async findView(id: string, manager?: EntityManager): Promise<EnterpriseView | undefined> {
    const rows: EnterpriseRow[] = manager
      ? await manager.query(VIEW_BY_ID, [id])
      : (await this.pool.query<EnterpriseRow>({ name: 'registry-enterprise-by-id', text: VIEW_BY_ID, values: [id] })).rows;
    return rows[0] && this.viewOf(rows[0]);
  }

  async findViewByUscc(uscc: string): Promise<EnterpriseView | undefined> {
    const { rows } = await this.pool.query<EnterpriseRow>({ name: 'registry-enterprise-by-uscc', text: VIEW_BY_USCC, values: [uscc] });
    return rows[0] && this.viewOf(rows[0]);
  }

  async findIdByUscc(uscc: string): Promise<string | undefined> {
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM enterprise WHERE uscc = $1', [uscc]);
    return rows[0]?.id;
  }

  /** Locks the row for the rest of the transaction: every change of one enterprise goes one at a time. */
  async lock(manager: EntityManager, id: string): Promise<EnterpriseRecord | undefined> {
    const rows: EnterpriseRow[] = await manager.query(`SELECT ${RECORD_COLUMNS} FROM enterprise e WHERE e.id = $1 FOR UPDATE`, [id]);
    return rows[0] && recordOf(rows[0]);
  }

  /**
   * Inserts a new enterprise (version 1, ACTIVE), its REGISTERED history entry and its outbox rows
   * in one statement: atomic without a transaction, so the register path — the busiest write —
   * costs one database round trip instead of four. A USCC already registered fails the whole
   * statement with 23505 on `enterprise_uscc_unique`. `stage` builds the outbox INSERT with its
   * parameters numbered from the one it is given. A prepared statement on the pool, like the
   * reads: parsing and planning this statement cost PostgreSQL more than running it.
   */
  async insert(
    record: EnterpriseRecord,
    history: Omit<HistoryRecord, 'enterpriseId' | 'version'>,
    stage: (firstParameter: number) => OutboxInsert,
  ): Promise<void> {
    const values = [
      record.id,
      record.uscc,
      record.name,
      record.nameLocal,
      record.region,
      record.zoneCode,
      record.sectors,
      record.contactEmail,
      record.address,
      record.foundedOn,
      record.tradeModes,
      record.createdAt,
      ...historyValues(history),
    ];
    const outbox = stage(values.length + 1);
    const sql = `WITH e AS (
         INSERT INTO enterprise (id, uscc, name, name_local, region, zone_code, sectors, contact_email, address, founded_on, trade_modes,
                                 created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
         RETURNING id, version, created_at),
       h AS (
         INSERT INTO enterprise_history (enterprise_id, version, at, ${HISTORY_COLUMNS})
         SELECT e.id, e.version, e.created_at, $13, $14, $15, $16, $17::jsonb, $18::jsonb, $19 FROM e),
       o AS (${outbox.sql})
       SELECT 1`;
    await this.pool.query({ name: statementName(sql), text: sql, values: [...values, ...outbox.parameters] });
  }

  /** Applies field changes (possibly none) and a new status, as one new version. */
  async applyChange(manager: EntityManager, id: string, changes: EnterpriseChanges & { status?: EnterpriseRecord['status'] }): Promise<void> {
    const columns: Record<string, unknown> = {
      name: changes.name,
      name_local: changes.nameLocal,
      region: changes.region,
      zone_code: changes.zoneCode,
      sectors: changes.sectors,
      contact_email: changes.contactEmail,
      address: changes.address,
      founded_on: changes.foundedOn,
      trade_modes: changes.tradeModes,
      status: changes.status,
    };
    // Registration stamps created_at with the service's clock (it is in the event before the row
    // exists); GREATEST keeps updatedAt from falling behind it if the two clocks disagree.
    const assignments: string[] = ['version = version + 1', 'updated_at = GREATEST(now(), updated_at)'];
    const values: unknown[] = [id];
    for (const [column, value] of Object.entries(columns)) {
      if (value === undefined) continue;
      values.push(value);
      assignments.push(`${column} = $${values.length}`);
    }
    await manager.query(`UPDATE enterprise SET ${assignments.join(', ')} WHERE id = $1`, values);
  }

  viewOf(row: EnterpriseRow): EnterpriseView {
    return toView(recordOf(row), row.designations ?? [], this.config.PROGRAMME_CYCLE);
  }
}

export type { EnterpriseRow };

function recordOf(row: EnterpriseRow): EnterpriseRecord {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    nameLocal: row.name_local,
    region: row.region,
    zoneCode: row.zone_code,
    sectors: row.sectors,
    contactEmail: row.contact_email,
    address: row.address,
    foundedOn: row.founded_on,
    tradeModes: row.trade_modes,
    status: row.status,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
