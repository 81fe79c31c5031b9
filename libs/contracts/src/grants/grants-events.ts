import { defineEvent } from '../catalogue/event-definition';
import { TOPICS } from '../topics/topics';
import { ApplicationDisbursedEventV1, ApplicationEventV1 } from './application-event.v1';
import { ProgrammeBudgetExhaustedV1 } from './programme-budget-exhausted.v1';
import { ProgrammeStateV1 } from './programme-state.v1';

export const ProgrammeCreated = defineEvent('westgate.grants.programme.created.v1', TOPICS.grantsProgramme, ProgrammeStateV1);
export const ProgrammeBudgetChanged = defineEvent('westgate.grants.programme.budget-changed.v1', TOPICS.grantsProgramme, ProgrammeStateV1);
/** An approval refused for want of budget: nothing changed; the state carried is the one read just after the refusal. */
export const ProgrammeBudgetExhausted = defineEvent(
  'westgate.grants.programme.budget-exhausted.v1',
  TOPICS.grantsProgramme,
  ProgrammeBudgetExhaustedV1,
);

/** Every event type on `westgate.grants.programme.v1`. */
export const PROGRAMME_EVENTS = [ProgrammeCreated, ProgrammeBudgetChanged, ProgrammeBudgetExhausted] as const;

const application = (verb: string) =>
  defineEvent(`westgate.grants.application.${verb}.v1`, TOPICS.grantsApplication, ApplicationEventV1);

export const ApplicationSubmitted = application('submitted');
export const ApplicationReviewStarted = application('review-started');
export const ApplicationApproved = application('approved');
export const ApplicationRejected = application('rejected');
export const ApplicationReturned = application('returned');
export const ApplicationWithdrawn = application('withdrawn');
export const ApplicationDisbursed = defineEvent('westgate.grants.application.disbursed.v1', TOPICS.grantsApplication, ApplicationDisbursedEventV1);
export const ApplicationClosed = application('closed');

/** Every event type on `westgate.grants.application.v1`. */
export const APPLICATION_EVENTS = [
  ApplicationSubmitted,
  ApplicationReviewStarted,
  ApplicationApproved,
  ApplicationRejected,
  ApplicationReturned,
  ApplicationWithdrawn,
  ApplicationDisbursed,
  ApplicationClosed,
] as const;
