import { Injectable } from '@nestjs/common';
import type { CloudEvent, EnterpriseStateV1 } from '@westgate/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Applies one registry event to the projection, inside the consumer's inbox transaction. Every
 * event carries the enterprise's full state with a growing `version`, so the row is replaced only
 * by a newer version: a duplicate or an event overtaken by a later one changes nothing.
 */
@Injectable()
export class ProjectEnterpriseUseCase {
  async execute(manager: EntityManager, event: CloudEvent<EnterpriseStateV1>): Promise<void> {
    const state = event.data;
    const designations = state.designations.map(({ cycle, tier, designatedAt }) => ({ cycle, tier, designatedAt }));
    await manager.query(
      `INSERT INTO enterprise_projection AS p
         (id, uscc, name, region, zone_code, sectors, contact_email, status, designations, version,
          state_updated_at, last_event_id, last_event_type, projected_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, clock_timestamp())
       ON CONFLICT (id) DO UPDATE SET
         uscc = excluded.uscc, name = excluded.name, region = excluded.region, zone_code = excluded.zone_code,
         sectors = excluded.sectors, contact_email = excluded.contact_email, status = excluded.status,
         designations = excluded.designations, version = excluded.version, state_updated_at = excluded.state_updated_at,
         last_event_id = excluded.last_event_id, last_event_type = excluded.last_event_type, projected_at = excluded.projected_at
       WHERE p.version < excluded.version`,
      [
        state.id,
        state.uscc,
        state.name,
        state.region,
        state.zoneCode ?? null,
        state.sectors,
        state.contactEmail,
        state.status,
        JSON.stringify(designations),
        state.version,
        state.updatedAt,
        event.id,
        event.type,
      ],
    );
  }
}
