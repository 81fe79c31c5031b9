import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@westgate/auth';
import { ApplicationClosed } from '@westgate/contracts';
import type { ApplicationEntity } from './application.entity';
import { actorOf, ApplicationTransitions } from './application-transitions.service';

/** DISBURSED → CLOSED: an admin files a fully paid application. */
@Injectable()
export class CloseApplicationUseCase {
  constructor(private readonly transitions: ApplicationTransitions) {}

  execute(id: string, admin: AuthUser, comment?: string): Promise<ApplicationEntity> {
    return this.transitions.run({
      applicationId: id,
      action: 'close',
      user: admin,
      event: ApplicationClosed,
      comment,
      actor: () => actorOf(admin, 'admin'),
    });
  }
}
