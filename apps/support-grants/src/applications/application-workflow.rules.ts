import type { ApplicationStatus } from '@westgate/contracts';

/**
 * The support-application workflow (DESIGN.md), the one place that says which transition is
 * allowed from which status. Pure: the use-cases ask it, then write what it answers.
 *
 *   DRAFT → SUBMITTED → UNDER_REVIEW → APPROVED | REJECTED | RETURNED
 *   RETURNED → SUBMITTED
 *   APPROVED → PARTIALLY_DISBURSED → DISBURSED → CLOSED   (one tranche may go straight to DISBURSED)
 *   DRAFT, SUBMITTED, RETURNED → WITHDRAWN
 */
export const WORKFLOW_ACTIONS = ['submit', 'start-review', 'approve', 'reject', 'return', 'withdraw', 'disburse', 'close'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

interface TransitionRule {
  readonly from: readonly ApplicationStatus[];
  /** Where it leads; `disburse` depends on whether the tranche completes the approved amount. */
  readonly to: (context: TransitionContext) => ApplicationStatus;
}

export interface TransitionContext {
  /** For `disburse`: the tranche brings the disbursed total up to the approved amount. */
  readonly fullyDisbursed?: boolean;
}

const RULES: Readonly<Record<WorkflowAction, TransitionRule>> = {
  submit: { from: ['DRAFT', 'RETURNED'], to: () => 'SUBMITTED' },
  'start-review': { from: ['SUBMITTED'], to: () => 'UNDER_REVIEW' },
  approve: { from: ['UNDER_REVIEW'], to: () => 'APPROVED' },
  reject: { from: ['UNDER_REVIEW'], to: () => 'REJECTED' },
  return: { from: ['UNDER_REVIEW'], to: () => 'RETURNED' },
  withdraw: { from: ['DRAFT', 'SUBMITTED', 'RETURNED'], to: () => 'WITHDRAWN' },
  disburse: {
    from: ['APPROVED', 'PARTIALLY_DISBURSED'],
    to: ({ fullyDisbursed }) => (fullyDisbursed ? 'DISBURSED' : 'PARTIALLY_DISBURSED'),
  },
  close: { from: ['DISBURSED'], to: () => 'CLOSED' },
};

export type TransitionOutcome =
  | { readonly allowed: true; readonly from: ApplicationStatus; readonly to: ApplicationStatus }
  | { readonly allowed: false; readonly currentStatus: ApplicationStatus; readonly allowedFrom: readonly ApplicationStatus[] };

/** Where `action` takes an application in `current`, or why it cannot. */
export function decideTransition(current: ApplicationStatus, action: WorkflowAction, context: TransitionContext = {}): TransitionOutcome {
  const rule = RULES[action];
  if (!rule.from.includes(current)) return { allowed: false, currentStatus: current, allowedFrom: rule.from };
  return { allowed: true, from: current, to: rule.to(context) };
}

/** The actions the workflow allows from `status` (shown to clients as `allowedActions`). */
export function allowedActions(status: ApplicationStatus): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => RULES[action].from.includes(status));
}

/** An officer may change the application's content only before review or after it came back. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['DRAFT', 'RETURNED'];

export function isEditable(status: ApplicationStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/** Statuses in which an application holds its approved amount of the programme's budget. */
export const RESERVING_STATUSES: readonly ApplicationStatus[] = ['APPROVED', 'PARTIALLY_DISBURSED', 'DISBURSED', 'CLOSED'];

/**
 * Statuses that count towards an enterprise's maximum grant in a programme: everything sent for
 * review and not rejected or withdrawn (a draft asks for nothing yet).
 */
export const LIVE_STATUSES: readonly ApplicationStatus[] = [
  'SUBMITTED',
  'UNDER_REVIEW',
  'RETURNED',
  'APPROVED',
  'PARTIALLY_DISBURSED',
  'DISBURSED',
  'CLOSED',
];

/** Decisions on an application; separation of duties applies to them. */
export const DECISION_ACTIONS: readonly WorkflowAction[] = ['approve', 'reject', 'return'];

/**
 * Nobody decides an application they submitted, whatever roles they hold: neither the officer
 * who created it nor whoever sent it for review.
 */
export function violatesSeparationOfDuties(
  application: { readonly submittedBy: string; readonly lastSubmittedBy: string | null },
  deciderId: string,
): boolean {
  return application.submittedBy === deciderId || application.lastSubmittedBy === deciderId;
}
