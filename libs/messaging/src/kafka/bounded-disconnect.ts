/** How long a consumer may take to leave its group on shutdown before the service stops without it. */
export const CONSUMER_DISCONNECT_TIMEOUT_MS = 10_000;

/**
 * Disconnects a kafkajs client, but gives up waiting after `timeoutMs` (and says so through
 * `onTimeout`): kafkajs's `disconnect` can wait indefinitely when it races a rebalance or the
 * restart that follows a consumer crash (kafkajs#1462), and a shutdown must end inside the
 * platform's grace period. The broker then drops the member after its session timeout, and its
 * uncommitted messages are redelivered, which consumers handle by design.
 */
export async function disconnectWithin(client: { disconnect(): Promise<void> }, timeoutMs: number, onTimeout: () => void): Promise<void> {
  const disconnecting = client.disconnect();
  // A disconnect that fails after the wait was given up on has no one left to tell.
  disconnecting.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<true>((resolve) => {
    timer = setTimeout(() => resolve(true), timeoutMs);
  });
  try {
    if ((await Promise.race([disconnecting.then(() => false), gaveUp])) === true) onTimeout();
  } finally {
    clearTimeout(timer);
  }
}
