import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-westgate-signature';
/** The delivery's id, the same on every retry: receivers drop repeats by it. */
export const DELIVERY_ID_HEADER = 'x-westgate-delivery-id';
export const EVENT_TYPE_HEADER = 'x-westgate-event';
export const ATTEMPT_HEADER = 'x-westgate-attempt';

/** `sha256=<hex HMAC-SHA256 of the exact body bytes, keyed with the webhook's secret>`. */
export function signBody(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** What a receiver does: recompute and compare in constant time. */
export function verifySignature(body: string | Buffer, secret: string, header: string | undefined): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The headers of one POST. */
export function webhookHeaders(delivery: { id: string; eventType: string; attempt: number; body: string; secret: string }): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Westgate-Webhooks/1',
    [SIGNATURE_HEADER]: signBody(delivery.body, delivery.secret),
    [DELIVERY_ID_HEADER]: delivery.id,
    [EVENT_TYPE_HEADER]: delivery.eventType,
    [ATTEMPT_HEADER]: String(delivery.attempt),
  };
}

/**
 * Why `value` cannot be a webhook URL, or undefined: absolute http(s) with a host, no user name or
 * password (they would be sent to whoever answers and shown to every admin), no fragment, at most
 * 2,000 characters. Other schemes (javascript:, file:, ftp:, data:…) are refused.
 */
export function webhookUrlProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length > 2000) return 'must be at most 2000 characters';
  if ([...value].some((char) => char.trim() === '' || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    return 'must not contain spaces or control characters';
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute http:// or https:// URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must use http or https, not ${url.protocol.replace(/:$/, '')}`;
  if (!/^https?:\/\/[^/?#]/i.test(value)) return 'must be an absolute http:// or https:// URL with a host';
  if (url.hostname === '') return 'must name a host';
  if (url.username !== '' || url.password !== '' || /^https?:\/\/[^/?#]*@/i.test(value)) return 'must not contain a user name or password';
  if (url.hash !== '' || value.includes('#')) return 'must not contain a fragment';
  return undefined;
}

/** What an attempt's error says: the status for an answer that is not 2xx, or why there was none. */
export function describeFailure(outcome: { statusCode?: number; error?: string }): string {
  if (outcome.error !== undefined) return outcome.error;
  return `HTTP ${outcome.statusCode ?? '?'}: the receiver did not answer 2xx`;
}
