import {
  availableShareBasisPoints,
  isBudgetLow,
  isNewerVersion,
  shouldAlertBudget,
  thresholdToBasisPoints,
} from './budget.rules';

describe('budget alert', () => {
  it('reads the threshold as an exact fraction', () => {
    expect(thresholdToBasisPoints('0.10')).toBe(1000n);
    expect(thresholdToBasisPoints('0.0525')).toBe(525n);
    expect(thresholdToBasisPoints('1')).toBe(10000n);
    expect(thresholdToBasisPoints('0')).toBe(0n);
    expect(() => thresholdToBasisPoints('1.5')).toThrow();
    expect(() => thresholdToBasisPoints('0.1.')).toThrow();
  });

  it('is low strictly under the threshold, to the cent', () => {
    const bp = thresholdToBasisPoints('0.10');
    expect(isBudgetLow({ total: '10000000.00', available: '1000000.00' }, bp)).toBe(false);
    expect(isBudgetLow({ total: '10000000.00', available: '999999.99' }, bp)).toBe(true);
    expect(isBudgetLow({ total: '0.00', available: '0.00' }, bp)).toBe(false);
    expect(isBudgetLow({ total: '100.00', available: '0.00' }, thresholdToBasisPoints('0'))).toBe(false);
  });

  it('alerts on crossing only', () => {
    expect(shouldAlertBudget(undefined, true)).toBe(true);
    expect(shouldAlertBudget(false, true)).toBe(true);
    expect(shouldAlertBudget(true, true)).toBe(false);
    expect(shouldAlertBudget(true, false)).toBe(false);
    expect(shouldAlertBudget(undefined, false)).toBe(false);
  });

  it('gives the available share', () => {
    expect(availableShareBasisPoints({ total: '10000000.00', available: '450000.00' })).toBe(450n);
    expect(availableShareBasisPoints({ total: '0.00', available: '0.00' })).toBe(0n);
  });

  it('takes a state only when it is newer than the one remembered', () => {
    expect(isNewerVersion(undefined, 1)).toBe(true);
    expect(isNewerVersion(3, 4)).toBe(true);
    expect(isNewerVersion(4, 4)).toBe(false);
    expect(isNewerVersion(5, 4)).toBe(false);
  });

  it('alerts of an exhausted budget once per budget state', () => {
    expect(isNewerVersion(null, 3)).toBe(true);
    // Another refusal while the budget is unchanged, or a late one from before: no second notice.
    expect(isNewerVersion(3, 3)).toBe(false);
    expect(isNewerVersion(3, 2)).toBe(false);
    // The budget changed since: the admins are told again.
    expect(isNewerVersion(3, 4)).toBe(true);
  });
});
