import { randomUUID } from 'node:crypto';
import { MAX_DECLARATIONS_PER_MESSAGE, TradeDeclarationsSubmitted } from '@westgate/contracts';
import { declarationsJson, type Declaration } from './declaration.rules';

/** A message of the ingest topic, ready for the producer (plain data: it may cross a worker thread). */
export interface IngestMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface EnvelopeContext {
  correlationId: string;
  causationId?: string;
  /** Set by the CSV import, so that the consumer can report the import's progress. */
  importId?: string;
}

/** Valid declarations by USCC, in the order they came. */
export function groupByUscc(declarations: Iterable<Declaration>): Map<string, Declaration[]> {
  const byUscc = new Map<string, Declaration[]>();
  for (const declaration of declarations) {
    const group = byUscc.get(declaration.uscc);
    if (group) group.push(declaration);
    else byUscc.set(declaration.uscc, [declaration]);
  }
  return byUscc;
}

/**
 * The contract's batch envelopes (libs/contracts trade-declaration.v1.ts): one message per
 * enterprise and up to 1,000 declarations, keyed by USCC; the envelope serialised per message,
 * the declarations in one JSON.stringify.
 */
export function toIngestMessages(byUscc: ReadonlyMap<string, readonly Declaration[]>, context: EnvelopeContext): IngestMessage[] {
  const time = new Date().toISOString();
  const messages: IngestMessage[] = [];
  for (const [uscc, group] of byUscc) {
    for (let start = 0; start < group.length; start += MAX_DECLARATIONS_PER_MESSAGE) {
      const id = randomUUID();
      const head = JSON.stringify({
        specversion: '1.0',
        id,
        source: '/westgate/trade-statistics',
        type: TradeDeclarationsSubmitted.type,
        subject: uscc,
        time,
        datacontenttype: 'application/json',
        correlationid: context.correlationId,
        ...(context.causationId ? { causationid: context.causationId } : {}),
      });
      const data = JSON.stringify(context.importId ? { uscc, importId: context.importId } : { uscc });
      const rows = group.length <= MAX_DECLARATIONS_PER_MESSAGE ? group : group.slice(start, start + MAX_DECLARATIONS_PER_MESSAGE);
      messages.push({
        key: uscc,
        value: `${head.slice(0, -1)},"data":${data.slice(0, -1)},"declarations":${declarationsJson(rows)}}}`,
        headers: { ce_id: id, ce_type: TradeDeclarationsSubmitted.type, 'correlation-id': context.correlationId },
      });
    }
  }
  return messages;
}
