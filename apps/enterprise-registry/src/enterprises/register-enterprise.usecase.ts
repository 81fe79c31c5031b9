import { Injectable } from '@nestjs/common';
import { EnterpriseRegistered } from '@westgate/contracts';
import { OutboxWriter } from '@westgate/messaging';
import { isUniqueViolation } from '../database/unique-violation';
import { uuidV7 } from '../database/uuid-v7';
import type { Actor } from '../history/history.rules';
import type { RegisterEnterpriseDto } from './dto/register-enterprise.dto';
import { enterpriseExists } from './enterprise.errors';
import { toEnterpriseState, toView, type EnterpriseRecord, type EnterpriseView } from './enterprise.rules';
import { EnterpriseStore } from './enterprise.store';

@Injectable()
export class RegisterEnterprise {
  constructor(
    private readonly store: EnterpriseStore,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Registers an enterprise; a USCC already registered, even by a concurrent request, is a 409. */
  async execute(input: RegisterEnterpriseDto, actor: Actor): Promise<EnterpriseView> {
    const now = new Date().toISOString();
    // Written out, not spread from the input with fields added: see toView for what that costs.
    const record: EnterpriseRecord = {
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
      status: 'ACTIVE',
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const view = toView(record, [], this.store.currentCycle);
    const history = { action: 'REGISTERED' as const, actor, before: null, after: record };
    const event = { definition: EnterpriseRegistered, subject: record.id, data: toEnterpriseState(view) };
    try {
      await this.store.insert(record, history, (first) => this.outbox.insertFor([event], first));
    } catch (error) {
      // The unique constraint decides the race between two registrations of one USCC.
      if (isUniqueViolation(error, 'enterprise_uscc_unique')) {
        throw enterpriseExists(input.uscc, await this.store.findIdByUscc(input.uscc));
      }
      throw error;
    }
    this.outbox.committed();
    return view;
  }
}
