import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Declaration } from '../declarations/declaration.rules';
import { categoryMaskOfHsCode, flowCode, hsChapterNumber, NO_TIER, NO_ZONE, validPeriodKey } from './dimensions.rules';
import { INGEST_ORDER, ROLLUP_DIMENSIONS_LOCK, upsertFrom } from './rollup-cubes';

/** Valid declarations ready for COPY (pieces of COPY text, each ending in a line end), and how many came from each import ('' for none). */
export interface StagedRows {
  texts: string[];
  rows: number;
  byImport: Map<string, number>;
}

export interface RecordOutcome {
  /** New declarations (inserted and counted in the roll-ups), per import id ('' for none). */
  freshByImport: Map<string, number>;
  fresh: number;
}

const DECLARATION_COLUMNS =
  'declaration_id, uscc, flow, hs_code, hs_chapter, category_mask, partner_country, period, value_usd, quantity, unit, net_weight_kg, customs_port, trade_mode, import_id';

/** Per connection, once: the session's staging tables (emptied at every commit) and settings. */
const SESSION_SETUP = `
  SET jit = off;
  CREATE TEMP TABLE IF NOT EXISTS ingest_input (
    declaration_id text COLLATE "C", uscc text COLLATE "C", flow smallint, hs_code text, hs_chapter smallint, category_mask smallint,
    partner_country text COLLATE "C", period integer, value_usd numeric(18, 2), quantity numeric(24, 6), unit text,
    net_weight_kg numeric(24, 6), customs_port text, trade_mode text, import_id uuid
  ) ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS ingest_fresh (
    uscc text COLLATE "C", flow smallint, hs_chapter smallint, category_mask smallint, partner_country text COLLATE "C", period integer,
    value_usd numeric(18, 2), import_id uuid, tier text COLLATE "C", zone text COLLATE "C", declarations integer NOT NULL DEFAULT 1
  ) ON COMMIT DELETE ROWS`;

/**
 * The declarations that are new (their id was never seen) go into `declaration` and, with the
 * tier of their year and the zone from the registry projection, into a staging table; a repeat
 * is `ON CONFLICT DO NOTHING`, within the batch as across batches and restarts.
 */
const INSERT_NEW = `
  WITH inserted AS (
    INSERT INTO declaration (${DECLARATION_COLUMNS})
    SELECT ${DECLARATION_COLUMNS} FROM ingest_input
    ON CONFLICT (declaration_id) DO NOTHING
    RETURNING uscc, flow, hs_chapter, category_mask, partner_country, period, value_usd, import_id
  )
  INSERT INTO ingest_fresh (uscc, flow, hs_chapter, category_mask, partner_country, period, value_usd, import_id, tier, zone)
  SELECT i.uscc, i.flow, i.hs_chapter, i.category_mask, i.partner_country, i.period, i.value_usd, i.import_id,
         coalesce(t.tier, '${NO_TIER}'), coalesce(p.zone_code, '${NO_ZONE}')
  FROM inserted i
  LEFT JOIN enterprise_tier t ON t.uscc = i.uscc AND t.cycle = i.period / 100
  LEFT JOIN enterprise_projection p ON p.uscc = i.uscc`;

/** Every cube from the new rows only, in the global lock order; then what was new, per import. */
const UPDATE_ROLLUPS = [
  ...INGEST_ORDER.map((cube) => upsertFrom(cube, 'ingest_fresh')),
  `SELECT coalesce(import_id::text, '') AS import_id, count(*)::integer AS fresh FROM ingest_fresh GROUP BY 1`,
].join(';\n');

const prepared = new WeakSet<PoolClient>();

/**
 * Declarations as COPY text (one line each, tab-separated), written in one pass into one string.
 * Values go unescaped: every field was validated against a pattern that excludes tab, line
 * breaks and backslash (declaration.rules.ts; `customsPort` and `tradeMode` are a catalogue code
 * or match the contract's `DECLARED_NAME_PATTERN`), so none can break a line.
 */
