import { Injectable } from '@nestjs/common';
import type { ApplicationEventV1, EventDefinition } from '@westgate/contracts';
import type { AuthUser } from '@westgate/auth';
import type { Money } from '@westgate/domain';
import { OutboxWriter, type StagedEvent } from '@westgate/messaging';
import { ProblemException } from '@westgate/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { setClause } from '../api/hydrate';
import { ProgrammeRepository } from '../programmes/programme.repository';
import { ApplicationEntity } from './application.entity';
import { applicationEvent, type Actor } from './application.mapper';
import { ApplicationRepository } from './application.repository';
import { decideTransition, type TransitionContext, type WorkflowAction } from './application-workflow.rules';

/** Types of the timeline entry's values, in the order written. */
const ENTRY_TYPES = ['timestamptz', 'text', 'text', 'text', 'text', 'text', 'text', 'numeric'];

export interface TransitionSpec<E extends ApplicationEventV1 = ApplicationEventV1> {
  applicationId: string;
  action: WorkflowAction;
  user: AuthUser;
  /** The event this transition publishes (exactly one per transition). */
  event: EventDefinition<E>;
  /** What the event carries beyond the application's state, if its type has more (e.g. the tranche paid). */
  eventExtras?: (now: Date) => Omit<E, keyof ApplicationEventV1>;
  comment?: string | null;
  /** Also take the (programme, enterprise) advisory lock with the row lock (submission's maximum per enterprise). */
  lockEnterprise?: boolean;
  /** Who acts, in which role: decided from the locked application (e.g. withdraw by officer or enterprise); may refuse (403). */
  actor: (application: ApplicationEntity) => Actor;
  /** Checks that need the locked application and may need the database, before the workflow decides. */
  precheck?: (application: ApplicationEntity, manager: EntityManager) => Promise<void> | void;
  context?: (application: ApplicationEntity) => TransitionContext;
  /** Checks after the workflow allowed it (e.g. eligibility), and the fields the transition sets. */
  changes?: (application: ApplicationEntity, manager: EntityManager, now: Date) => Promise<Partial<ApplicationEntity>> | Partial<ApplicationEntity>;
  /** The amount the transition moves, for the timeline. */
  amount?: (application: ApplicationEntity) => Money | null;
  /**
   * Writes to other aggregates, after the application's own (so their row locks, the programme's
   * above all, are held for as short a time as possible); may add events, e.g. the budget's.
   */
  alsoWrite?: (manager: EntityManager, application: ApplicationEntity, now: Date) => Promise<StagedEvent[]>;
}

/**
 * The one way an application changes status: in one transaction, lock the row (so a double
 * click cannot apply twice), let the workflow rules decide, write the new state, the timeline
 * entry and the event (outbox), and whatever else the transition touches.
 */
@Injectable()
export class ApplicationTransitions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly applications: ApplicationRepository,
    private readonly programmes: ProgrammeRepository,
  ) {}

  async run<E extends ApplicationEventV1>(spec: TransitionSpec<E>): Promise<ApplicationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.getVisible(spec.applicationId, spec.user, manager, spec.lockEnterprise ? 'row+enterprise' : 'row');
      const actor = spec.actor(application);
      await spec.precheck?.(application, manager);
      const outcome = decideTransition(application.status, spec.action, spec.context?.(application));
      if (!outcome.allowed) {
        throw new ProblemException(409, 'INVALID_TRANSITION', `Cannot ${spec.action} an application that is ${outcome.currentStatus}`, {
          currentStatus: outcome.currentStatus,
          action: spec.action,
          allowedFrom: outcome.allowedFrom,
        });
      }
      const now = new Date();
      const changes: Partial<ApplicationEntity> = {
        ...(await spec.changes?.(application, manager, now)),
        status: outcome.to,
        version: application.version + 1,
        updatedAt: now,
      };
      const after = Object.assign(new ApplicationEntity(), application, changes);
      const comment = spec.comment ?? null;
      // The new state and its timeline entry in one statement (one round trip).
      const set = setClause(manager, ApplicationEntity, changes, 2);
      const entry = [now, actor.id, actor.name, actor.role, outcome.from, outcome.to, comment, spec.amount?.(after)?.toString() ?? null];
      await manager.query(
        `WITH changed AS (UPDATE applications SET ${set.sql} WHERE id = $1 RETURNING id)
         INSERT INTO application_timeline (application_id, at, actor, actor_name, role, from_status, to_status, comment, amount)
         SELECT id, ${ENTRY_TYPES.map((type, i) => `$${set.parameters.length + 2 + i}::${type}`).join(', ')} FROM changed`,
        [application.id, ...set.parameters, ...entry],
      );
      const others = (await spec.alsoWrite?.(manager, after, now)) ?? [];
      const programme = await this.programmes.labelOf(application.programmeId, manager);
      // The extras complete `E` (the outbox checks the payload against the event's contract).
      const data = { ...applicationEvent(after, programme, { from: outcome.from, actor, comment, at: now }), ...spec.eventExtras?.(now) } as E;
      await this.outbox.stageAll(manager, [{ definition: spec.event, subject: application.id, data }, ...others]);
      return after;
    });
  }
}

/** The role a staff member acts in: the first of `preferred` they hold. */
export function actingRole(user: AuthUser, preferred: readonly Actor['role'][]): Actor['role'] {
  const role = preferred.find((candidate) => user.roles.includes(candidate));
  if (!role) throw new ProblemException(403, 'FORBIDDEN', `Requires one of the roles: ${preferred.join(', ')}`);
  return role;
}

export function actorOf(user: AuthUser, role: Actor['role']): Actor {
  return { id: user.id, name: user.name ?? null, role };
}
