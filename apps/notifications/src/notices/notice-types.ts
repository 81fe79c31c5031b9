import {
  ApplicationApproved,
  ApplicationClosed,
  ApplicationDisbursed,
  ApplicationRejected,
  ApplicationReturned,
  ApplicationReviewStarted,
  ApplicationSubmitted,
  ApplicationWithdrawn,
  EnterpriseTierDesignated,
  EnterpriseTierRevoked,
  ExportDeclineAlert,
  ProgrammeBudgetChanged,
  ProgrammeBudgetExhausted,
  ProgrammeCreated,
} from '@westgate/contracts';

/**
 * What a notice says, independent of the event type that caused it: the key of a template. Two
 * programme event types (created, budget-changed) make the same `programme.budget-low` notice.
 */
export const NOTICE_KINDS = [
  'application.submitted',
  'application.review-started',
  'application.approved',
  'application.rejected',
  'application.returned',
  'application.withdrawn',
  'application.disbursed',
  'application.closed',
  'designation.granted',
  'designation.revoked',
  'programme.budget-low',
  'programme.budget-exhausted',
  'trade.export-decline',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The event types that can make a notice, with the notice they make. */
export const NOTICE_KIND_BY_EVENT_TYPE: Readonly<Record<string, NoticeKind>> = Object.freeze({
  [ApplicationSubmitted.type]: 'application.submitted',
  [ApplicationReviewStarted.type]: 'application.review-started',
  [ApplicationApproved.type]: 'application.approved',
  [ApplicationRejected.type]: 'application.rejected',
  [ApplicationReturned.type]: 'application.returned',
  [ApplicationWithdrawn.type]: 'application.withdrawn',
  [ApplicationDisbursed.type]: 'application.disbursed',
  [ApplicationClosed.type]: 'application.closed',
  [EnterpriseTierDesignated.type]: 'designation.granted',
  [EnterpriseTierRevoked.type]: 'designation.revoked',
  [ProgrammeCreated.type]: 'programme.budget-low',
  [ProgrammeBudgetChanged.type]: 'programme.budget-low',
  [ProgrammeBudgetExhausted.type]: 'programme.budget-exhausted',
  [ExportDeclineAlert.type]: 'trade.export-decline',
});

/**
 * Event types a notification can have: the keys of preferences (`channels`) and of webhook
 * subscriptions (`eventTypes`).
 */
export const NOTICE_EVENT_TYPES: readonly string[] = Object.freeze(Object.keys(NOTICE_KIND_BY_EVENT_TYPE));

export function isNoticeEventType(value: unknown): value is string {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(NOTICE_KIND_BY_EVENT_TYPE, value);
}

/**
 * Decisions on one's own application: always in the inbox, whatever the preferences say (the
 * enterprise's and the submitting officer's). E-mail and webhooks stay optional.
 */
export const IN_APP_MANDATORY_EVENT_TYPES: readonly string[] = Object.freeze([
  ApplicationApproved.type,
  ApplicationRejected.type,
  ApplicationReturned.type,
]);

export function isInAppMandatory(eventType: string): boolean {
  return IN_APP_MANDATORY_EVENT_TYPES.includes(eventType);
}
