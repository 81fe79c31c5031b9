import { Injectable } from '@nestjs/common';
import { currentCorrelationId } from '@westgate/messaging';
import type { EntityManager } from 'typeorm';
import type { Actor, HistoryAction } from './history.rules';

export interface HistoryRecord {
  enterpriseId: string;
  action: HistoryAction;
  actor: Actor;
  /** The enterprise's version after the change. */
  version: number;
  before: object | null;
  after: object | null;
}

/** Columns of a history row after `enterprise_id` and `version`, in the order of `historyValues`. */
export const HISTORY_COLUMNS = 'action, actor, actor_name, actor_role, before, after, correlation_id';

/** The values of HISTORY_COLUMNS for an entry; the correlation id is the current request's. */
export function historyValues(entry: Omit<HistoryRecord, 'enterpriseId' | 'version'>): unknown[] {
  return [
    entry.action,
    entry.actor.sub,
    entry.actor.name,
    entry.actor.role,
    entry.before === null ? null : JSON.stringify(entry.before),
    entry.after === null ? null : JSON.stringify(entry.after),
    currentCorrelationId() ?? null,
  ];
}

/** Writes a history entry inside the transaction of the change it describes. */
@Injectable()
export class HistoryRecorder {
  async record(manager: EntityManager, entry: HistoryRecord): Promise<void> {
    await manager.query(
      `INSERT INTO enterprise_history (enterprise_id, version, ${HISTORY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [entry.enterpriseId, entry.version, ...historyValues(entry)],
    );
  }
}
