import type { ChannelRetrySettings } from '../notifications.config';

/**
 * The wait before attempt `attempt + 1` after `attempt` failed: exponential (base, 2×base, 4×base…)
 * up to the maximum, with "equal jitter" (a random point in the upper half) so that deliveries
 * that failed together do not all come back at the same moment, yet never sooner than half the
 * nominal wait. `random` is in [0, 1).
 */
export function retryDelayMs(attempt: number, settings: Pick<ChannelRetrySettings, 'baseDelayMs' | 'maxDelayMs'>, random: number): number {
  const exponent = Math.max(0, attempt - 1);
  // 2^exponent overflows to Infinity long after the cap applies; Math.min keeps it finite.
  const nominal = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.min(exponent, 52));
  const half = nominal / 2;
  return Math.round(half + half * Math.min(Math.max(random, 0), 1));
}

export type RetryDecision = { retry: true; nextAttemptAt: Date } | { retry: false; reason: string };

/**
 * After failed attempt number `attempts` of a delivery queued at `queuedAt`: try again (when), or
 * give up because the attempts or the retry period are used up.
 */
export function decideRetry(
  attempts: number,
  queuedAt: Date,
  now: Date,
  settings: ChannelRetrySettings,
  random: number,
): RetryDecision {
  if (attempts >= settings.maxAttempts) {
    return { retry: false, reason: `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}` };
  }
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts, settings, random));
  const deadline = queuedAt.getTime() + settings.maxPeriodMs;
  if (nextAttemptAt.getTime() > deadline) {
    return { retry: false, reason: `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}: the retry period of ${settings.maxPeriodMs} ms is over` };
  }
  return { retry: true, nextAttemptAt };
}

/** Every wait of a delivery that always fails, for documentation and tests (no jitter: `random` = 1). */
export function retrySchedule(settings: ChannelRetrySettings, random = 1): number[] {
  const delays: number[] = [];
  let elapsed = 0;
  for (let attempt = 1; attempt < settings.maxAttempts; attempt++) {
    const delay = retryDelayMs(attempt, settings, random);
    if (elapsed + delay > settings.maxPeriodMs) break;
    elapsed += delay;
    delays.push(delay);
  }
  return delays;
}
