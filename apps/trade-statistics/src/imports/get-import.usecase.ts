import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProblemException } from '@westgate/platform';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { ImportJobState, StoredRejection } from './import-job.entity';
import { importStatus, type ImportStatus } from './import.rules';

export interface ImportView {
  importId: string;
  status: ImportStatus;
  rowsRead: number;
  accepted: number;
  rejected: number;
  /** New declarations counted in the statistics so far. */
  ingested: number;
  /** Accepted rows whose declarationId had been seen before: ignored, not counted twice. */
  duplicates: number;
  /** Accepted rows the ingest consumer dead-lettered. */
  failed: number;
  /** The first rejected rows (up to 100), with their line in the file and what is wrong. */
  rejectedRows: StoredRejection[];
  createdBy: string;
  createdAt: string;
  receivedAt: string | null;
  error: string | null;
}

export function importNotFound(id: string): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, 'IMPORT_NOT_FOUND', `No import ${id.slice(0, 64)}`);
}

/** `GET /imports/{id}`: the upload's own counts and what the ingest consumer has done with its rows. */
@Injectable()
export class GetImportUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(importId: string): Promise<ImportView> {
    if (!isUUID(importId)) throw importNotFound(importId);
    const [job] = (await this.dataSource.query(
      `SELECT j.*, coalesce(p.ingested, 0) AS ingested, coalesce(p.duplicates, 0) AS duplicates, coalesce(p.failed, 0) AS failed
       FROM import_job j
       LEFT JOIN (SELECT import_id, sum(ingested) AS ingested, sum(duplicates) AS duplicates, sum(failed) AS failed
                  FROM import_progress WHERE import_id = $1 GROUP BY import_id) p ON p.import_id = j.id
       WHERE j.id = $1`,
      [importId],
    )) as Array<{
      id: string;
      status: ImportJobState;
      created_by: string;
      created_at: Date;
      received_at: Date | null;
      rows_read: string;
      accepted: string;
      rejected: string;
      first_rejections: StoredRejection[];
      error: string | null;
      ingested: string;
      duplicates: string;
      failed: string;
    }>;
    if (!job) throw importNotFound(importId);
    const accepted = Number(job.accepted);
    const ingested = Number(job.ingested);
    const duplicates = Number(job.duplicates);
    const failed = Number(job.failed);
    return {
      importId: job.id,
      status: importStatus(job.status, accepted, ingested + duplicates + failed),
      rowsRead: Number(job.rows_read),
      accepted,
      rejected: Number(job.rejected),
      ingested,
      duplicates,
      failed,
      rejectedRows: job.first_rejections,
      createdBy: job.created_by,
      createdAt: new Date(job.created_at).toISOString(),
      receivedAt: job.received_at ? new Date(job.received_at).toISOString() : null,
      error: job.error,
    };
  }
}
