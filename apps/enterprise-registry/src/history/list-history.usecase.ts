import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { validationProblem } from '@westgate/platform';
import type { DataSource } from 'typeorm';
import { enterpriseNotFound } from '../enterprises/enterprise.errors';
import { decodeCursor, toPage, type Page, type PageQuery } from '@westgate/platform';
import { HISTORY_ACTIONS, type HistoryAction } from './history.rules';

/** One change, as `/history` shows it. */
export class HistoryItem {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ enum: HISTORY_ACTIONS })
  action!: HistoryAction;

  @ApiProperty({ description: "the caller's `sub`" })
  actor!: string;

  @ApiProperty({ nullable: true, type: String })
  actorName!: string | null;

  @ApiProperty({ description: 'the role the caller acted in', example: 'officer' })
  role!: string;

  @ApiProperty({ description: "the enterprise's version after the change", example: 2 })
  version!: number;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'changed fields before the change' })
  before!: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'changed fields after the change' })
  after!: Record<string, unknown> | null;

  @ApiProperty({ nullable: true, type: String })
  correlationId!: string | null;
}

interface HistoryRow {
  seq: string;
  id: string;
  at: Date;
  action: HistoryAction;
  actor: string;
  actor_name: string | null;
  actor_role: string;
  version: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  correlation_id: string | null;
}

const isSequence = (key: string): boolean => /^\d{1,18}$/.test(key);

/** Every change of one enterprise, oldest first. */
@Injectable()
export class ListHistory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(enterpriseId: string, page: PageQuery): Promise<Page<HistoryItem>> {
    let after = '0';
    if (page.cursor !== undefined) {
      const key = decodeCursor(page.cursor, isSequence);
      if (key === undefined) throw validationProblem([{ field: 'cursor', message: 'cursor must be the nextCursor of a previous page' }]);
      after = key;
    }
    const rows: HistoryRow[] = await this.dataSource.query(
      `SELECT h.id AS seq, h.entry_id AS id, h.at, h.action, h.actor, h.actor_name, h.actor_role, h.version, h.before, h.after, h.correlation_id
         FROM enterprise_history h
        WHERE h.enterprise_id = $1 AND h.id > $2
        ORDER BY h.id
        LIMIT $3`,
      [enterpriseId, after, page.limit + 1],
    );
    // Every enterprise has at least its registration: no rows on the first page means no enterprise.
    if (rows.length === 0) {
      const exists: unknown[] = await this.dataSource.query('SELECT 1 FROM enterprise WHERE id = $1', [enterpriseId]);
      if (exists.length === 0) throw enterpriseNotFound(enterpriseId);
    }
    return toPage(rows, page.limit, (row) => row.seq, toItem);
  }
}

function toItem(row: HistoryRow): HistoryItem {
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actor: row.actor,
    actorName: row.actor_name,
    role: row.actor_role,
    version: row.version,
    before: row.before,
    after: row.after,
    correlationId: row.correlation_id,
  };
}
