import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@westgate/auth';
import { ProblemException } from '@westgate/platform';
import { DataSource } from 'typeorm';
import { assertIfMatch } from '../api/etag';
import { cny } from '../api/money.column';
import { ApplicationEntity } from './application.entity';
import { ApplicationRepository } from './application.repository';
import { EDITABLE_STATUSES, isEditable } from './application-workflow.rules';
import type { EditApplicationDto } from './dto/edit-application.dto';

/** An officer corrects a DRAFT or RETURNED application; `If-Match` guards against lost updates. */
@Injectable()
export class EditApplicationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
  ) {}

  async execute(id: string, command: EditApplicationDto, officer: AuthUser, ifMatch: string | undefined): Promise<ApplicationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.getVisible(id, officer, manager, 'row');
      assertIfMatch(ifMatch, application.version);
      if (!isEditable(application.status)) {
        throw new ProblemException(409, 'INVALID_TRANSITION', `An application that is ${application.status} cannot be edited`, {
          currentStatus: application.status,
          action: 'edit',
          allowedFrom: EDITABLE_STATUSES,
        });
      }
      const changes: Partial<ApplicationEntity> = {
        ...(command.purpose !== undefined && { purpose: command.purpose }),
        ...(command.requestedAmount !== undefined && { requestedAmount: cny(command.requestedAmount) }),
        ...(command.title !== undefined && { title: command.title }),
        ...(command.description !== undefined && { description: command.description }),
        ...(command.tradeFair !== undefined && { tradeFair: command.tradeFair }),
        ...(command.targetMarkets !== undefined && { targetMarkets: command.targetMarkets }),
      };
      if (Object.keys(changes).length === 0) return application;
      Object.assign(changes, { version: application.version + 1, updatedAt: new Date() });
      await manager.update(ApplicationEntity, { id: application.id }, changes);
      return Object.assign(new ApplicationEntity(), application, changes);
    });
  }
}
