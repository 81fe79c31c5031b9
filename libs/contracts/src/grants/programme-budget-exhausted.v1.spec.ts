// Through the index, which loads the reflect-metadata polyfill the decorators need.
import { PROGRAMME_EVENTS, ProgrammeBudgetExhausted, validateEvent } from '../index';

const programmeId = '3e1f1b7b-4a5d-4f6e-8b1c-0d9e8f7a6b52';
const data = {
  id: programmeId,
  code: 'FAIR-2026',
  name: 'Border trade fairs 2026',
  cycle: 2026,
  budget: { total: '100000.00', reserved: '80000.00', disbursed: '0.00', available: '20000.00' },
  eligibleTiers: ['BACKBONE'],
  eligibleSectors: null,
  purposes: ['TRADE_FAIR'],
  maxGrantPerEnterprise: '100000.00',
  opensAt: '2026-01-01T00:00:00.000Z',
  closesAt: '2026-12-31T00:00:00.000Z',
  version: 2,
  updatedAt: '2026-03-01T09:00:00.000Z',
  applicationId: '0b8c8f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f',
  enterpriseId: '2d0e0a6a-3f4c-4e5d-9a0b-9c8d7e6f5a41',
  requestedAmount: '50000.00',
  refusedBy: { id: 'reviewer-rita', name: 'Rita', role: 'reviewer' },
  refusedAt: '2026-03-01T10:00:00.000Z',
};
const envelope = (payload: object) => ({
  specversion: '1.0',
  id: '5d6f2c0e-9a41-4d2b-8f3e-1c2b3a4d5e6f',
  source: '/westgate/support-grants',
  type: ProgrammeBudgetExhausted.type,
  subject: programmeId,
  time: '2026-03-01T10:00:00.000Z',
  datacontenttype: 'application/json',
  correlationid: 'c1',
  data: payload,
});

describe('programme.budget-exhausted.v1', () => {
  it('travels on the programme topic with the other programme events', () => {
    expect(ProgrammeBudgetExhausted.topic).toBe('westgate.grants.programme.v1');
    expect(PROGRAMME_EVENTS).toContain(ProgrammeBudgetExhausted);
  });

  it('accepts the programme state plus what was refused', () => {
    expect(validateEvent(envelope(data), PROGRAMME_EVENTS)).toMatchObject({ ok: true });
  });

  it.each([
    ['applicationId', 'not-a-uuid'],
    ['enterpriseId', undefined],
    ['requestedAmount', '50000.001'],
    ['refusedBy', { id: 'x', role: 'nobody' }],
    ['refusedAt', 'yesterday'],
    ['version', 0],
  ])('refuses a payload whose %s is %p', (field, value) => {
    const result = validateEvent(envelope({ ...data, [field]: value }), PROGRAMME_EVENTS);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.join('; ')).toContain(field);
  });
});
