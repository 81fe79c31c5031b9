import { Injectable } from '@nestjs/common';
import { EnterpriseTierDesignated, EnterpriseTierRevoked, type CloudEvent, type EnterpriseStateV1 } from '@westgate/contracts';
import type { EntityManager } from 'typeorm';
import { RecordNotices } from '../notices/record-notices.usecase';
import { changedDesignation, type Designation } from '../recipients/designation.rules';
import { designationRecipients } from '../recipients/recipient.rules';

/**
 * Every registry event: keeps the enterprise's contact (e-mail, name, designations) up to date,
 * newer versions only; a designation granted or revoked is told to the enterprise.
 */
@Injectable()
export class RecordEnterpriseState {
  constructor(private readonly notices: RecordNotices) {}

  async execute(manager: EntityManager, event: CloudEvent<EnterpriseStateV1>): Promise<void> {
    const state = event.data;
    const [previous]: Array<{ designations: Designation[]; version: number }> = await manager.query(
      'SELECT designations, version FROM enterprise_contact WHERE enterprise_id = $1 FOR UPDATE',
      [state.id],
    );
    // An older state arriving after a newer one changes nothing, and tells nothing new.
    if (previous && previous.version >= state.version) return;
    const designations: Designation[] = state.designations.map(({ cycle, tier, designatedAt }) => ({ cycle, tier, designatedAt }));
    await manager.query(
      `INSERT INTO enterprise_contact (enterprise_id, name, contact_email, status, designations, version, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
       ON CONFLICT (enterprise_id) DO UPDATE SET
         name = EXCLUDED.name, contact_email = EXCLUDED.contact_email, status = EXCLUDED.status,
         designations = EXCLUDED.designations, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
      [state.id, state.name, state.contactEmail, state.status, JSON.stringify(designations), state.version, state.updatedAt],
    );
    const change = event.type === EnterpriseTierDesignated.type ? 'granted' : event.type === EnterpriseTierRevoked.type ? 'revoked' : undefined;
    if (change === undefined) return;
    await this.notices.execute(manager, [
      {
        event,
        facts: {
          kind: change === 'granted' ? 'designation.granted' : 'designation.revoked',
          enterprise: { id: state.id, name: state.name },
          designation: changedDesignation(change, previous?.designations, designations),
        },
        recipients: designationRecipients(event.type, state.id),
      },
    ]);
  }
}
