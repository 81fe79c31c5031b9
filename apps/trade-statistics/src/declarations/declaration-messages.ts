import { randomUUID } from 'node:crypto';
import { MAX_DECLARATIONS_PER_MESSAGE, TradeDeclarationsSubmitted } from '@westgate/contracts';
import { declarationsJson, type Declaration } from './declaration.rules';

/** A message of the ingest topic, ready for the producer (plain data: it may cross a worker thread). */
export interface IngestMessage {
  key: string;
  value: string | Buffer;
  headers: Record<string, string>;
}

/**
 * Messages packed for the trip from the import's worker thread: every value encoded to UTF-8
 * into one buffer that is moved, not copied, to the main thread, which hands views of it to the
 * producer (no string to copy and re-encode there).
 */
export interface PackedMessages {
  keys: string[];
  headers: Array<Record<string, string>>;
  bytes: Uint8Array;
  /** Where each value ends in `bytes`. */
  ends: number[];
}

export function packMessages(messages: readonly IngestMessage[]): PackedMessages {
  const lengths = messages.map((m) => Buffer.byteLength(m.value));
  const bytes = new Uint8Array(lengths.reduce((sum, n) => sum + n, 0));
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ends: number[] = [];
  let offset = 0;
  messages.forEach((message, i) => {
    if (typeof message.value === 'string') buffer.write(message.value, offset, 'utf8');
    else message.value.copy(buffer, offset);
    offset += lengths[i];
    ends.push(offset);
  });
  return { keys: messages.map((m) => m.key), headers: messages.map((m) => m.headers), bytes, ends };
}

export function unpackMessages(packed: PackedMessages): IngestMessage[] {
  const buffer = Buffer.from(packed.bytes.buffer, packed.bytes.byteOffset, packed.bytes.byteLength);
  return packed.keys.map((key, i) => ({ key, headers: packed.headers[i], value: buffer.subarray(i === 0 ? 0 : packed.ends[i - 1], packed.ends[i]) }));
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
