import { disconnectWithin } from './bounded-disconnect';

describe('disconnectWithin', () => {
  it('waits for a disconnect that finishes, and does not report a time-out', async () => {
    const onTimeout = jest.fn();
    let finished = false;
    await disconnectWithin({ disconnect: () => new Promise<void>((resolve) => setTimeout(() => ((finished = true), resolve()), 20)) }, 1_000, onTimeout);
    expect(finished).toBe(true);
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it('gives up on a disconnect that never finishes, and reports it', async () => {
    const onTimeout = jest.fn();
    const started = Date.now();
    await disconnectWithin({ disconnect: () => new Promise<void>(() => undefined) }, 50, onTimeout);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('passes on a disconnect that fails in time, and swallows one that fails after the wait', async () => {
    await expect(disconnectWithin({ disconnect: () => Promise.reject(new Error('broker gone')) }, 1_000, jest.fn())).rejects.toThrow('broker gone');
    const late = new Promise<void>((_, reject) => setTimeout(() => reject(new Error('too late')), 30));
    await disconnectWithin({ disconnect: () => late }, 5, jest.fn());
    // The late failure is handled (no unhandled rejection): wait until it has happened.
    await late.catch(() => undefined);
  });
});
