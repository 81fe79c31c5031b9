import type { ApplicationEventV1, ApplicationStatus } from '@westgate/contracts';
import type { Role } from '@westgate/domain';
import type { ApplicationEntity } from './application.entity';
import { allowedActions, type WorkflowAction } from './application-workflow.rules';
import type { TimelineEntryEntity } from './timeline-entry.entity';

export interface ApplicationView {
  id: string;
  programmeId: string;
  enterpriseId: string;
  purpose: string;
  title: string;
  description: string;
  tradeFair: string | null;
  targetMarkets: string[];
  status: ApplicationStatus;
  requestedAmount: string;
  approvedAmount: string | null;
  disbursedAmount: string;
  /** Approved and not yet paid out. */
  remainingAmount: string | null;
  submittedBy: string;
  submittedByName: string | null;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  allowedActions: WorkflowAction[];
  version: number;
  createdAt: string;
  updatedAt: string;
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

export interface TimelineEntryView {
  at: string;
  actor: string;
  actorName: string | null;
  role: Role;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  comment: string | null;
  amount: string | null;
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
    actor: {
      id: cap(transition.actor.id, 200),
      ...(transition.actor.name ? { name: cap(transition.actor.name, 200) } : {}),
      role: transition.actor.role,
    },
    comment: transition.comment === null ? null : cap(transition.comment, 4000),
    version: application.version,
    occurredAt: transition.at.toISOString(),
  };
}
