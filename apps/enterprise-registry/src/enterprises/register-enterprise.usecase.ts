import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnterpriseRegistered } from '@westgate/contracts';
import { OutboxWriter } from '@westgate/messaging';
import type { DataSource } from 'typeorm';
import { isUniqueViolation } from '../database/unique-violation';
import { uuidV7 } from '../database/uuid-v7';
import type { Actor } from '../history/history.rules';
import type { RegisterEnterpriseDto } from './dto/register-enterprise.dto';
import { enterpriseExists } from './enterprise.errors';
import { toEnterpriseState, toView, type EnterpriseView } from './enterprise.rules';
import { EnterpriseStore } from './enterprise.store';

@Injectable()
export class RegisterEnterprise {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: EnterpriseStore,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Registers an enterprise; a USCC already registered, even by a concurrent request, is a 409. */
  async execute(input: RegisterEnterpriseDto, actor: Actor): Promise<EnterpriseView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const registered = {
          id: uuidV7(),
          uscc: input.uscc,
          name: input.name,
          nameLocal: input.nameLocal ?? null,
          region: input.region,
          zoneCode: input.zoneCode ?? null,
          sectors: input.sectors,
          contactEmail: input.contactEmail,
          address: input.address ?? null,
          foundedOn: input.foundedOn ?? null,
          tradeModes: input.tradeModes ?? [],
        };
        const record = await this.store.insert(manager, registered, {
          action: 'REGISTERED',
          actor,
          before: null,
          after: { ...registered, status: 'ACTIVE', version: 1 },
        });
        const view = toView(record, [], this.store.currentCycle);
        await this.outbox.stage(manager, { definition: EnterpriseRegistered, subject: record.id, data: toEnterpriseState(view) });
        return view;
      });
    } catch (error) {
      // The unique constraint decides the race between two registrations of one USCC.
      if (isUniqueViolation(error, 'enterprise_uscc_unique')) {
        throw enterpriseExists(input.uscc, await this.store.findIdByUscc(input.uscc));
      }
      throw error;
    }
  }
}
