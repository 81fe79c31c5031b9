import type { TemplateCatalogue } from './template-catalogue';

/**
 * English notices. `{name}` is a value; `{?name}…{/name}` appears only when `name` has one.
 * Amounts arrive formatted (`CNY 1,500,000.00`), statuses and tiers in the words below.
 */
export const EN_TEMPLATES: TemplateCatalogue = {
  locale: 'en',
  notices: {
    'application.submitted': {
      title: 'Application submitted: {title}',
      body:
        'The application "{title}" to the programme {programme} ({programmeCode}) was submitted for review.\n' +
        'Requested amount: {requestedAmount}.\n' +
        'Status: {status}.\n' +
        '{?comment}Comment: {comment}\n{/comment}' +
        'Status page: {link}',
    },
    'application.review-started': {
      title: 'Application under review: {title}',
      body:
        'The review of the application "{title}" to the programme {programme} ({programmeCode}) has started.\n' +
        'Requested amount: {requestedAmount}.\n' +
        'Status: {status}.\n' +
        'Status page: {link}',
    },
    'application.approved': {
      title: 'Application approved: {title}',
      body:
        'The application "{title}" to the programme {programme} ({programmeCode}) was approved.\n' +
        'Approved amount: {approvedAmount} (requested: {requestedAmount}).\n' +
        'Status: {status}.\n' +
        '{?comment}Comment: {comment}\n{/comment}' +
        'Status page: {link}',
    },
    'application.rejected': {
      title: 'Application rejected: {title}',
      body:
        'The application "{title}" to the programme {programme} ({programmeCode}) was rejected.\n' +
        'Requested amount: {requestedAmount}.\n' +
        'Status: {status}.\n' +
        '{?comment}Reason: {comment}\n{/comment}' +
        'Status page: {link}',
    },
    'application.returned': {
      title: 'Application returned for changes: {title}',
      body:
        'The application "{title}" to the programme {programme} ({programmeCode}) was returned for changes; it can be edited and submitted again.\n' +
        'Requested amount: {requestedAmount}.\n' +
        'Status: {status}.\n' +
        '{?comment}Comment: {comment}\n{/comment}' +
        'Status page: {link}',
    },
    'application.withdrawn': {
      title: 'Application withdrawn: {title}',
      body:
        'The application "{title}" to the programme {programme} ({programmeCode}) was withdrawn.\n' +
        'Requested amount: {requestedAmount}.\n' +
        'Status: {status}.\n' +
        '{?comment}Comment: {comment}\n{/comment}' +
        'Status page: {link}',
    },
    'application.disbursed': {
      title: 'Grant disbursed: {title}',
      body:
        'A disbursement was made for the application "{title}" to the programme {programme} ({programmeCode}).\n' +
        '{?trancheAmount}This tranche: {trancheAmount} (reference {trancheReference}).\n{/trancheAmount}' +
        'Disbursed so far: {disbursedAmount} of {approvedAmount} approved.\n' +
        'Status: {status}.\n' +
        '{?comment}Comment: {comment}\n{/comment}' +
        'Status page: {link}',
    },
    'application.closed': {
      title: 'Application closed: {title}',
      body:
        'The application "{title}" to the programme {programme} ({programmeCode}) was closed.\n' +
        'Disbursed: {disbursedAmount}{?approvedAmount} of {approvedAmount} approved{/approvedAmount}.\n' +
        'Status: {status}.\n' +
        '{?comment}Comment: {comment}\n{/comment}' +
        'Status page: {link}',
    },
    'designation.granted': {
      title: 'Designated {tier} for {cycle}',
      body:
        '{enterprise} was designated a {tier} of the {cycle} programme cycle.\n' +
        'Enterprise page: {link}',
    },
    'designation.revoked': {
      title: 'Designation revoked{?cycle}: {tier}, {cycle}{/cycle}',
      body:
        '{?cycle}The designation of {enterprise} as a {tier} of the {cycle} programme cycle was revoked.\n{/cycle}' +
        '{?unknownDesignation}A designation of {enterprise} was revoked.\n{/unknownDesignation}' +
        'Enterprise page: {link}',
    },
    'programme.budget-low': {
      title: 'Budget nearly exhausted: {programme}',
      body:
        'The available budget of the programme {programme} ({programmeCode}, cycle {cycle}) is down to {available} of {total} ({availableShare}), under the alert threshold of {threshold}.\n' +
        'Reserved: {reserved}. Disbursed: {disbursed}.\n' +
        'Programme page: {link}',
    },
    'programme.budget-exhausted': {
      title: 'Budget exhausted: {programme}',
      body:
        'An approval of {requestedAmount} in the programme {programme} ({programmeCode}, cycle {cycle}) was refused: only {available} of {total} is left ({availableShare}).\n' +
        'Refused by: {actor}. Application: {applicationLink}\n' +
        'Reserved: {reserved}. Disbursed: {disbursed}.\n' +
        'Programme page: {link}',
    },
    'trade.export-decline': {
      title: 'Export decline: {enterprise}, {period}',
      body:
        'The exports of {enterprise} (USCC {uscc}, {tier} of {cycle}) in {period} were {exports}, {change} against {previousExports} a year earlier.\n' +
        'Trade figures: {link}',
    },
  },
  statuses: {
    DRAFT: 'draft',
    SUBMITTED: 'submitted',
    UNDER_REVIEW: 'under review',
    APPROVED: 'approved',
    REJECTED: 'rejected',
    RETURNED: 'returned for changes',
    PARTIALLY_DISBURSED: 'partially disbursed',
    DISBURSED: 'disbursed',
    CLOSED: 'closed',
    WITHDRAWN: 'withdrawn',
  },
  tiers: {
    BACKBONE: 'backbone enterprise',
    POTENTIAL: 'enterprise with potential',
  },
  purposes: {
    EXPORT_EXPANSION: 'export expansion',
    TECHNOLOGY_IMPORT: 'technology import',
    EQUIPMENT_IMPORT: 'equipment import',
    TRADE_FAIR: 'trade fair',
    MARKET_DEVELOPMENT: 'market development',
    ZONE_INVESTMENT: 'zone investment',
  },
  change: { down: 'down {percent}', up: 'up {percent}', flat: 'unchanged' },
  emailFooter: '--\nWestgate trade-support programme. Details: {link}\nChoose which notices you receive by e-mail: {preferencesLink}',
};
