import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProblemException } from '@westgate/platform';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { ImportJobState, StoredRejection } from './import-job.entity';
import { FieldErrorView } from '../declarations/field-error.view';
import { IMPORT_STATUSES, importStatus, type ImportStatus } from './import.rules';

/** A rejected line of the file and what is wrong with it. */
export class ImportRejectionView implements StoredRejection {
  @ApiProperty({ description: 'line number in the file (the header is line 1)' })
  line!: number;

  @ApiProperty({ type: [FieldErrorView] })
  errors!: FieldErrorView[];
}

export class ImportView {
  @ApiProperty({ format: 'uuid' })
  importId!: string;

  @ApiProperty({ enum: IMPORT_STATUSES, description: 'RECEIVING while uploaded; PROCESSING until every accepted row is ingested; COMPLETED; FAILED when the upload broke off' })
  status!: ImportStatus;

  @ApiProperty({ description: 'data rows read so far' })
  rowsRead!: number;

  @ApiProperty({ description: 'rows handed to the ingest topic' })
  accepted!: number;

  @ApiProperty({ description: 'rows refused' })
  rejected!: number;

  @ApiProperty({ description: 'new declarations counted in the statistics so far' })
  ingested!: number;

  @ApiProperty({ description: 'accepted rows whose declarationId had been seen before (ignored)' })
  duplicates!: number;

  @ApiProperty({ description: 'accepted rows the ingest consumer dead-lettered' })
  failed!: number;

  @ApiProperty({ type: [ImportRejectionView], description: 'the first rejected rows (up to 100)' })
  rejectedRows!: ImportRejectionView[];

  @ApiProperty({ description: 'the user who uploaded the file' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when the whole file had been read' })
  receivedAt!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'why the upload failed' })
  error!: string | null;
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
