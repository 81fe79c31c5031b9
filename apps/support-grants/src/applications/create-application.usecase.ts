import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@westgate/auth';
import { Money } from '@westgate/domain';
import { ProblemException } from '@westgate/platform';
import { DataSource } from 'typeorm';
import { cny } from '../api/money.column';
import { ApplicationEntity } from './application.entity';
import type { CreateApplicationDto } from './dto/create-application.dto';

/**
 * An officer drafts an application for an enterprise. Whether the enterprise is known and
 * eligible is checked at submission (it may be registered moments before); the programme must exist.
 * The timeline starts here (from null to DRAFT); the contract has no event for a draft.
 */
@Injectable()
export class CreateApplicationUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: CreateApplicationDto, officer: AuthUser): Promise<ApplicationEntity> {
    const now = new Date();
    const application = Object.assign(new ApplicationEntity(), {
      id: randomUUID(),
      programmeId: command.programmeId.toLowerCase(),
      enterpriseId: command.enterpriseId.toLowerCase(),
      purpose: command.purpose,
      requestedAmount: cny(command.requestedAmount),
      approvedAmount: null,
      reservedAmount: Money.zero('CNY'),
      disbursedAmount: Money.zero('CNY'),
      title: command.title,
      description: command.description,
      tradeFair: command.tradeFair ?? null,
      targetMarkets: command.targetMarkets ?? [],
      status: 'DRAFT' as const,
      submittedBy: officer.id,
      submittedByName: officer.name ?? null,
      lastSubmittedBy: null,
      submittedAt: null,
      decidedBy: null,
      decidedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    // One statement, atomic by itself: the draft only if its programme exists, with its first timeline entry.
    const created: Array<{ id: string }> = await this.dataSource.query(
      `WITH programme AS (SELECT id FROM programmes WHERE id = $2::uuid),
            application AS (
              INSERT INTO applications (id, programme_id, enterprise_id, purpose, requested_amount, title, description, trade_fair,
                                        target_markets, status, submitted_by, submitted_by_name, version, created_at, updated_at)
              SELECT $1::uuid, programme.id, $3::uuid, $4::text, $5::numeric, $6::text, $7::text, $8::text, $9::text[], 'DRAFT', $10::text,
                     $11::text, 1, $12::timestamptz, $12::timestamptz
                FROM programme
              RETURNING id),
            entry AS (
              INSERT INTO application_timeline (application_id, at, actor, actor_name, role, from_status, to_status, amount)
              SELECT id, $12::timestamptz, $10::text, $11::text, 'officer', NULL, 'DRAFT', $5::numeric FROM application)
       SELECT id FROM application`,
      [
        application.id,
        application.programmeId,
        application.enterpriseId,
        application.purpose,
        application.requestedAmount.toString(),
        application.title,
        application.description,
        application.tradeFair,
        application.targetMarkets,
        application.submittedBy,
        application.submittedByName,
        now,
      ],
    );
    if (created.length === 0) {
      throw new ProblemException(422, 'PROGRAMME_NOT_FOUND', `No programme ${command.programmeId}`, {
        errors: [{ field: 'programmeId', message: 'programmeId must be the id of an existing programme' }],
      });
    }
    return application;
  }
}
