import { randomUUID } from 'node:crypto';

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids sort roughly by
 * creation time, which keeps primary-key inserts at the right edge of the index and lets a list
 * page by id in registration order.
 *
 * The random bits come from `randomUUID()`, which draws on Node's cached entropy pool:
 * `randomBytes(16)` asked the kernel on every call, a system call per registration.
 */
export function uuidV7(now: number = Date.now()): string {
  // A v4 UUID's hex: 12 random digits are replaced by the time, its version digit by 7; its
  // variant digit (RFC 4122: 8, 9, a or b) is the variant UUIDv7 has too.
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}
