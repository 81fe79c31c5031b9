import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { validationProblem } from '@westgate/platform';
import type { DataSource } from 'typeorm';
import { decodeCursor, toPage, type Page } from '@westgate/platform';
import { isUuid } from '../http/path-params';
import type { ListEnterprisesQuery } from './dto/list-enterprises.query';
import type { EnterpriseView } from './enterprise.rules';
import { EnterpriseStore, VIEW_COLUMNS, type EnterpriseRow } from './enterprise.store';

/** `%`, `_` and `\` typed by a user are literal characters, not LIKE wildcards. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The register, filtered, in registration order (ids are UUIDv7), paged by keyset on the id. */
@Injectable()
export class ListEnterprises {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: EnterpriseStore,
  ) {}

  async execute(query: ListEnterprisesQuery): Promise<Page<EnterpriseView>> {
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    };

    if (query.cursor !== undefined) {
      const after = decodeCursor(query.cursor, isUuid);
      if (after === undefined) throw validationProblem([{ field: 'cursor', message: 'cursor must be the nextCursor of a previous page' }]);
      where.push(`e.id > ${param(after)}`);
    }
    if (query.tier !== undefined) {
      const cycle = param(query.cycle ?? this.store.currentCycle);
      const live = `SELECT 1 FROM tier_designation d WHERE d.enterprise_id = e.id AND d.cycle = ${cycle} AND d.revoked_at IS NULL`;
      where.push(query.tier === 'NONE' ? `NOT EXISTS (${live})` : `EXISTS (${live} AND d.tier = ${param(query.tier)})`);
    }
    if (query.zoneCode !== undefined) where.push(`e.zone_code = ${param(query.zoneCode)}`);
    if (query.region !== undefined) where.push(`e.region = ${param(query.region)}`);
    if (query.sector !== undefined) where.push(`e.sectors @> ARRAY[${param(query.sector)}]::text[]`);
    if (query.status !== undefined) where.push(`e.status = ${param(query.status)}`);
    if (query.q !== undefined) {
      const pattern = param(containsPattern(query.q));
      where.push(`(e.name ILIKE ${pattern} OR e.name_local ILIKE ${pattern})`);
    }

    const rows: EnterpriseRow[] = await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM enterprise e
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.id
        LIMIT ${param(query.limit + 1)}`,
      values,
    );
    return toPage(rows, query.limit, (row) => row.id, (row) => this.store.viewOf(row));
  }
}
