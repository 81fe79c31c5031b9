import { envelopeProblems } from './cloud-event';

const valid = {
  specversion: '1.0',
  id: '0b8c7a4e-2f4b-4c1e-9d7e-3f1a2b3c4d5e',
  source: '/westgate/support-grants',
  type: 'westgate.grants.application.approved.v1',
  subject: 'a1',
  time: '2026-03-01T10:00:00.000Z',
  datacontenttype: 'application/json',
  correlationid: 'c1',
  causationid: 'e0',
  data: {},
};

describe('envelopeProblems', () => {
  it('accepts a well-formed CloudEvents 1.0 envelope', () => {
    expect(envelopeProblems(valid)).toEqual([]);
  });

  it.each([
    ['specversion', '0.3', 'specversion'],
    ['id', '', 'id'],
    ['source', 'westgate', 'source'],
    ['type', 'grants.approved', 'type'],
    ['type', 'westgate.grants.application.approved', 'type'],
    ['subject', 42, 'subject'],
    ['time', 'yesterday', 'time'],
    ['time', '2026-13-45T99:00:00Z', 'time'],
    ['datacontenttype', 'text/plain', 'datacontenttype'],
    ['correlationid', undefined, 'correlationid'],
    ['causationid', 7, 'causationid'],
    ['data', [1, 2], 'data'],
    ['data', null, 'data'],
  ])('names %s when it is %p', (field, value, named) => {
    const problems = envelopeProblems({ ...valid, [field]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(named);
  });
});
