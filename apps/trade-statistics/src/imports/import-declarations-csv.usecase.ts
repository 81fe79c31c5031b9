import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { correlationForNewEvent } from '@westgate/messaging';
import { validationProblem } from '@westgate/platform';
import { DataSource } from 'typeorm';
import { unpackMessages } from '../declarations/declaration-messages';
import { DeclarationPublisher } from '../declarations/declaration-publisher';
import type { PipelineOutput } from './csv-import.pipeline';
import { createCsvImportRunner } from './csv-import.runner';

/** Bytes of the upload handed to the pipeline at a time. */
const PIECE_BYTES = 1024 * 1024;

/** The answer to an upload: where to follow its progress (GET /imports/{importId}). */
export class ImportAcceptedView {
  @ApiProperty({ format: 'uuid' })
  importId!: string;
}

/**
 * `POST /declarations/import`: reads a CSV upload as a stream (never the whole file in memory),
 * checks every row on its own, hands the valid ones to the ingest topic in batches and records
 * the progress as it goes. The per-row work runs in a worker thread (csv-import.runner.ts) while
 * this thread publishes the previous batch. Memory stays flat whatever the size: the request is
 * read only as fast as batches are published (back-pressure through `for await`), with at most
 * one batch being published while the next one is parsed and the one after it is read.
 */
@Injectable()
export class ImportDeclarationsCsvUseCase {
  private readonly logger = new Logger(ImportDeclarationsCsvUseCase.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: DeclarationPublisher,
  ) {}

  async execute(body: Readable, createdBy: string): Promise<ImportAcceptedView> {
    const importId = randomUUID();
    const correlation = correlationForNewEvent();
    const runner = createCsvImportRunner({ importId, correlationId: correlation.correlationId, causationId: correlation.causationId });
    let created = false;
    let publishing: Promise<void> = Promise.resolve();
    let published = 0;
    let last: PipelineOutput | undefined;

    const handle = async (output: PipelineOutput): Promise<void> => {
      if (last?.headerErrors) return; // a refused header: what the worker said after it does not count
      last = output;
      if (output.headerErrors) return;
      if (!created) {
        await this.dataSource.query("INSERT INTO import_job (id, status, created_by) VALUES ($1, 'RECEIVING', $2)", [importId, createdBy]);
        created = true;
      }
      if (output.messages) {
        await publishing;
        const rows = output.messageRows;
        publishing = this.publisher.publishMessages(unpackMessages(output.messages)).then(() => {
          published += rows;
        });
        await this.saveProgress(importId, output, 'RECEIVING');
      }
    };

    // The worker parses piece N+1 while this thread publishes piece N: a piece is handed over as
    // soon as it is read, and its output handled after the previous one's.
    let parsing: Promise<PipelineOutput> | undefined;
    const parseNext = async (next: Promise<PipelineOutput>): Promise<void> => {
      next.catch(() => undefined); // awaited below, in order; never an unhandled rejection meanwhile
      const previous = parsing;
      parsing = next;
      if (previous) await handle(await previous);
    };
    try {
      let pieces: Buffer[] = [];
      let size = 0;
      for await (const chunk of body as AsyncIterable<Buffer>) {
        if (last?.headerErrors) continue; // drain the rest of a refused upload
        pieces.push(chunk);
        size += chunk.length;
        if (size >= PIECE_BYTES) {
          await parseNext(runner.push(Buffer.concat(pieces, size)));
          pieces = [];
          size = 0;
        }
      }
      if (!last?.headerErrors) {
        if (size > 0) await parseNext(runner.push(Buffer.concat(pieces, size)));
        await parseNext(runner.end());
        await handle(await (parsing as Promise<PipelineOutput>));
      }
      await publishing;
    } catch (error) {
      await parsing?.catch(() => undefined);
      await publishing.catch(() => undefined);
      if (created) await this.fail(importId, last, published, error as Error);
      throw error;
    } finally {
      await runner.close();
    }
    const final = last as PipelineOutput;
    if (final.headerErrors) throw validationProblem(final.headerErrors.map((message) => ({ field: 'header', message })));
    await this.saveProgress(importId, final, 'RECEIVED');
    return { importId };
  }

  private async saveProgress(importId: string, output: PipelineOutput, status: 'RECEIVING' | 'RECEIVED'): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_job SET status = $2, rows_read = $3, accepted = $4, rejected = $5, first_rejections = $6,
         received_at = CASE WHEN $2 = 'RECEIVED' THEN now() ELSE received_at END
       WHERE id = $1`,
      [importId, status, output.counts.rowsRead, output.counts.accepted, output.counts.rejected, JSON.stringify(output.rejections)],
    );
  }

  private async fail(importId: string, output: PipelineOutput | undefined, published: number, error: Error): Promise<void> {
    this.logger.warn(`import ${importId} failed after ${output?.counts.rowsRead ?? 0} rows: ${error.message}`);
    await this.dataSource
      .query(
        `UPDATE import_job SET status = 'FAILED', rows_read = $2, accepted = $3, rejected = $4, first_rejections = $5, error = $6 WHERE id = $1`,
        [importId, output?.counts.rowsRead ?? 0, published, output?.counts.rejected ?? 0, JSON.stringify(output?.rejections ?? []), error.message.slice(0, 1000)],
      )
      .catch(() => undefined);
  }
}
