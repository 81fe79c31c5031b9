import { Injectable } from '@nestjs/common';
import type { ApplicationEventV1 } from '@westgate/contracts';
import type { EntityManager } from 'typeorm';

/**
 * An approved support application → the enterprise's first approval, the start of its "growth
 * since support". The earliest approval wins, whatever order the events arrive in.
 */
@Injectable()
export class RecordApprovedSupportUseCase {
  async execute(manager: EntityManager, application: ApplicationEventV1): Promise<void> {
    await manager.query(
      `INSERT INTO enterprise_support (enterprise_id, first_approved_at, application_id, programme_code)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (enterprise_id) DO UPDATE SET
         first_approved_at = excluded.first_approved_at, application_id = excluded.application_id, programme_code = excluded.programme_code
       WHERE excluded.first_approved_at < enterprise_support.first_approved_at`,
      [application.enterpriseId, application.occurredAt, application.id, application.programmeCode],
    );
  }
}
