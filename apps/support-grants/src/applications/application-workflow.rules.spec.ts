import { APPLICATION_STATUSES, type ApplicationStatus } from '@westgate/contracts';
import fc from 'fast-check';
import {
  allowedActions,
  decideTransition,
  isEditable,
  violatesSeparationOfDuties,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
} from './application-workflow.rules';

/** DESIGN.md's workflow, written out edge by edge: the module must allow exactly these. */
const DESIGN_EDGES: Array<[ApplicationStatus, WorkflowAction, ApplicationStatus]> = [
  ['DRAFT', 'submit', 'SUBMITTED'],
  ['RETURNED', 'submit', 'SUBMITTED'],
  ['SUBMITTED', 'start-review', 'UNDER_REVIEW'],
  ['UNDER_REVIEW', 'approve', 'APPROVED'],
  ['UNDER_REVIEW', 'reject', 'REJECTED'],
  ['UNDER_REVIEW', 'return', 'RETURNED'],
  ['DRAFT', 'withdraw', 'WITHDRAWN'],
  ['SUBMITTED', 'withdraw', 'WITHDRAWN'],
  ['RETURNED', 'withdraw', 'WITHDRAWN'],
  ['APPROVED', 'disburse', 'PARTIALLY_DISBURSED'],
  ['PARTIALLY_DISBURSED', 'disburse', 'PARTIALLY_DISBURSED'],
  ['DISBURSED', 'close', 'CLOSED'],
];

describe('application workflow', () => {
  it.each(DESIGN_EDGES)('%s --%s--> %s', (from, action, to) => {
    expect(decideTransition(from, action)).toEqual({ allowed: true, from, to });
  });

  it('a tranche that completes the approved amount leads to DISBURSED', () => {
    expect(decideTransition('APPROVED', 'disburse', { fullyDisbursed: true })).toMatchObject({ allowed: true, to: 'DISBURSED' });
    expect(decideTransition('PARTIALLY_DISBURSED', 'disburse', { fullyDisbursed: true })).toMatchObject({ allowed: true, to: 'DISBURSED' });
  });

  it('refuses every other (status, action) pair and names the current status', () => {
    for (const status of APPLICATION_STATUSES) {
      for (const action of WORKFLOW_ACTIONS) {
        const designed = DESIGN_EDGES.some(([from, a]) => from === status && a === action);
        const outcome = decideTransition(status, action);
        expect(outcome.allowed).toBe(designed);
        if (!outcome.allowed) expect(outcome.currentStatus).toBe(status);
      }
    }
  });

  it('final statuses allow nothing', () => {
    for (const status of ['REJECTED', 'WITHDRAWN', 'CLOSED'] as const) expect(allowedActions(status)).toEqual([]);
  });

  it('every status is reachable from DRAFT', () => {
    const reached = new Set<ApplicationStatus>(['DRAFT']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const status of [...reached]) {
        for (const action of allowedActions(status)) {
          for (const fullyDisbursed of [false, true]) {
            const outcome = decideTransition(status, action, { fullyDisbursed });
            if (outcome.allowed && !reached.has(outcome.to)) {
              reached.add(outcome.to);
              grew = true;
            }
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...APPLICATION_STATUSES].sort());
  });

  it('any walk through the workflow only ever visits allowed edges and never leaves a final status', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORKFLOW_ACTIONS), { maxLength: 30 }), fc.array(fc.boolean(), { maxLength: 30 }), (actions, full) => {
        let status: ApplicationStatus = 'DRAFT';
        actions.forEach((action, i) => {
          const outcome = decideTransition(status, action, { fullyDisbursed: full[i] ?? false });
          if (['REJECTED', 'WITHDRAWN', 'CLOSED'].includes(status)) expect(outcome.allowed).toBe(false);
          if (outcome.allowed) status = outcome.to;
        });
        expect(APPLICATION_STATUSES).toContain(status);
      }),
      { numRuns: 200 },
    );
  });

  it('content is editable only in DRAFT and RETURNED', () => {
    expect(APPLICATION_STATUSES.filter(isEditable)).toEqual(['DRAFT', 'RETURNED']);
  });

  it('separation of duties: neither the creator nor whoever sent it for review may decide', () => {
    const application = { submittedBy: 'officer-1', lastSubmittedBy: 'officer-2' };
    expect(violatesSeparationOfDuties(application, 'officer-1')).toBe(true);
    expect(violatesSeparationOfDuties(application, 'officer-2')).toBe(true);
    expect(violatesSeparationOfDuties(application, 'reviewer-1')).toBe(false);
    expect(violatesSeparationOfDuties({ submittedBy: 'a', lastSubmittedBy: null }, 'b')).toBe(false);
  });
});
