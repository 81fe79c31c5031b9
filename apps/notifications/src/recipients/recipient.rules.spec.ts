import { ApplicationApproved, ApplicationDisbursed, ApplicationRejected, ApplicationReturned, APPLICATION_EVENTS, ApplicationSubmitted, ApplicationWithdrawn } from '@westgate/contracts';
import type { AuthUser } from '@westgate/auth';
import {
  ADMINS_RECIPIENT,
  adminRecipients,
  applicationEventRecipients,
  designationRecipients,
  enterpriseIdOf,
  enterpriseRecipient,
  mailboxesOf,
  personalRecipient,
  preferenceRecipientOf,
  recipientKind,
} from './recipient.rules';

const ENTERPRISE = '2d0e0a6a-3f4c-4e5d-9a0b-9c8d7e6f5a41';

describe('recipients of application events', () => {
  it('tells the enterprise of every transition', () => {
    for (const definition of APPLICATION_EVENTS) {
      const recipients = applicationEventRecipients(definition.type, { enterpriseId: ENTERPRISE, submittedBy: 'officer-ann' });
      expect(recipients[0]).toMatchObject({ recipient: `enterprise:${ENTERPRISE}`, kind: 'enterprise' });
    }
  });

  it('tells the submitting officer of decisions and disbursements only', () => {
    const told = APPLICATION_EVENTS.filter((d) =>
      applicationEventRecipients(d.type, { enterpriseId: ENTERPRISE, submittedBy: 'officer-ann' }).some((r) => r.recipient === 'officer-ann'),
    ).map((d) => d.type);
    expect(told.sort()).toEqual([ApplicationApproved.type, ApplicationDisbursed.type, ApplicationRejected.type, ApplicationReturned.type].sort());
  });

  it('keeps decisions in both inboxes whatever the preferences, and nothing else', () => {
    const approved = applicationEventRecipients(ApplicationApproved.type, { enterpriseId: ENTERPRISE, submittedBy: 'officer-ann' });
    expect(approved.map((r) => r.inAppLocked)).toEqual([true, true]);
    const disbursed = applicationEventRecipients(ApplicationDisbursed.type, { enterpriseId: ENTERPRISE, submittedBy: 'officer-ann' });
    expect(disbursed.map((r) => r.inAppLocked)).toEqual([false, false]);
    expect(applicationEventRecipients(ApplicationSubmitted.type, { enterpriseId: ENTERPRISE, submittedBy: 'x' })[0].inAppLocked).toBe(false);
    expect(applicationEventRecipients(ApplicationWithdrawn.type, { enterpriseId: ENTERPRISE, submittedBy: 'x' })).toHaveLength(1);
  });

  it('never makes a group mailbox out of a submitter id', () => {
    const recipients = applicationEventRecipients(ApplicationApproved.type, { enterpriseId: ENTERPRISE, submittedBy: 'role:admin' });
    expect(recipients.map((r) => r.recipient)).toEqual([`enterprise:${ENTERPRISE}`]);
  });

  it('sends designations to the enterprise and alerts to the admins', () => {
    expect(designationRecipients('t', ENTERPRISE.toUpperCase()).map((r) => r.recipient)).toEqual([`enterprise:${ENTERPRISE}`]);
    expect(adminRecipients('t')).toEqual([{ recipient: ADMINS_RECIPIENT, kind: 'admins', inAppLocked: false }]);
  });
});

describe('mailboxes', () => {
  const user = (roles: AuthUser['roles'], extra: Partial<AuthUser> = {}): AuthUser => ({ id: 'u1', roles, ...extra });

  it('gives each caller its own, its enterprise\'s and, for admins, the admins\'', () => {
    expect(mailboxesOf(user(['officer']))).toEqual(['u1']);
    expect(mailboxesOf(user(['enterprise'], { enterpriseId: ENTERPRISE }))).toEqual(['u1', `enterprise:${ENTERPRISE}`]);
    expect(mailboxesOf(user(['admin', 'analyst']))).toEqual(['u1', ADMINS_RECIPIENT]);
    // An enterprise id without the enterprise role opens nothing.
    expect(mailboxesOf(user(['officer'], { enterpriseId: ENTERPRISE }))).toEqual(['u1']);
  });

  it('refuses a sub that would read a group mailbox', () => {
    expect(personalRecipient('role:admin')).toBeUndefined();
    expect(personalRecipient(`enterprise:${ENTERPRISE}`)).toBeUndefined();
    expect(mailboxesOf({ id: 'role:admin', roles: ['officer'] })).toEqual([]);
  });

  it('picks the mailbox whose preferences are edited', () => {
    expect(preferenceRecipientOf(user(['enterprise'], { enterpriseId: ENTERPRISE }))).toBe(`enterprise:${ENTERPRISE}`);
    expect(preferenceRecipientOf(user(['admin']))).toBe('u1');
    expect(preferenceRecipientOf(user(['admin']), ADMINS_RECIPIENT)).toBe(ADMINS_RECIPIENT);
    expect(preferenceRecipientOf(user(['officer']), ADMINS_RECIPIENT)).toBeUndefined();
    expect(preferenceRecipientOf({ id: 'role:admin', roles: ['officer'] })).toBeUndefined();
  });

  it('tells recipients apart', () => {
    expect(recipientKind(enterpriseRecipient(ENTERPRISE))).toBe('enterprise');
    expect(enterpriseIdOf(enterpriseRecipient(ENTERPRISE))).toBe(ENTERPRISE);
    expect(enterpriseIdOf('u1')).toBeUndefined();
    expect(recipientKind(ADMINS_RECIPIENT)).toBe('admins');
    expect(recipientKind('u1')).toBe('user');
  });
});
