import { Column, Entity, PrimaryColumn } from 'typeorm';

export const IMPORT_JOB_STATES = ['RECEIVING', 'RECEIVED', 'FAILED'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

export interface StoredRejection {
  line: number;
  errors: Array<{ field: string; message: string }>;
}

/** A CSV import as the upload went: rows read, accepted (handed to Kafka) and rejected. */
@Entity({ name: 'import_job' })
export class ImportJobEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  status!: ImportJobState;

  @Column('text')
  createdBy!: string;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  receivedAt!: Date | null;

  @Column('bigint')
  rowsRead!: string;

  @Column('bigint')
  accepted!: string;

  @Column('bigint')
  rejected!: string;

  @Column('jsonb')
  firstRejections!: StoredRejection[];

  @Column('text', { nullable: true })
  error!: string | null;
}
