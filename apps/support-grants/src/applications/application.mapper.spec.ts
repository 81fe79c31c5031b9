import { ApplicationApproved, assertValidPayload } from '@westgate/contracts';
import { Money } from '@westgate/domain';
import { ApplicationEntity } from './application.entity';
import { applicationEvent, toApplicationView } from './application.mapper';

const cny = (value: string) => Money.parse(value, 'CNY');

function approved(overrides: Partial<ApplicationEntity> = {}): ApplicationEntity {
  return Object.assign(new ApplicationEntity(), {
    seq: '1',
    id: '0b8c1e2a-1111-4222-8333-444455556666',
    programmeId: '1b8c1e2a-1111-4222-8333-444455556666',
    enterpriseId: '2b8c1e2a-1111-4222-8333-444455556666',
    purpose: 'TRADE_FAIR',
    requestedAmount: cny('300000'),
    approvedAmount: cny('250000.55'),
    reservedAmount: cny('250000.55'),
    disbursedAmount: cny('100000'),
    title: 'Stand at the Asia-Europe Expo',
    description: 'Stand and travel',
    tradeFair: 'ASIA_EUROPE_EXPO',
    targetMarkets: ['KZ'],
    status: 'PARTIALLY_DISBURSED',
    submittedBy: 'officer-1',
    submittedByName: 'Olga',
    lastSubmittedBy: 'officer-1',
    submittedAt: new Date('2026-03-01T10:00:00Z'),
    decidedBy: 'reviewer-1',
    decidedAt: new Date('2026-03-02T10:00:00Z'),
    version: 5,
    createdAt: new Date('2026-03-01T09:00:00Z'),
    updatedAt: new Date('2026-03-03T10:00:00Z'),
    ...overrides,
  });
}

describe('application mapper', () => {
  it('the view shows exact decimal strings and what is left to pay', () => {
    expect(toApplicationView(approved())).toMatchObject({
      requestedAmount: '300000.00',
      approvedAmount: '250000.55',
      disbursedAmount: '100000.00',
      remainingAmount: '150000.55',
      allowedActions: ['disburse'],
    });
    expect(toApplicationView(approved({ approvedAmount: null, status: 'DRAFT' }))).toMatchObject({ approvedAmount: null, remainingAmount: null });
  });

  it('the event payload satisfies its contract, even for an over-long token subject or comment', () => {
    const data = applicationEvent(
      approved(),
      { code: 'TF-2026', name: 'Trade fairs' },
      { from: 'APPROVED', actor: { id: 'x'.repeat(500), name: 'y'.repeat(500), role: 'admin' }, comment: 'z'.repeat(5000), at: new Date('2026-03-03T10:00:00Z') },
    );
    expect(() => assertValidPayload(ApplicationApproved, data)).not.toThrow();
    expect(data).toMatchObject({ status: 'PARTIALLY_DISBURSED', fromStatus: 'APPROVED', approvedAmount: '250000.55', disbursedAmount: '100000.00', version: 5 });
    expect(data.actor.id).toHaveLength(200);
    expect(data.comment).toHaveLength(4000);
  });
});
