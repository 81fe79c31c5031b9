import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnterpriseUpdated } from '@westgate/contracts';
import { OutboxWriter } from '@westgate/messaging';
import type { DataSource } from 'typeorm';
import { HistoryRecorder } from '../history/history.recorder';
import type { Actor } from '../history/history.rules';
import { ifMatchAllows } from '../http/etag';
import type { UpdateEnterpriseDto } from './dto/update-enterprise.dto';
import { enterpriseNotFound, staleVersion } from './enterprise.errors';
import { diffChanges, toEnterpriseState, type EnterpriseView } from './enterprise.rules';
import { EnterpriseStore } from './enterprise.store';

export interface UpdatePreconditions {
  /** The request's `If-Match` header. */
  ifMatch?: string;
}

@Injectable()
export class UpdateEnterprise {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: EnterpriseStore,
    private readonly history: HistoryRecorder,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Partial update under optimistic concurrency: the version is compared with `If-Match` (and with
   * `version` in the body) while the row is locked, so two writers from one version cannot both win.
   */
  async execute(id: string, input: UpdateEnterpriseDto, preconditions: UpdatePreconditions, actor: Actor): Promise<EnterpriseView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.store.lock(manager, id);
      if (!current) throw enterpriseNotFound(id);
      const stale =
        (preconditions.ifMatch !== undefined && !ifMatchAllows(preconditions.ifMatch, current.version)) ||
        (input.version !== undefined && input.version !== current.version);
      if (stale) throw staleVersion(current.version);

      const { version: _basedOn, ...requested } = input;
      const { changes, before, after } = diffChanges(current, requested);
      if (Object.keys(changes).length > 0) await this.store.applyChange(manager, id, changes);
      const view = await this.store.findView(id, manager);
      if (!view) throw enterpriseNotFound(id);
      // Nothing changed: no new version, no history entry, no event.
      if (Object.keys(changes).length === 0) return view;

      await this.history.record(manager, { enterpriseId: id, action: 'UPDATED', actor, version: view.version, before, after });
      await this.outbox.stage(manager, { definition: EnterpriseUpdated, subject: id, data: toEnterpriseState(view) });
      return view;
    });
  }
}
