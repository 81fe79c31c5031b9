import { ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATUSES, type ActorV1, type ApplicationEventV1, type ApplicationStatus } from '@westgate/contracts';
import { GRANT_PURPOSES, ROLES, type Role } from '@westgate/domain';
import type { ApplicationEntity } from './application.entity';
import { allowedActions, WORKFLOW_ACTIONS, type WorkflowAction } from './application-workflow.rules';
import type { TimelineEntryEntity } from './timeline-entry.entity';

export class ApplicationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  programmeId!: string;

  @ApiProperty({ format: 'uuid' })
  enterpriseId!: string;

  @ApiProperty({ enum: GRANT_PURPOSES })
  purpose!: string;

  @ApiProperty({ example: 'Tomato paste exports to Kazakhstan' })
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ nullable: true, type: String, description: 'trade fair code', example: 'ASIA_EUROPE_EXPO' })
  tradeFair!: string | null;

  @ApiProperty({ type: [String], description: 'ISO 3166 alpha-2 codes', example: ['KZ', 'UZ'] })
  targetMarkets!: string[];

  @ApiProperty({ enum: APPLICATION_STATUSES })
  status!: ApplicationStatus;

  @ApiProperty({ description: 'CNY', example: '1500000.00' })
  requestedAmount!: string;

  @ApiProperty({ nullable: true, type: String, description: 'CNY; null until approved', example: '1500000.00' })
  approvedAmount!: string | null;

  @ApiProperty({ description: 'CNY paid out so far', example: '500000.00' })
  disbursedAmount!: string;

  @ApiProperty({ nullable: true, type: String, description: 'CNY approved and not yet paid out; null until approved', example: '1000000.00' })
  remainingAmount!: string | null;

  @ApiProperty({ description: 'the creating officer (`sub`)' })
  submittedBy!: string;

  @ApiProperty({ nullable: true, type: String })
  submittedByName!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  submittedAt!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'the deciding reviewer or admin (`sub`)' })
  decidedBy!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  decidedAt!: string | null;

  @ApiProperty({ enum: WORKFLOW_ACTIONS, isArray: true, description: 'transitions the current status allows' })
  allowedActions!: WorkflowAction[];

  @ApiProperty({ description: 'optimistic-concurrency version (also the ETag)', example: 1 })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export function toApplicationView(application: ApplicationEntity): ApplicationView {
  return {
    id: application.id,
    programmeId: application.programmeId,
    enterpriseId: application.enterpriseId,
    purpose: application.purpose,
    title: application.title,
    description: application.description,
    tradeFair: application.tradeFair,
    targetMarkets: application.targetMarkets,
    status: application.status,
    requestedAmount: application.requestedAmount.toString(),
    approvedAmount: application.approvedAmount?.toString() ?? null,
    disbursedAmount: application.disbursedAmount.toString(),
    remainingAmount: application.approvedAmount?.subtract(application.disbursedAmount).toString() ?? null,
    submittedBy: application.submittedBy,
    submittedByName: application.submittedByName,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    decidedBy: application.decidedBy,
    decidedAt: application.decidedAt?.toISOString() ?? null,
    allowedActions: allowedActions(application.status),
    version: application.version,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  };
}

export class TimelineEntryView {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ description: 'who made the transition (`sub`)' })
  actor!: string;

  @ApiProperty({ nullable: true, type: String })
  actorName!: string | null;

  @ApiProperty({ enum: ROLES, description: 'the role the actor acted in' })
  role!: Role;

  @ApiProperty({ enum: APPLICATION_STATUSES, nullable: true, description: 'null for the creation' })
  from!: ApplicationStatus | null;

  @ApiProperty({ enum: APPLICATION_STATUSES })
  to!: ApplicationStatus;

  @ApiProperty({ nullable: true, type: String })
  comment!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'CNY approved or disbursed by this transition', example: '1500000.00' })
  amount!: string | null;
}

/** One payment of an approved application. */
export class DisbursementView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'CNY', example: '500000.00' })
  amount!: string;

  @ApiProperty({ description: 'payment reference' })
  reference!: string;

  @ApiProperty({ description: 'the paying admin (`sub`)' })
  disbursedBy!: string;

  @ApiProperty({ format: 'date-time' })
  disbursedAt!: string;
}

/** `POST /applications/{id}/disbursements`: the application after the payment, and the payment. */
export class DisbursedApplicationView extends ApplicationView {
  @ApiProperty({ type: DisbursementView })
  disbursement!: DisbursementView;
}

export function toTimelineEntryView(entry: TimelineEntryEntity): TimelineEntryView {
  return {
    at: entry.at.toISOString(),
    actor: entry.actor,
    actorName: entry.actorName,
    role: entry.role,
    from: entry.fromStatus,
    to: entry.toStatus,
    comment: entry.comment,
    amount: entry.amount?.toString() ?? null,
  };
}

export interface Actor {
  id: string;
  name: string | null;
  role: Role;
}

/** The contract caps identifiers and texts; a longer token `sub` or name is cut rather than refused. */
const cap = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);

/** Who acted, as events carry it (`ActorV1`). */
export function actorPayload(actor: Actor): ActorV1 {
  return { id: cap(actor.id, 200), ...(actor.name ? { name: cap(actor.name, 200) } : {}), role: actor.role };
}

/** The payload of every application event: its state after the transition, who made it, why. */
export function applicationEvent(
  application: ApplicationEntity,
  programme: { code: string; name: string },
  transition: { from: ApplicationStatus | null; actor: Actor; comment: string | null; at: Date },
): ApplicationEventV1 {
  return {
    id: application.id,
    programmeId: application.programmeId,
    programmeCode: programme.code,
    programmeName: programme.name,
    enterpriseId: application.enterpriseId,
    title: application.title,
    purpose: application.purpose,
    status: application.status,
    fromStatus: transition.from,
    requestedAmount: application.requestedAmount.toString(),
    approvedAmount: application.approvedAmount?.toString() ?? null,
    disbursedAmount: application.disbursedAmount.toString(),
    submittedBy: cap(application.submittedBy, 200),
    actor: actorPayload(transition.actor),
    comment: transition.comment === null ? null : cap(transition.comment, 4000),
    version: application.version,
    occurredAt: transition.at.toISOString(),
  };
}
