import type { AuthUser } from '@westgate/auth';
import {
  ApplicationApproved,
  ApplicationDisbursed,
  ApplicationRejected,
  ApplicationReturned,
  type ApplicationEventV1,
} from '@westgate/contracts';
import { isInAppMandatory } from '../notices/notice-types';

/**
 * Recipients are mailboxes. A user's is its token `sub`; an enterprise's is `enterprise:<id>`,
 * read by every user with role `enterprise` and that `enterprise_id`; the admins share
 * `role:admin`, read by every user with role `admin`. A group mailbox has one read state, as a
 * shared mailbox does: a notice one admin marks read is read for all admins.
 */
export const ADMINS_RECIPIENT = 'role:admin';
const ENTERPRISE_PREFIX = 'enterprise:';
const RESERVED_PREFIXES = [ENTERPRISE_PREFIX, 'role:'];

export type RecipientKind = 'user' | 'enterprise' | 'admins';

export function enterpriseRecipient(enterpriseId: string): string {
  return `${ENTERPRISE_PREFIX}${enterpriseId.toLowerCase()}`;
}

/** The enterprise id of an `enterprise:<id>` recipient, else undefined. */
export function enterpriseIdOf(recipient: string): string | undefined {
  return recipient.startsWith(ENTERPRISE_PREFIX) ? recipient.slice(ENTERPRISE_PREFIX.length) : undefined;
}

export function recipientKind(recipient: string): RecipientKind {
  if (recipient === ADMINS_RECIPIENT) return 'admins';
  return recipient.startsWith(ENTERPRISE_PREFIX) ? 'enterprise' : 'user';
}

/**
 * A user's own mailbox. A `sub` that looks like a group mailbox gets none: otherwise a user named
 * `role:admin` would read the admins' notices.
 */
export function personalRecipient(sub: string): string | undefined {
  const trimmed = sub.trim();
  if (trimmed === '' || RESERVED_PREFIXES.some((prefix) => trimmed.startsWith(prefix))) return undefined;
  return trimmed;
}

/** Every mailbox the caller reads. */
export function mailboxesOf(user: AuthUser): string[] {
  const mailboxes: string[] = [];
  const own = personalRecipient(user.id);
  if (own !== undefined) mailboxes.push(own);
  if (user.roles.includes('enterprise') && user.enterpriseId) mailboxes.push(enterpriseRecipient(user.enterpriseId));
  if (user.roles.includes('admin')) mailboxes.push(ADMINS_RECIPIENT);
  return mailboxes;
}

/**
 * The mailbox whose preferences `GET/PUT /preferences` reads and writes: the one named by
 * `?recipient=` if the caller reads it; otherwise the enterprise's for an enterprise user (that is
 * where its notices go), else the caller's own. Undefined when the caller may not.
 */
export function preferenceRecipientOf(user: AuthUser, requested?: string): string | undefined {
  const mailboxes = mailboxesOf(user);
  if (requested !== undefined) return mailboxes.includes(requested) ? requested : undefined;
  const enterprise = mailboxes.find((mailbox) => recipientKind(mailbox) === 'enterprise');
  return enterprise ?? mailboxes[0];
}

/** One recipient of one notice. */
export interface NoticeRecipient {
  recipient: string;
  kind: RecipientKind;
  /** The notice stays in the inbox whatever the recipient's preferences say. */
  inAppLocked: boolean;
}

function noticeRecipient(recipient: string, eventType: string, locked: boolean): NoticeRecipient {
  return { recipient, kind: recipientKind(recipient), inAppLocked: locked && isInAppMandatory(eventType) };
}

/** Decisions and disbursements: the submitting officer is told of these. */
const TOLD_TO_SUBMITTER: readonly string[] = [
  ApplicationApproved.type,
  ApplicationRejected.type,
  ApplicationReturned.type,
  ApplicationDisbursed.type,
];

/**
 * An application's transition: the enterprise is told of every status change of its
 * applications; the officer who submitted it of every decision (approve, reject, return) and
 * disbursement. Both hold it as their own application: its decisions cannot leave their inbox.
 */
export function applicationEventRecipients(eventType: string, data: Pick<ApplicationEventV1, 'enterpriseId' | 'submittedBy'>): NoticeRecipient[] {
  const recipients = [noticeRecipient(enterpriseRecipient(data.enterpriseId), eventType, true)];
  const submitter = personalRecipient(data.submittedBy);
  if (submitter !== undefined && TOLD_TO_SUBMITTER.includes(eventType)) {
    recipients.push(noticeRecipient(submitter, eventType, true));
  }
  return recipients;
}

/** A designation granted or revoked: the enterprise. */
export function designationRecipients(eventType: string, enterpriseId: string): NoticeRecipient[] {
  return [noticeRecipient(enterpriseRecipient(enterpriseId), eventType, false)];
}

/** Budget exhaustion and trade alerts: the admins. */
export function adminRecipients(eventType: string): NoticeRecipient[] {
  return [noticeRecipient(ADMINS_RECIPIENT, eventType, false)];
}
