import type {
  ApplicationDisbursedEventV1,
  ApplicationEventV1,
  ExportDeclineAlertV1,
  ProgrammeBudgetExhaustedV1,
  ProgrammeStateV1,
} from '@westgate/contracts';
import type { Designation } from '../recipients/designation.rules';
import { availableShareBasisPoints } from '../budgets/budget.rules';
import { LOCALES, type Locale } from '../templates/locales';
import type { TemplateCatalogue } from '../templates/template-catalogue';
import { TEMPLATES } from '../templates/templates';
import {
  decimalToBasisPoints,
  formatMoney,
  formatPercent,
  joinUrl,
  renderTemplate,
  type TemplateVariables,
} from '../templates/template.rules';
import type { NoticeKind } from './notice-types';

type ApplicationKind = Extract<NoticeKind, `application.${string}`>;

/** What a notice is about: the facts its template is filled with. */
export type NoticeFacts =
  | { kind: ApplicationKind; application: ApplicationEventV1 }
  | {
      kind: 'designation.granted' | 'designation.revoked';
      enterprise: { id: string; name: string };
      /** Unknown only for a revocation seen without the state before it. */
      designation?: Designation;
    }
  | { kind: 'programme.budget-low'; programme: ProgrammeStateV1; thresholdBasisPoints: bigint }
  /** An approval refused for want of budget: the programme's state and what was refused. */
  | { kind: 'programme.budget-exhausted'; refusal: ProgrammeBudgetExhaustedV1 }
  | { kind: 'trade.export-decline'; alert: ExportDeclineAlertV1 };

export interface RenderedNotice {
  title: string;
  body: string;
  /** The status page the notice points to. */
  link: string;
}

/** The same notice in every language: the recipient's locale picks one when it is stored. */
export type RenderedNotices = Readonly<Record<Locale, RenderedNotice>>;

/** Where the notice points: the application's, enterprise's or programme's status page. */
export function noticeLink(facts: NoticeFacts, publicAppUrl: string): string {
  switch (facts.kind) {
    case 'designation.granted':
    case 'designation.revoked':
      return joinUrl(publicAppUrl, `/enterprises/${facts.enterprise.id}`);
    case 'programme.budget-low':
      return joinUrl(publicAppUrl, `/programmes/${facts.programme.id}`);
    case 'programme.budget-exhausted':
      return joinUrl(publicAppUrl, `/programmes/${facts.refusal.id}`);
    case 'trade.export-decline':
      return joinUrl(publicAppUrl, `/stats/enterprises/${facts.alert.enterpriseId}`);
    default:
      return joinUrl(publicAppUrl, `/applications/${facts.application.id}`);
  }
}

function variables(facts: NoticeFacts, catalogue: TemplateCatalogue, link: string, publicAppUrl: string): TemplateVariables {
  const { locale } = catalogue;
  const cny = (amount: string | null | undefined): string | undefined =>
    amount === null || amount === undefined ? undefined : formatMoney(amount, 'CNY', locale);
  switch (facts.kind) {
    case 'designation.granted':
    case 'designation.revoked': {
      const designation = facts.designation;
      return {
        link,
        enterprise: facts.enterprise.name,
        tier: designation ? catalogue.tiers[designation.tier] : undefined,
        cycle: designation ? String(designation.cycle) : undefined,
        unknownDesignation: designation ? undefined : 'yes',
      };
    }
    case 'programme.budget-low': {
      const { budget } = facts.programme;
      return {
        link,
        programme: facts.programme.name,
        programmeCode: facts.programme.code,
        cycle: String(facts.programme.cycle),
        total: cny(budget.total),
        available: cny(budget.available),
        reserved: cny(budget.reserved),
        disbursed: cny(budget.disbursed),
        availableShare: formatPercent(availableShareBasisPoints(budget)),
        threshold: formatPercent(facts.thresholdBasisPoints),
      };
    }
    case 'programme.budget-exhausted': {
      const { refusal } = facts;
      const { budget } = refusal;
      return {
        link,
        programme: refusal.name,
        programmeCode: refusal.code,
        cycle: String(refusal.cycle),
        requestedAmount: cny(refusal.requestedAmount),
        total: cny(budget.total),
        available: cny(budget.available),
        reserved: cny(budget.reserved),
        disbursed: cny(budget.disbursed),
        availableShare: formatPercent(availableShareBasisPoints(budget)),
        actor: refusal.refusedBy.name ?? refusal.refusedBy.id,
        applicationLink: joinUrl(publicAppUrl, `/applications/${refusal.applicationId}`),
      };
    }
    case 'trade.export-decline': {
      const { alert } = facts;
      const change = decimalToBasisPoints(alert.changeRatio);
      const wording = change < 0n ? catalogue.change.down : change > 0n ? catalogue.change.up : catalogue.change.flat;
      return {
        link,
        enterprise: alert.enterpriseName ?? alert.uscc,
        uscc: alert.uscc,
        tier: catalogue.tiers[alert.tier],
        cycle: String(alert.cycle),
        period: alert.period,
        exports: formatMoney(alert.exportsUsd, 'USD', locale),
        previousExports: formatMoney(alert.previousYearExportsUsd, 'USD', locale),
        change: renderTemplate(wording, { percent: formatPercent(change < 0n ? -change : change) }),
      };
    }
    default: {
      const { application } = facts;
      // A disbursement event says what its tranche paid (events from before it was added do not).
      const tranche = (application as ApplicationDisbursedEventV1).tranche;
      return {
        link,
        title: application.title,
        programme: application.programmeName,
        programmeCode: application.programmeCode,
        purpose: catalogue.purposes[application.purpose],
        status: catalogue.statuses[application.status],
        fromStatus: application.fromStatus ? catalogue.statuses[application.fromStatus] : undefined,
        requestedAmount: cny(application.requestedAmount),
        approvedAmount: cny(application.approvedAmount),
        disbursedAmount: cny(application.disbursedAmount),
        trancheAmount: cny(tranche?.amount),
        trancheReference: tranche?.reference,
        comment: application.comment ?? undefined,
        actor: application.actor.name ?? application.actor.id,
      };
    }
  }
}

/** Renders one notice in one language. */
export function renderNotice(facts: NoticeFacts, locale: Locale, publicAppUrl: string): RenderedNotice {
  const catalogue = TEMPLATES[locale];
  const template = catalogue.notices[facts.kind];
  const link = noticeLink(facts, publicAppUrl);
  const vars = variables(facts, catalogue, link, publicAppUrl);
  // A title is also an e-mail subject: one line, whatever the application's title holds.
  const title = renderTemplate(template.title, vars).replace(/\s+/g, ' ').trim();
  return { title, body: renderTemplate(template.body, vars), link };
}

/** Renders one notice in every language. */
export function renderNoticeInAllLocales(facts: NoticeFacts, publicAppUrl: string): RenderedNotices {
  const rendered = {} as Record<Locale, RenderedNotice>;
  for (const locale of LOCALES) rendered[locale] = renderNotice(facts, locale, publicAppUrl);
  return rendered;
}
