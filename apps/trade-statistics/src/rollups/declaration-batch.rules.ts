import { isUUID } from 'class-validator';
import { MAX_DECLARATIONS_PER_MESSAGE, TradeDeclarationsSubmitted } from '@westgate/contracts';
import { isValidUscc } from '@westgate/domain';
import { checkDeclaration, type Declaration } from '../declarations/declaration.rules';

export interface InvalidDeclaration {
  /** The declaration as it came (for the dead-letter message). */
  raw: unknown;
  index: number;
  problems: string[];
}

/** A decoded message of the ingest topic. */
export type DecodedBatch =
  | { ok: true; envelope: Record<string, unknown>; uscc: string; importId?: string; valid: Declaration[]; invalid: InvalidDeclaration[] }
  | { ok: false; problems: string[] };

const SOURCE = /^\/[\w./-]+$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATA_FIELDS = new Set(['uscc', 'importId', 'declarations']);

function text(value: unknown, maxLength: number): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength;
}

function envelopeProblems(raw: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (raw.specversion !== '1.0') problems.push("specversion must be '1.0'");
  if (!text(raw.id, 200)) problems.push('id must be a non-empty string of at most 200 characters');
  if (!(typeof raw.source === 'string' && SOURCE.test(raw.source))) problems.push('source must be a URI reference such as /customs-feed');
  if (raw.type !== TradeDeclarationsSubmitted.type) problems.push(`type must be ${TradeDeclarationsSubmitted.type} (got ${JSON.stringify(raw.type)})`);
  if (!text(raw.subject, 200)) problems.push('subject must be the USCC of the declarations');
  if (!(typeof raw.time === 'string' && ISO_TIME.test(raw.time) && !Number.isNaN(Date.parse(raw.time)))) problems.push('time must be an ISO 8601 timestamp');
  if (raw.datacontenttype !== 'application/json') problems.push("datacontenttype must be 'application/json'");
  if (!text(raw.correlationid, 128)) problems.push('correlationid must be a non-empty string of at most 128 characters');
  if (raw.causationid !== undefined && !text(raw.causationid, 200)) problems.push('causationid must be a string of at most 200 characters');
  return problems;
}

/**
 * Checks one message of the ingest topic against its contract (libs/contracts,
 * trade-declaration.v1.ts) by hand, for speed: an envelope or batch that breaks the contract is
 * refused whole; inside a good batch each declaration is checked on its own, and must carry the
 * batch's USCC (the message key), so that the partitioning by USCC holds.
 */
export function decodeDeclarationBatch(value: Buffer | string | null): DecodedBatch {
  let raw: unknown;
  try {
    raw = JSON.parse(value === null ? '' : value.toString());
  } catch {
    return { ok: false, problems: ['message value is not JSON'] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problems: ['message is not a JSON object'] };
  const envelope = raw as Record<string, unknown>;
  const problems = envelopeProblems(envelope);
  const data = envelope.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problems: [...problems, 'data must be a JSON object'] };
  }
  const batch = data as Record<string, unknown>;
  for (const key of Object.keys(batch)) if (!DATA_FIELDS.has(key)) problems.push(`data.${key}: property ${key} should not exist`);
  if (!isValidUscc(batch.uscc)) problems.push('data.uscc must be a valid unified social credit code');
  else if (envelope.subject !== batch.uscc) problems.push('subject must equal data.uscc');
  if (batch.importId !== undefined && batch.importId !== null && !(typeof batch.importId === 'string' && isUUID(batch.importId))) {
    problems.push('data.importId must be a UUID');
  }
  const declarations = batch.declarations;
  if (!Array.isArray(declarations) || declarations.length === 0 || declarations.length > MAX_DECLARATIONS_PER_MESSAGE) {
    problems.push(`data.declarations must be an array of 1 to ${MAX_DECLARATIONS_PER_MESSAGE} declarations`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const uscc = batch.uscc as string;
  const valid: Declaration[] = [];
  const invalid: InvalidDeclaration[] = [];
  (declarations as unknown[]).forEach((item, index) => {
    const check = checkDeclaration(item);
    if (!check.ok) {
      invalid.push({ raw: item, index, problems: check.errors.map((e) => `data.declarations[${index}].${e.field}: ${e.message}`) });
    } else if (check.declaration.uscc !== uscc) {
      invalid.push({ raw: item, index, problems: [`data.declarations[${index}].uscc: must be the batch's uscc ${uscc} (the message key)`] });
    } else {
      valid.push(check.declaration);
    }
  });
  return { ok: true, envelope, uscc, importId: (batch.importId as string | undefined) ?? undefined, valid, invalid };
}
