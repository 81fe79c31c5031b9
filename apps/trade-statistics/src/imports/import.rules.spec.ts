import { headerProblems, importStatus } from './import.rules';

describe('import rules', () => {
  it('completes once every accepted row was dealt with by the consumer', () => {
    expect(importStatus('RECEIVING', 10, 10)).toBe('RECEIVING');
    expect(importStatus('RECEIVED', 10, 9)).toBe('PROCESSING');
    expect(importStatus('RECEIVED', 10, 10)).toBe('COMPLETED');
    expect(importStatus('FAILED', 10, 10)).toBe('FAILED');
  });

  it('wants every required column once and nothing unknown, in any order', () => {
    expect(headerProblems(['valueUsd', 'period', 'partnerCountry', 'hsCode', 'flow', 'uscc', 'declarationId'])).toEqual([]);
    const problems = headerProblems(['declarationId', 'uscc', 'uscc', 'flow', 'hsCode', 'partnerCountry', 'period', 'value']);
    expect(problems).toHaveLength(3);
    expect(problems.join(' ')).toMatch(/"uscc" appears twice.*unknown column "value".*"valueUsd" is missing/);
  });
});
