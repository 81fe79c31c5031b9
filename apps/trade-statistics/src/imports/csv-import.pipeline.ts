import { StringDecoder } from 'node:string_decoder';
import { groupByUscc, packMessages, toIngestMessages, type EnvelopeContext, type PackedMessages } from '../declarations/declaration-messages';
import { checkDeclaration, DECLARATION_FIELDS, type Declaration, type DeclarationField } from '../declarations/declaration.rules';
import { CsvRecordParser } from './csv-record-parser';
import type { StoredRejection } from './import-job.entity';
import { headerProblems, MAX_STORED_REJECTIONS } from './import.rules';

/**
 * Rows turned into Kafka messages at a time. Big enough that an enterprise has many declarations
 * in a batch (one message per enterprise), small enough to keep memory flat (a batch is ~10 MB).
 */
export const BATCH_ROWS = 25_000;

export interface ImportCounts {
  rowsRead: number;
  accepted: number;
  rejected: number;
}

/** What the pipeline has to say after a piece of the file: plain data, so it may cross a worker thread. */
export interface PipelineOutput {
  counts: ImportCounts;
  /** The first rejected rows so far (up to 100). */
  rejections: StoredRejection[];
  /** Messages of a full batch of accepted rows, to publish (`unpackMessages`). */
  messages?: PackedMessages;
  /** Messages' accepted rows (`counts.accepted` includes them). */
  messageRows: number;
  /** The header row is wrong (or missing at the end): the import is refused. */
  headerErrors?: string[];
}

function cell(fields: string[], position: number): string | undefined {
  if (position < 0) return undefined;
  const value = fields[position];
  return value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32) ? value.trim() : value;
}

/**
 * The CSV import's per-row work, free of I/O: bytes in (any chunking, UTF-8 split anywhere),
 * batches of ready ingest messages, counts and rejected lines out. Runs in a worker thread in
 * production (csv-import.worker.ts), so that parsing a big upload uses the second core while the
 * main thread publishes and ingests; in-process where there is no compiled worker (tests).
 */
export class CsvImportPipeline {
  private readonly decoder = new StringDecoder('utf8');
  private readonly parser: CsvRecordParser;
  private columns?: string[];
  private positions?: Record<DeclarationField, number>;
  private headerErrors?: string[];
  private readonly counts: ImportCounts = { rowsRead: 0, accepted: 0, rejected: 0 };
  private readonly rejections: StoredRejection[] = [];
  private pending: Declaration[] = [];

  constructor(private readonly context: EnvelopeContext) {
    this.parser = new CsvRecordParser(
      (fields, line) => this.onRecord(fields, line),
      (message, line) => this.reject(line, [{ field: '', message }], true),
    );
  }

  push(chunk: Uint8Array): PipelineOutput {
    if (!this.headerErrors) this.parser.push(this.decoder.write(chunk as Buffer));
    return this.output(this.pending.length >= BATCH_ROWS);
  }

  end(): PipelineOutput {
    if (!this.headerErrors) {
      this.parser.push(this.decoder.end());
      this.parser.end();
    }
    if (!this.columns && !this.headerErrors) {
      this.headerErrors = ['the CSV is empty: it needs a header row naming the declaration fields'];
    }
    return this.output(true);
  }

  private output(flush: boolean): PipelineOutput {
    let messages: PackedMessages | undefined;
    let messageRows = 0;
    if (flush && this.pending.length > 0 && !this.headerErrors) {
      messages = packMessages(toIngestMessages(groupByUscc(this.pending), this.context));
      messageRows = this.pending.length;
      this.pending = [];
    }
    return {
      counts: { ...this.counts },
      rejections: this.rejections.slice(),
      ...(messages ? { messages } : {}),
      messageRows,
      ...(this.headerErrors ? { headerErrors: this.headerErrors } : {}),
    };
  }

  private onRecord(fields: string[], line: number): void {
    if (this.headerErrors) return;
    if (!this.columns) {
      const columns = fields.map((f) => f.trim());
      this.columns = columns;
      const problems = headerProblems(columns);
      if (problems.length > 0) this.headerErrors = problems;
      else this.positions = Object.fromEntries(DECLARATION_FIELDS.map((field) => [field, columns.indexOf(field)])) as Record<DeclarationField, number>;
      return;
    }
    this.counts.rowsRead += 1;
    if (fields.length !== this.columns.length) {
      this.reject(line, [{ field: '', message: `expected ${this.columns.length} fields as in the header, got ${fields.length}` }], false);
      return;
    }
    // One object shape for every row (fast in V8), the fields the header named in their places.
    const p = this.positions as Record<DeclarationField, number>;
    const row = {
      declarationId: cell(fields, p.declarationId),
      uscc: cell(fields, p.uscc),
      flow: cell(fields, p.flow),
      hsCode: cell(fields, p.hsCode),
      partnerCountry: cell(fields, p.partnerCountry),
      period: cell(fields, p.period),
      valueUsd: cell(fields, p.valueUsd),
      quantity: cell(fields, p.quantity),
      unit: cell(fields, p.unit),
      netWeightKg: cell(fields, p.netWeightKg),
      customsPort: cell(fields, p.customsPort),
      tradeMode: cell(fields, p.tradeMode),
    };
    const check = checkDeclaration(row, { emptyIsAbsent: true, knownFieldsOnly: true });
    if (check.ok) {
      this.pending.push(check.declaration);
      this.counts.accepted += 1;
    } else this.reject(line, check.errors, false);
  }

  private reject(line: number, errors: StoredRejection['errors'], countRow: boolean): void {
    if (!this.columns) {
      this.columns = [];
      this.headerErrors = [`the header row is malformed: ${errors.map((e) => e.message).join('; ')}`];
      return;
    }
    if (this.headerErrors) return;
    if (countRow) this.counts.rowsRead += 1;
    this.counts.rejected += 1;
    if (this.rejections.length < MAX_STORED_REJECTIONS) this.rejections.push({ line, errors });
  }
}