export function copyText(declarations: readonly Declaration[], importId?: string): string {
  const parts: Array<string | number> = [];
  const tail = `\t${importId ?? '\\N'}\n`;
  for (const d of declarations) {
    parts.push(
      d.declarationId, '\t', d.uscc, '\t', flowCode(d.flow), '\t', d.hsCode, '\t', hsChapterNumber(d.hsCode), '\t',
      categoryMaskOfHsCode(d.hsCode), '\t', d.partnerCountry, '\t', validPeriodKey(d.period), '\t', d.valueUsd, '\t',
      d.quantity ?? '\\N', '\t', d.unit ?? '\\N', '\t', d.netWeightKg ?? '\\N', '\t', d.customsPort ?? '\\N', '\t',
      d.tradeMode ?? '\\N', tail,
    );
  }
  return parts.join('');
}

async function copyInto(client: PoolClient, table: string, texts: readonly string[]): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const stream = client.query(copyFrom(`COPY ${table} FROM STDIN`));
    stream.on('error', reject);
    stream.on('finish', resolve);
    for (const text of texts) stream.write(text);
    stream.end();
  });
}

export interface ImportCounts {
  ingested: number;
  duplicates: number;
  failed: number;
}

/**
 * Records a chunk of valid declarations in one transaction: COPY into the session's staging
 * table, insert the new ones, update every roll-up from the new ones only, add to the imports'
 * progress, commit. Either all of it is committed or nothing (the caller retries; repeats are
 * harmless). Takes the roll-up dimensions lock in shared mode, so that a registry change that
 * re-derives tier or zone never interleaves with a chunk (projections/apply-enterprise-state).
 *
 * `failedByImport`: rows of imports that were dead-lettered instead, for the imports' progress.
 */
export async function recordDeclarations(
  client: PoolClient,
  staged: StagedRows,
  lane: number,
  failedByImport: ReadonlyMap<string, number> = new Map(),
): Promise<RecordOutcome> {
  if (!prepared.has(client)) {
    await client.query(SESSION_SETUP);
    prepared.add(client);
  }
  const { texts, rows, byImport: stagedByImport } = staged;
  await client.query('BEGIN');
  try {
    const freshByImport = new Map<string, number>();
    let fresh = 0;
    if (rows > 0) {
      await client.query('SELECT pg_advisory_xact_lock_shared($1)', [ROLLUP_DIMENSIONS_LOCK]);
      await copyInto(client, 'ingest_input', texts);
      await client.query(INSERT_NEW);
      const results = (await client.query(UPDATE_ROLLUPS)) as unknown as Array<{ rows: Array<{ import_id: string; fresh: number }> }>;
      for (const row of results[results.length - 1].rows) {
        freshByImport.set(row.import_id, row.fresh);
        fresh += row.fresh;
      }
    }
    const progress = new Map<string, ImportCounts>();
    for (const id of new Set([...stagedByImport.keys(), ...failedByImport.keys()])) {
      if (id === '') continue;
      const staged = stagedByImport.get(id) ?? 0;
      const ingested = freshByImport.get(id) ?? 0;
      progress.set(id, { ingested, duplicates: staged - ingested, failed: failedByImport.get(id) ?? 0 });
    }
    await recordImportProgress(client, lane, progress);
    await client.query('COMMIT');
    return { freshByImport, fresh };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Adds what the consumer did with imports' rows to their progress, in one row per import and partition. */
async function recordImportProgress(client: PoolClient, lane: number, progress: ReadonlyMap<string, ImportCounts>): Promise<void> {
  if (progress.size === 0) return;
  const ids = [...progress.keys()].sort();
  const values = ids.map((id) => progress.get(id) as ImportCounts);
  await client.query(
    `INSERT INTO import_progress (import_id, lane, ingested, duplicates, failed)
     SELECT id, $2, i, d, f FROM unnest($1::uuid[], $3::bigint[], $4::bigint[], $5::bigint[]) AS t(id, i, d, f)
     ON CONFLICT (import_id, lane) DO UPDATE SET ingested = import_progress.ingested + excluded.ingested,
       duplicates = import_progress.duplicates + excluded.duplicates, failed = import_progress.failed + excluded.failed`,
    [ids, lane, values.map((v) => v.ingested), values.map((v) => v.duplicates), values.map((v) => v.failed)],
  );
}
