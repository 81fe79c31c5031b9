import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@westgate/auth';
import { ProgrammeBudgetChanged } from '@westgate/contracts';
import { OutboxWriter } from '@westgate/messaging';
import { ProblemException } from '@westgate/platform';
import { DataSource } from 'typeorm';
import { assertIfMatch } from '../api/etag';
import { cny } from '../api/money.column';
import type { ChangeProgrammeDto } from './dto/change-programme.dto';
import { ProgrammeEntity } from './programme.entity';
import { programmeState } from './programme.mapper';
import { programmeNotFound, ProgrammeRepository } from './programme.repository';

/** An admin raises or lowers a programme's total budget, never below what approvals reserved. */
@Injectable()
export class ChangeProgrammeBudgetUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly programmes: ProgrammeRepository,
  ) {}

  async execute(id: string, command: ChangeProgrammeDto, _admin: AuthUser, ifMatch: string | undefined): Promise<ProgrammeEntity> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.programmes.find(id, manager, true);
      if (!locked) throw programmeNotFound(id);
      assertIfMatch(ifMatch, locked.version);
      if (command.budget === undefined) return locked;
      const total = cny(command.budget);
      if (total.equals(locked.budgetTotal)) return locked;
      const changed = await this.programmes.changeTotal(manager, id, total, new Date());
      if (!changed) {
        throw new ProblemException(409, 'BUDGET_BELOW_RESERVED', `${total} is less than the ${locked.budgetReserved} already reserved`, {
          reserved: locked.budgetReserved.toString(),
        });
      }
      await this.outbox.stage(manager, { definition: ProgrammeBudgetChanged, subject: id, data: programmeState(changed) });
      return changed;
    });
  }
}
