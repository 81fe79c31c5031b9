import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@westgate/auth';
import { ProgrammeCreated } from '@westgate/contracts';
import { Money } from '@westgate/domain';
import { OutboxWriter } from '@westgate/messaging';
import { ProblemException } from '@westgate/platform';
import { DataSource } from 'typeorm';
import { cny } from '../api/money.column';
import type { CreateProgrammeDto } from './dto/create-programme.dto';
import { ProgrammeEntity } from './programme.entity';
import { programmeState } from './programme.mapper';

/** An admin opens a programme for a cycle with its budget; `programme.created` tells the others. */
@Injectable()
export class CreateProgrammeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: CreateProgrammeDto, admin: AuthUser): Promise<ProgrammeEntity> {
    const opensAt = new Date(command.opensAt);
    const closesAt = new Date(command.closesAt);
    if (!(closesAt.getTime() > opensAt.getTime())) {
      throw new ProblemException(400, 'VALIDATION_FAILED', 'The programme must close after it opens', {
        errors: [{ field: 'closesAt', message: 'closesAt must be later than opensAt' }],
      });
    }
    const now = new Date();
    const programme = Object.assign(new ProgrammeEntity(), {
      id: randomUUID(),
      code: command.code,
      name: command.name.trim(),
      cycle: command.cycle,
      budgetTotal: cny(command.budget),
      budgetReserved: Money.zero('CNY'),
      budgetDisbursed: Money.zero('CNY'),
      eligibleTiers: command.eligibleTiers,
      eligibleSectors: command.eligibleSectors ?? null,
      purposes: command.purposes,
      maxGrantPerEnterprise: cny(command.maxGrantPerEnterprise),
      opensAt,
      closesAt,
      createdBy: admin.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    return this.dataSource.transaction(async (manager) => {
      // ON CONFLICT keeps the transaction usable when the code is taken (a unique violation would abort it).
      const inserted: unknown[] = await manager
        .createQueryBuilder()
        .insert()
        .into(ProgrammeEntity)
        .values(programme)
        .orIgnore()
        .returning('id')
        .execute()
        .then((result) => result.raw as unknown[]);
      if (inserted.length === 0) {
        throw new ProblemException(409, 'PROGRAMME_EXISTS', `A programme with code ${command.code} already exists`);
      }
      await this.outbox.stage(manager, { definition: ProgrammeCreated, subject: programme.id, data: programmeState(programme) });
      return programme;
    });
  }
}
