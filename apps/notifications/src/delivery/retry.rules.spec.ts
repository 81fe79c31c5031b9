import fc from 'fast-check';
import { decideRetry, retryDelayMs, retrySchedule } from './retry.rules';

const settings = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 8000, maxPeriodMs: 60_000 };

describe('retry back-off', () => {
  it('doubles from the base up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, settings, 1))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('jitters within the upper half of the nominal wait', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
        const nominal = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
        const delay = retryDelayMs(attempt, settings, random);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(nominal / 2));
        expect(delay).toBeLessThanOrEqual(nominal);
        expect(Number.isFinite(delay)).toBe(true);
      }),
    );
  });

  it('retries until the attempts are used up', () => {
    const queuedAt = new Date('2026-03-01T10:00:00Z');
    const now = new Date('2026-03-01T10:00:01Z');
    const retry = decideRetry(1, queuedAt, now, settings, 0.5);
    expect(retry).toEqual({ retry: true, nextAttemptAt: new Date(now.getTime() + 750) });
    expect(decideRetry(5, queuedAt, now, settings, 0.5)).toEqual({ retry: false, reason: 'gave up after 5 attempts' });
  });

  it('gives up when the next attempt would fall after the retry period', () => {
    const queuedAt = new Date('2026-03-01T10:00:00Z');
    const late = new Date(queuedAt.getTime() + 59_500);
    const decision = decideRetry(2, queuedAt, late, settings, 0);
    expect(decision.retry).toBe(false);
    if (!decision.retry) expect(decision.reason).toContain('retry period');
  });

  it('bounds the whole schedule by both the attempts and the period', () => {
    expect(retrySchedule(settings)).toEqual([1000, 2000, 4000, 8000]);
    expect(retrySchedule({ ...settings, maxPeriodMs: 5000 })).toEqual([1000, 2000]);
    fc.assert(
      fc.property(
        fc.record({
          maxAttempts: fc.integer({ min: 1, max: 30 }),
          baseDelayMs: fc.integer({ min: 10, max: 100_000 }),
          maxDelayMs: fc.integer({ min: 10, max: 3_600_000 }),
          maxPeriodMs: fc.integer({ min: 1000, max: 86_400_000 }),
        }),
        (policy) => {
          const schedule = retrySchedule(policy);
          expect(schedule.length).toBeLessThanOrEqual(policy.maxAttempts - 1);
          expect(schedule.reduce((sum, delay) => sum + delay, 0)).toBeLessThanOrEqual(policy.maxPeriodMs);
        },
      ),
    );
  });
});
