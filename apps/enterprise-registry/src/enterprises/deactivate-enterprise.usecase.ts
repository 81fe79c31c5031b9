import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnterpriseDeactivated } from '@westgate/contracts';
import { OutboxWriter } from '@westgate/messaging';
import type { DataSource } from 'typeorm';
import { HistoryRecorder } from '../history/history.recorder';
import type { Actor } from '../history/history.rules';
import { enterpriseInactive, enterpriseNotFound } from './enterprise.errors';
import { toEnterpriseState, type EnterpriseView } from './enterprise.rules';
import { EnterpriseStore } from './enterprise.store';

@Injectable()
export class DeactivateEnterprise {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: EnterpriseStore,
    private readonly history: HistoryRecorder,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * ACTIVE → INACTIVE. The enterprise keeps its record, history and designations (an admin revokes
   * those explicitly); consumers learn from the event that it is no longer eligible.
   */
  async execute(id: string, reason: string | undefined, actor: Actor): Promise<EnterpriseView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.store.lock(manager, id);
      if (!current) throw enterpriseNotFound(id);
      if (current.status === 'INACTIVE') throw enterpriseInactive(id);

      await this.store.applyChange(manager, id, { status: 'INACTIVE' });
      const view = await this.store.findView(id, manager);
      if (!view) throw enterpriseNotFound(id);
      await this.history.record(manager, {
        enterpriseId: id,
        action: 'DEACTIVATED',
        actor,
        version: view.version,
        before: { status: current.status },
        after: { status: view.status, ...(reason === undefined ? {} : { reason }) },
      });
      await this.outbox.stage(manager, { definition: EnterpriseDeactivated, subject: id, data: toEnterpriseState(view) });
      return view;
    });
  }
}
