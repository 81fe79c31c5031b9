import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

export const IMPORT_JOB_STATES = ['RECEIVING', 'RECEIVED', 'FAILED'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

export interface StoredRejection {
  line: number;
  errors: Array<{ field: string; message: string }>;
}

/** A CSV import as the upload went: rows read, accepted (handed to Kafka) and rejected. */
@Entity({ name: 'import_job' })
@Check('import_job_status_check', "status IN ('RECEIVING', 'RECEIVED', 'FAILED')")
export class ImportJobEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  status!: ImportJobState;

  @Column('text')
  createdBy!: string;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  receivedAt!: Date | null;

  @Column('bigint', { default: 0 })
  rowsRead!: string;

  @Column('bigint', { default: 0 })
  accepted!: string;

  @Column('bigint', { default: 0 })
  rejected!: string;

  @Column('jsonb', { default: () => "'[]'" })
  firstRejections!: StoredRejection[];

  @Column('text', { nullable: true })
  error!: string | null;
}
