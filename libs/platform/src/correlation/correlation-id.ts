import { randomUUID } from 'node:crypto';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's id when it is safe to log and forward (≤128 chars of `[A-Za-z0-9._:-]`), else a new UUID. */
export function acceptOrCreateCorrelationId(offered: string | string[] | undefined): string {
  return typeof offered === 'string' && SANE_ID.test(offered) ? offered : randomUUID();
}
