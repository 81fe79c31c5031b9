import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { validationProblem } from '@westgate/platform';
import { DataSource } from 'typeorm';
import { DeclarationPublisher } from '../declarations/declaration-publisher';
import { checkDeclaration, type Declaration } from '../declarations/declaration.rules';
import type { StoredRejection } from './import-job.entity';
import { CsvRecordParser } from './csv-record-parser';
import { headerProblems, MAX_STORED_REJECTIONS } from './import.rules';

/** Rows handed to Kafka at a time; one batch is published while the next is parsed. */
const BATCH_ROWS = 10_000;

class ImportState {
  columns?: string[];
  headerErrors?: string[];
  rowsRead = 0;
  acceptedCount = 0;
  rejectedCount = 0;
  readonly rejections: StoredRejection[] = [];
  pending: Declaration[] = [];
}

/**
 * `POST /declarations/import`: reads a CSV upload as a stream (never the whole file in memory),
 * checks every row on its own, hands the valid ones to the ingest topic in batches and records
 * the progress as it goes. Memory stays flat whatever the size: the request is read only as fast
 * as batches are published (back-pressure through `for await`), with at most one batch being
 * published while the next one is parsed.
 */
@Injectable()
export class ImportDeclarationsCsvUseCase {
  private readonly logger = new Logger(ImportDeclarationsCsvUseCase.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: DeclarationPublisher,
  ) {}

  async execute(body: Readable, createdBy: string): Promise<{ importId: string }> {
    const importId = randomUUID();
    const state = new ImportState();
    const parser = new CsvRecordParser(
      (fields, line) => this.onRecord(state, fields, line),
      (message, line) => this.reject(state, line, [{ field: '', message }]),
    );
    let created = false;
    let publishing: Promise<void> = Promise.resolve();
    const flush = async (): Promise<void> => {
      if (!created) {
        await this.dataSource.query("INSERT INTO import_job (id, status, created_by) VALUES ($1, 'RECEIVING', $2)", [importId, createdBy]);
        created = true;
      }
      const batch = state.pending;
      state.pending = [];
      await publishing;
      publishing = this.publisher.publish(batch, importId);
      await this.saveProgress(importId, state, 'RECEIVING');
    };

    try {
      body.setEncoding('utf8');
      for await (const chunk of body as AsyncIterable<string>) {
        if (state.headerErrors) continue; // drain the rest of a refused upload
        parser.push(chunk);
        if (state.pending.length >= BATCH_ROWS) await flush();
      }
      parser.end();
    } catch (error) {
      await publishing.catch(() => undefined);
      if (created) await this.fail(importId, state, error as Error);
      throw error;
    }
    if (!state.columns) throw validationProblem([{ field: 'header', message: 'the CSV is empty: it needs a header row naming the declaration fields' }]);
    if (state.headerErrors) throw validationProblem(state.headerErrors.map((message) => ({ field: 'header', message })));
    try {
      await flush();
      await publishing;
    } catch (error) {
      await this.fail(importId, state, error as Error);
      throw error;
    }
    await this.saveProgress(importId, state, 'RECEIVED');
    return { importId };
  }

  private onRecord(state: ImportState, fields: string[], line: number): void {
    if (!state.columns) {
      state.columns = fields.map((f) => f.trim());
      const problems = headerProblems(state.columns);
      if (problems.length > 0) state.headerErrors = problems;
      return;
    }
    if (state.headerErrors) return;
    state.rowsRead += 1;
    const columns = state.columns;
    if (fields.length !== columns.length) {
      this.reject(state, line, [{ field: '', message: `expected ${columns.length} fields as in the header, got ${fields.length}` }], false);
      return;
    }
    const row: Record<string, string> = {};
    for (let i = 0; i < columns.length; i += 1) row[columns[i]] = fields[i].trim();
    const check = checkDeclaration(row, { emptyIsAbsent: true });
    if (check.ok) {
      state.pending.push(check.declaration);
      state.acceptedCount += 1;
    } else this.reject(state, line, check.errors, false);
  }

  private reject(state: ImportState, line: number, errors: StoredRejection['errors'], countRow = true): void {
    if (!state.columns) {
      state.columns = [];
      state.headerErrors = [`the header row is malformed: ${errors.map((e) => e.message).join('; ')}`];
      return;
    }
    if (countRow) state.rowsRead += 1;
    state.rejectedCount += 1;
    if (state.rejections.length < MAX_STORED_REJECTIONS) state.rejections.push({ line, errors });
  }

  private async saveProgress(importId: string, state: ImportState, status: 'RECEIVING' | 'RECEIVED'): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_job SET status = $2, rows_read = $3, accepted = $4, rejected = $5, first_rejections = $6,
         received_at = CASE WHEN $2 = 'RECEIVED' THEN now() ELSE received_at END
       WHERE id = $1`,
      [importId, status, state.rowsRead, state.acceptedCount, state.rejectedCount, JSON.stringify(state.rejections)],
    );
  }

  private async fail(importId: string, state: ImportState, error: Error): Promise<void> {
    this.logger.warn(`import ${importId} failed after ${state.rowsRead} rows: ${error.message}`);
    await this.dataSource
      .query(
        `UPDATE import_job SET status = 'FAILED', rows_read = $2, accepted = $3, rejected = $4, first_rejections = $5, error = $6 WHERE id = $1`,
        [importId, state.rowsRead, state.acceptedCount - state.pending.length, state.rejectedCount, JSON.stringify(state.rejections), error.message.slice(0, 1000)],
      )
      .catch(() => undefined);
  }
}
